/**
 * Retention by crypto-shredding (ADR 031): when it destroys a conversation, by which clock, what
 * is left afterwards (in the live database and in a dump), what a later read says, and what
 * keeps a conversation from it — an open case, a case still inside its retention, a live hold.
 */
import type { Category } from '@docket/contracts';
import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileRequest } from '../access/test-helpers';
import { runSystemAction, systemActor } from '../actions/context';
import { loadConfig } from '../config';
import { readMessages } from '../encryption/content';
import { unwrapDataKey } from '../encryption/envelope';
import { MissingKeyError } from '../encryption/keyring';
import { keysWrappedBy, rewrapAll } from '../encryption/rotation';
import { createBackgroundWork } from '../jobs/background';
import { closeOtherOpenCases, holdNewCase } from '../testing/cases';
import { dumpDatabase } from '../testing/dump';
import { useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';
import { placeHold, recordExpiredHolds } from './holds';
import { runRetention } from './shred';

const t = useTestApp();
const DAYS = loadConfig({}).retention.days; // harassment 90, child_safety 365 by default
let platform: { keyId: string; secret: string };
let legalOfficer: string;

beforeAll(async () => {
  platform = await t.serviceAccount();
  legalOfficer = (await t.staff(['legal'])).id;
});

afterEach(() => {
  vi.useRealTimers();
});

let counter = 0;
/** A conversation with one case, reported through intake; `participants` default to two fresh accounts. */
async function reportedConversation(category: Category = 'harassment', participants?: [string, string]) {
  counter += 1;
  const [reporter, reported] = participants ?? [`acct-a-${counter}`, `acct-b-${counter}`];
  const report = aReport({ category, conversationId: `conv-retention-${counter}-${Date.now()}` });
  report.reporterId = reporter;
  report.reportedAccountId = reported;
  report.accounts = [
    { id: reporter, handle: `reporter_${counter}`, ageBand: 'adult' },
    { id: reported, handle: `reported_${counter}`, ageBand: 'adult' },
    { id: `acct-c-${counter}`, handle: `bystander_${counter}`, ageBand: 'adult' },
  ];
  // A third participant neither reports nor is reported: a hold on them must still count.
  const bystander = `acct-c-${counter}`;
  report.conversation.participantIds = [reporter, reported, bystander];
  report.messages = report.messages.map((message, index) => ({
    ...message,
    senderId: index === 0 ? reporter : reported,
    body: `Secret body ${index} of conversation ${counter} ${Math.random()}`,
  }));
  const response = await t.signedPost('/api/intake/reports', report, platform);
  expect(response.status, await response.clone().text()).toBe(200);
  const { caseId } = await response.json();
  return { conversationId: report.conversation.id, caseId: caseId as string, report, reporter, reported, bystander };
}

/** Closes a case `daysAgo` days ago by the database's clock. */
async function closeCase(caseId: string, daysAgo: number) {
  await sql`update "case" set status = 'decided', decided_at = now() - make_interval(days => ${daysAgo})
    where id = ${caseId}`.execute(t.db);
}

const shred = () => runRetention(t.db, DAYS, { batchSize: 50 });

async function keyOf(conversationId: string) {
  return t.db
    .selectFrom('conversation')
    .select(['dek_wrapped', 'content_destroyed_at'])
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
}

async function isShredded(conversationId: string) {
  return (await keyOf(conversationId)).dek_wrapped === null;
}

describe('when retention destroys a conversation', () => {
  it('goes by the database clock, not the Node clock', async () => {
    const due = await reportedConversation('harassment');
    const notYet = await reportedConversation('harassment');
    await closeCase(due.caseId, DAYS.harassment + 1);
    await closeCase(notYet.caseId, DAYS.harassment - 1);

    // A Node clock a year behind would find nothing due; the database's finds `due`.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 365 * 86_400_000);
    await shred();
    expect(await isShredded(due.conversationId)).toBe(true);

    // A Node clock ten years ahead would find `notYet` due; the database's does not.
    vi.setSystemTime(Date.now() + 10 * 365 * 86_400_000);
    await shred();
    expect(await isShredded(notYet.conversationId)).toBe(false);
  });

  it('keeps a conversation while any case on it is open or still inside its retention', async () => {
    // The first case closed long ago; a report arriving later opened another, still open.
    const open = await reportedConversation('harassment');
    await closeCase(open.caseId, 400);
    const later = await t.signedPost(
      '/api/intake/reports',
      { ...open.report, externalId: `later-${open.caseId}` },
      platform,
    );
    expect((await later.json()).caseId).not.toBe(open.caseId);

    // Two closed cases: harassment's 90 days ran out, child safety's 365 have not.
    const mixed = await reportedConversation('harassment');
    await closeCase(mixed.caseId, DAYS.harassment + 5);
    await sql`insert into "case" (conversation_id, queue_id, category, urgent, involves_minor, report_count, sla_due_at, status, decided_at)
      values (${mixed.conversationId}, 'urgent', 'child_safety', true, false, 1, now(), 'decided',
        now() - make_interval(days => ${DAYS.child_safety - 1}))`.execute(t.db);

    await shred();
    expect(await isShredded(open.conversationId)).toBe(false);
    expect(await isShredded(mixed.conversationId)).toBe(false);

    await sql`update "case" set decided_at = now() - make_interval(days => ${DAYS.child_safety + 1})
      where conversation_id = ${mixed.conversationId}`.execute(t.db);
    await shred();
    expect(await isShredded(mixed.conversationId)).toBe(true);
  });
});

describe('the retention job', () => {
  it('destroys a due conversation on the job runner, with nothing else called', async () => {
    const due = await reportedConversation('harassment');
    await closeCase(due.caseId, DAYS.harassment + 1);
    await t.db.deleteFrom('job').execute();
    const runner = createBackgroundWork({ db: t.db, keyring: t.keyring, logger: t.deps.logger, config: t.deps.config });
    await runner.tick();
    expect(await isShredded(due.conversationId)).toBe(true);
  });
});

describe('what shredding leaves', () => {
  it('leaves no ciphertext of the conversation in a pg_dump, and records ids and counts only', async () => {
    const target = await reportedConversation('harassment');
    await closeCase(target.caseId, DAYS.harassment + 1);
    const sealed = await sql<{ bytes: Buffer }>`
      select body_nonce as bytes from message where conversation_id = ${target.conversationId}
      union all select body_ciphertext from message where conversation_id = ${target.conversationId}
      union all select reporter_text_nonce from report where conversation_id = ${target.conversationId}
      union all select reporter_text_ciphertext from report where conversation_id = ${target.conversationId}
      union all select dek_wrapped from conversation where id = ${target.conversationId}`.execute(t.db);
    const secrets = sealed.rows.map((row) => row.bytes);
    expect(secrets).toHaveLength(3 + 3 + 1 + 1 + 1);
    const encodings = (bytes: Buffer) => [
      bytes.toString('hex'),
      bytes.toString('base64'),
      bytes.toString('latin1'),
      ...target.report.messages.map((message) => message.body),
    ];

    // The search works: before shredding, the dump holds every one of them (bytea dumps as hex).
    const before = await dumpDatabase(t.db, t.url);
    // CI points TEST_DATABASE_URL at the machine's server, which its pg_dump can dump; the
    // embedded server of a bare `pnpm test` has no pg_dump beside it, so the rows are read as text.
    if (process.env.TEST_DATABASE_URL) expect(before.tool).toBe('pg_dump');
    for (const bytes of secrets) expect(before.text).toContain(bytes.toString('hex'));

    const run = await shred();
    expect(run.conversations).toBeGreaterThanOrEqual(1);
    const after = await dumpDatabase(t.db, t.url);
    expect(after.text).toContain(target.conversationId); // the metadata is still there
    for (const bytes of secrets) {
      for (const encoded of encodings(bytes)) expect(after.text).not.toContain(encoded);
    }

    const [event] = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'retention.shredded')
      .where('target_id', '=', target.conversationId)
      .execute();
    expect(event).toMatchObject({
      actor_type: 'system',
      target_type: 'conversation',
      details: {
        dataKey: { conversationId: target.conversationId, kekVersion: t.keyring.currentVersion },
        messageCount: 3,
        messageIds: ['m1', 'm2', 'm3'],
        caseIds: [target.caseId],
      },
    });
    expect(JSON.stringify(event?.details)).not.toMatch(/Secret body/);
  });

  it('says the content was destroyed when a report arriving later leads to a read', async () => {
    const target = await reportedConversation('harassment');
    await closeCase(target.caseId, DAYS.harassment + 1);
    await shred();
    const { content_destroyed_at } = await keyOf(target.conversationId);

    // A later report on the same conversation brings one new message; m1–m3 stay destroyed.
    const reviewer = await t.signedIn(['reviewer']);
    const supervisor = await t.signedIn(['supervisor']);
    const later = aReport({ conversationId: target.conversationId, reportedMessageIds: ['m4'] });
    later.messages = [{ id: 'm4', senderId: target.reported, sentAt: '2026-12-01T10:00:00Z', body: 'Still here.' }];
    later.accounts = target.report.accounts;
    later.reporterId = target.reporter;
    later.reportedAccountId = target.reported;
    later.conversation = target.report.conversation;
    const caseId = await holdNewCase(t, platform, reviewer.session, later);
    await closeOtherOpenCases(t, caseId);

    const request = await (
      await fileRequest(t, reviewer.session, caseId, { scope: { kind: 'full_conversation' } })
    ).json();
    const approved = await t.request('POST', `/api/access/requests/${request.id}/approve`, {
      session: supervisor.session,
      body: {},
    });
    expect(approved.status, await approved.clone().text()).toBe(200);
    const read = await t.request('GET', `/api/cases/${caseId}/conversation`, { session: reviewer.session });
    expect(read.status, await read.clone().text()).toBe(200);
    const { messages } = await read.json();
    const destroyedAt = content_destroyed_at?.toISOString();
    expect(
      messages.map((m: { id: string; body: string | null; destroyedAt: string | null }) => [
        m.id,
        m.body,
        m.destroyedAt,
      ]),
    ).toEqual([
      ['m1', null, destroyedAt],
      ['m2', null, destroyedAt],
      ['m3', null, destroyedAt],
      ['m4', 'Still here.', null],
    ]);
  });
});

