import { randomUUID } from 'node:crypto';
import { INTAKE_LIMITS, type IntakeReportInput } from '@docket/contracts';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();
const SINGLE = '/api/intake/reports';
const BATCH = '/api/intake/reports/batch';
let platform: { id: string; keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

async function counts() {
  return {
    reports: await t.count('report'),
    messages: await t.count('message'),
    cases: await t.count('case'),
    conversations: await t.count('conversation'),
    accounts: await t.count('platform_account'),
  };
}

/**
 * Stores a report under `externalId` in a transaction left open until `release` is called, as
 * a platform's retry still in flight would: a batch that reaches that id waits on its row.
 */
async function reportInFlight(externalId: string) {
  const anchor = aReport();
  const { caseId } = await (await t.signedPost(SINGLE, anchor, platform)).json();
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let stored = () => {};
  const isStored = new Promise<void>((resolve) => {
    stored = resolve;
  });
  const committed = t.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('report')
      .values({
        id: randomUUID(),
        service_account_id: platform.id,
        external_id: externalId,
        source: 'user_report',
        category: 'harassment',
        case_id: caseId,
        conversation_id: anchor.conversation.id,
        reporter_id: null,
        reported_account_id: 'acct-reported',
        reported_message_ids: ['m2'],
        reporter_text_nonce: Buffer.alloc(12),
        reporter_text_ciphertext: Buffer.alloc(16),
        payload_hash: Buffer.alloc(32),
      })
      .execute();
    stored();
    await released;
  });
  await isStored;
  return {
    /** Resolves once some statement of this database waits on a row lock (the batch, on that report). */
    async waitedOn() {
      for (let tries = 0; tries < 200; tries += 1) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(t.db);
        if ((rows[0]?.n ?? 0) > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('nothing waited on the report in flight');
    },
    async commit() {
      release();
      await committed;
    },
  };
}

