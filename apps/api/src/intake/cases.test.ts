import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();
const SINGLE = '/api/intake/reports';
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

async function casesFor(conversationId: string) {
  return t.db
    .selectFrom('case')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('opened_at')
    .execute();
}

describe('grouping reports into cases', () => {
  it('joins reports about one conversation into its open case', async () => {
    const conversationId = 'conv-grouped';
    const first = await (await t.signedPost(SINGLE, aReport({ conversationId }), platform)).json();
    const second = await (await t.signedPost(SINGLE, aReport({ conversationId }), platform)).json();
    expect(second.caseId).toBe(first.caseId);
    const [only, ...rest] = await casesFor(conversationId);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ report_count: 2, status: 'open', queue_id: 'harassment_hate' });
  });

  it('opens a new case once the last one is decided', async () => {
    const conversationId = 'conv-reopened';
    const first = await (await t.signedPost(SINGLE, aReport({ conversationId }), platform)).json();
    await t.db
      .updateTable('case')
      .set({ status: 'decided', decided_at: new Date() })
      .where('id', '=', first.caseId)
      .execute();
    const second = await (await t.signedPost(SINGLE, aReport({ conversationId }), platform)).json();
    expect(second.caseId).not.toBe(first.caseId);
    expect((await casesFor(conversationId)).map((c) => c.status)).toEqual(['decided', 'open']);
  });

  it('makes exactly one case when many reports for one conversation arrive at once', async () => {
    const conversationId = 'conv-concurrent';
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => t.signedPost(SINGLE, aReport({ conversationId }), platform)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
    const cases = await casesFor(conversationId);
    expect(cases).toHaveLength(1);
    expect(cases[0]?.report_count).toBe(12);
    expect(new Set((await Promise.all(responses.map((r) => r.json()))).map((r) => r.caseId))).toEqual(
      new Set([cases[0]?.id]),
    );
    const messages = await t.db
      .selectFrom('message')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(messages).toHaveLength(3);
  });

  it('moves a case to the more urgent queue when a more severe report joins it', async () => {
    const conversationId = 'conv-escalated';
    await t.signedPost(SINGLE, aReport({ conversationId, category: 'spam' }), platform);
    const before = (await casesFor(conversationId))[0];
    expect(before).toMatchObject({ queue_id: 'scams_spam', urgent: false });
    await t.signedPost(SINGLE, aReport({ conversationId, category: 'violent_threat' }), platform);
    const after = (await casesFor(conversationId))[0];
    expect(after).toMatchObject({ queue_id: 'urgent', category: 'violent_threat', urgent: true, report_count: 2 });
    expect(after?.sla_due_at.getTime()).toBeLessThan(before?.sla_due_at.getTime() ?? 0);
  });

  it('ranks urgent before others, minors first within a band, then more reports', async () => {
    const ids = {
      urgentMinor: (await (await t.signedPost(SINGLE, aReport({ category: 'grooming', minor: true }), platform)).json())
        .caseId,
      urgent: (await (await t.signedPost(SINGLE, aReport({ category: 'self_harm' }), platform)).json()).caseId,
      minor: (await (await t.signedPost(SINGLE, aReport({ category: 'harassment', minor: true }), platform)).json())
        .caseId,
      plain: (await (await t.signedPost(SINGLE, aReport({ category: 'harassment' }), platform)).json()).caseId,
    };
    const rows = await t.db
      .selectFrom('case')
      .select(['id', 'priority'])
      .where('id', 'in', Object.values(ids))
      .orderBy('priority', 'desc')
      .orderBy('opened_at')
      .execute();
    expect(rows.map((r) => r.id)).toEqual([ids.urgentMinor, ids.urgent, ids.minor, ids.plain]);
  });

  it('gives urgent cases the urgent queue SLA, measured from the database clock', async () => {
    const { caseId } = await (await t.signedPost(SINGLE, aReport({ category: 'child_safety' }), platform)).json();
    const row = await t.db
      .selectFrom('case')
      .select(sql<number>`extract(epoch from sla_due_at - opened_at)::int`.as('sla_seconds'))
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row.sla_seconds).toBe(60 * 60);
  });
});