describe('preservation holds against retention', () => {
  it('keeps the conversations of a held participant until the hold is released', async () => {
    const target = await reportedConversation('harassment');
    await closeCase(target.caseId, DAYS.harassment + 1);
    const hold = await runSystemAction(t.db, (ctx) =>
      placeHold(ctx, legalOfficer, {
        targetType: 'account',
        targetId: target.bystander,
        reason: 'Preservation order 17.',
      }),
    );
    await shred();
    expect(await isShredded(target.conversationId)).toBe(false);

    const { session } = await t.signedIn(['legal']);
    const released = await t.request('POST', `/api/holds/${hold.id}/release`, {
      session,
      body: { reason: 'The authority withdrew its order.' },
    });
    expect(released.status).toBe(200);
    await shred();
    expect(await isShredded(target.conversationId)).toBe(true);
  });

  it('keeps a held conversation until the hold expires, and records the expiry once', async () => {
    const target = await reportedConversation('harassment');
    await closeCase(target.caseId, DAYS.harassment + 1);
    const { id } = await t.db
      .insertInto('preservation_hold')
      .values({
        target_type: 'conversation',
        target_id: target.conversationId,
        reason: 'Preservation letter, short.',
        placed_by: legalOfficer,
        expires_at: sql`now() + interval '1.5 seconds'`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await shred();
    expect(await isShredded(target.conversationId)).toBe(false);

    await new Promise((resolve) => setTimeout(resolve, 1600));
    await shred();
    expect(await isShredded(target.conversationId)).toBe(true);
    await runSystemAction(t.db, recordExpiredHolds);
    await runSystemAction(t.db, recordExpiredHolds);
    const expired = await t.db
      .selectFrom('audit_event')
      .select('target_id')
      .where('action', '=', 'hold.expired')
      .where('target_id', '=', id)
      .execute();
    expect(expired).toHaveLength(1);
  });
});

describe('the retention schedule', () => {
  it('shows a legal officer each category’s days and a held conversation’s due date', async () => {
    const target = await reportedConversation('harassment');
    await closeCase(target.caseId, 10);
    await t.db
      .insertInto('preservation_hold')
      .values({
        target_type: 'conversation',
        target_id: target.conversationId,
        reason: 'Preservation letter for the schedule.',
        placed_by: legalOfficer,
        expires_at: sql`now() + interval '1 day'`,
      })
      .execute();
    const { session } = await t.signedIn(['legal']);
    const schedule = await (await t.request('GET', '/api/retention/schedule', { session })).json();
    expect(schedule.categories).toContainEqual({ category: 'child_safety', days: 365 });
    const { decided_at } = await t.db
      .selectFrom('case')
      .select('decided_at')
      .where('id', '=', target.caseId)
      .executeTakeFirstOrThrow();
    expect(schedule.upcoming).toContainEqual({
      conversationId: target.conversationId,
      destroyAt: new Date((decided_at as Date).getTime() + DAYS.harassment * 86_400_000).toISOString(),
      held: true,
    });
  });
});

// Last in the file: it rotates the file's keyring.
describe('backups', () => {
  it('leaves an old backup’s data key unreadable once its key-encryption key is rotated out and retired', async () => {
    const target = await reportedConversation('harassment');
    const kept = await reportedConversation('harassment');
    const backup = await t.db
      .selectFrom('conversation')
      .select(['dek_wrapped', 'kek_version'])
      .where('id', '=', target.conversationId)
      .executeTakeFirstOrThrow();
    await closeCase(target.caseId, DAYS.harassment + 1);
    await shred();
    expect(await isShredded(target.conversationId)).toBe(true);

    const old = backup.kek_version as number;
    t.keyring.addVersion();
    await rewrapAll(t.db, t.keyring, systemActor('test'));
    // Destroyed keys are not counted: nothing live is left under the old version.
    expect(await keysWrappedBy(t.db, old)).toBe(0);
    t.keyring.retireVersion(old);

    expect(() => unwrapDataKey(t.keyring, target.conversationId, old, backup.dek_wrapped as Buffer)).toThrow(
      MissingKeyError,
    );
    // What is kept still reads under the new version.
    const [message] = await readMessages(t.db, t.keyring, kept.conversationId, ['m1']);
    expect(message?.body).toBe(kept.report.messages[0]?.body);
  });
});