describe('idempotent intake', () => {
  it('stores a report once; resending it returns the same report and changes nothing', async () => {
    const report = aReport();
    const now = Math.floor(Date.now() / 1000);
    const first = await (await t.signedPost(SINGLE, report, platform, { timestamp: now - 2 })).json();
    expect(first.status).toBe('created');
    const before = await counts();
    // A resend is signed anew (another timestamp); the identical signed request would be a replay.
    const again = await t.signedPost(SINGLE, report, platform, { timestamp: now });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...first, status: 'duplicate' });
    expect(await counts()).toEqual(before);
  });

  it('refuses the same external id with different content, storing nothing', async () => {
    const report = aReport();
    await t.signedPost(SINGLE, report, platform);
    const before = await counts();
    const changed = await t.signedPost(SINGLE, { ...report, reporterText: 'A different story.' }, platform);
    expect(changed.status).toBe(409);
    expect((await changed.json()).errors).toEqual([
      { field: 'reports.0.externalId', message: 'already received with different content' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('does not duplicate messages that arrive again in a later snapshot', async () => {
    const conversationId = 'conv-resent-messages';
    await t.signedPost(SINGLE, aReport({ conversationId }), platform);
    const later = aReport({ conversationId });
    later.messages = [
      ...later.messages,
      { id: 'm4', senderId: 'acct-reported', sentAt: '2026-11-01T10:05:00Z', body: 'Still here.' },
    ];
    const response = await t.signedPost(BATCH, { reports: [later] }, platform);
    expect((await response.json()).messagesStored).toBe(1);
    const stored = await t.db
      .selectFrom('message')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(stored.map((m) => m.id).sort()).toEqual(['m1', 'm2', 'm3', 'm4']);
  });
});

describe('batch intake', () => {
  it('takes 1,000 reports in one request', async () => {
    const reports = Array.from({ length: 1000 }, () => aReport());
    const response = await t.signedPost(BATCH, { reports }, platform);
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ created: 1000, duplicates: 0, messagesStored: 3000 });
    expect(result.results.map((r: { externalId: string }) => r.externalId)).toEqual(reports.map((r) => r.externalId));
    expect((await t.auditEvents('intake.reports_received')).at(-1)?.details).toMatchObject({
      reports: 1000,
      created: 1000,
    });
  });

  it('stores nothing when one item is invalid, and names every failing item', async () => {
    const reports = Array.from({ length: 5 }, () => aReport());
    (reports[1] as IntakeReportInput).category = 'nonsense' as never;
    (reports[3] as IntakeReportInput).messages[0]!.sentAt = 'yesterday';
    const before = await counts();
    const response = await t.signedPost(BATCH, { reports }, platform);
    expect(response.status).toBe(400);
    const fields = (await response.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['reports.1.category', 'reports.3.messages.0.sentAt']);
    expect(await counts()).toEqual(before);
  });

  it('stores nothing when one item conflicts with an earlier report', async () => {
    const earlier = aReport();
    await t.signedPost(SINGLE, earlier, platform);
    const before = await counts();
    const response = await t.signedPost(
      BATCH,
      { reports: [aReport(), { ...earlier, category: 'spam' }, aReport()] },
      platform,
    );
    expect(response.status).toBe(409);
    expect((await response.json()).errors).toEqual([
      { field: 'reports.1.externalId', message: 'already received with different content' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('stores nothing of a batch whose report fails as it is written, and answers 409 naming it', async () => {
    const contested = aReport();
    const inFlight = await reportInFlight(contested.externalId);
    const before = await counts();
    const batch = { reports: [aReport({ minor: true }), contested, aReport()] };
    const response = t.signedPost(BATCH, batch, platform);
    // The batch wrote accounts, conversations, messages and cases before it reached that report.
    await inFlight.waitedOn();
    await inFlight.commit();

    expect((await response).status).toBe(409);
    expect((await (await response).json()).errors).toEqual([
      { field: 'reports.1.externalId', message: 'received meanwhile by another request' },
    ]);
    expect(await counts()).toEqual({ ...before, reports: before.reports + 1 }); // the other request's report only
  });

  it('reports resent items as duplicates alongside new ones', async () => {
    const old = aReport();
    await t.signedPost(SINGLE, old, platform);
    const result = await (await t.signedPost(BATCH, { reports: [old, aReport()] }, platform)).json();
    expect(result.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'created']);
  });

  it('refuses an external id repeated inside one batch', async () => {
    const report = aReport();
    const response = await t.signedPost(BATCH, { reports: [report, report] }, platform);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      { field: 'reports.1.externalId', message: 'repeated in this batch' },
    ]);
  });
});

describe('validation limits (each a 4xx naming the field, storing nothing)', () => {
  const L = INTAKE_LIMITS;
  const sender = 'acct-reported';
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `x${i}`,
      senderId: sender,
      sentAt: '2026-11-01T10:00:00Z',
      body: 'hi',
    }));
  const cases: [string, (r: IntakeReportInput) => void, string][] = [
    [
      'message body too long',
      (r) => {
        r.messages[0]!.body = 'x'.repeat(L.messageBodyLength + 1);
      },
      'messages.0.body',
    ],
    [
      'too many messages',
      (r) => {
        r.messages = many(L.messagesPerSnapshot + 1);
      },
      'messages',
    ],
    [
      'no messages',
      (r) => {
        r.messages = [];
      },
      'messages',
    ],
    [
      'reporter text too long',
      (r) => {
        r.reporterText = 'x'.repeat(L.reporterTextLength + 1);
      },
      'reporterText',
    ],
    [
      'too many reported messages',
      (r) => {
        r.reportedMessageIds = Array.from({ length: L.reportedMessages + 1 }, () => 'm1');
      },
      'reportedMessageIds',
    ],
    [
      'reported message not in the snapshot',
      (r) => {
        r.reportedMessageIds = ['m9'];
      },
      'reportedMessageIds.0',
    ],
    [
      'sender not among the accounts',
      (r) => {
        r.messages[0]!.senderId = 'acct-stranger';
      },
      'messages.0.senderId',
    ],
    [
      'duplicate message id',
      (r) => {
        r.messages[1]!.id = 'm1';
      },
      'messages.1.id',
    ],
    [
      'id too long',
      (r) => {
        r.externalId = 'x'.repeat(L.idLength + 1);
      },
      'externalId',
    ],
    [
      'id with forbidden characters',
      (r) => {
        r.conversation.id = 'conv/../1';
      },
      'conversation.id',
    ],
    [
      'handle too long',
      (r) => {
        r.accounts[0]!.handle = 'x'.repeat(L.handleLength + 1);
      },
      'accounts.0.handle',
    ],
    [
      'unknown age band',
      (r) => {
        (r.accounts[0] as { ageBand: string }).ageBand = 'teen';
      },
      'accounts.0.ageBand',
    ],
    [
      'unknown category',
      (r) => {
        (r as { category: string }).category = 'rudeness';
      },
      'category',
    ],
    [
      'too many participants',
      (r) => {
        r.conversation.participantIds = Array.from({ length: L.participantsPerConversation + 1 }, () => sender);
      },
      'conversation.participantIds',
    ],
    [
      'too many accounts',
      (r) => {
        r.accounts = Array.from({ length: L.accountsPerReport + 1 }, (_, i) => ({
          id: `a${i}`,
          handle: 'h',
          ageBand: 'adult' as const,
        }));
      },
      'accounts',
    ],
    [
      'participant not among the accounts',
      (r) => {
        r.conversation.participantIds = ['acct-stranger'];
      },
      'conversation.participantIds.0',
    ],
    [
      'sent_at not a timestamp',
      (r) => {
        r.messages[0]!.sentAt = '2026-13-45';
      },
      'messages.0.sentAt',
    ],
  ];

  it.each(cases)('%s', async (_name, bend, field) => {
    const report = aReport();
    bend(report);
    const before = await counts();
    const response = await t.signedPost(SINGLE, report, platform);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it(`more than ${L.reportsPerBatch} reports in a batch`, async () => {
    const report = aReport();
    const response = await t.signedPost(
      BATCH,
      { reports: Array.from({ length: L.reportsPerBatch + 1 }, () => report) },
      platform,
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((e: { field: string }) => e.field)).toContain('reports');
  });

  it('a body over the single-report limit', async () => {
    const report = aReport();
    report.reporterText = 'x'.repeat(L.singleBodyBytes);
    const response = await t.signedPost(SINGLE, report, platform);
    expect(response.status).toBe(413);
  });

  it('malformed JSON', async () => {
    const { signRequest } = await import('@docket/intake-client');
    const body = '{"externalId": ';
    const headers = signRequest(platform.keyId, platform.secret, {
      method: 'POST',
      path: SINGLE,
      timestamp: Math.floor(Date.now() / 1000),
      body,
    });
    const response = await t.request('POST', SINGLE, {
      rawBody: body,
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
  });
});
