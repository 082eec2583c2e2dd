import type { Category } from '@docket/contracts';
import { connect } from '@docket/db';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvedGrant } from '../access/test-helpers';
import { TRANSACTION_NEEDED } from '../actions/statement';
import { casesVia, claimNextVia, emptyQueue, holdNewCase, spamReports } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { plansOf } from '../testing/plans';
import { aReport } from '../testing/reports';
import { actingAs } from '../testing/staff';
import { claimNextCase } from './claim-next';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const claim = (session: TestSession, queueId: string, body: object = {}) => claimNextVia(t, session, queueId, body);

const holders = async (ids: string[]) => {
  const rows = await t.db.selectFrom('case').select(['id', 'assignee_id']).where('id', 'in', ids).execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.assignee_id]));
};

/** Every event written from now on. */
async function eventsFrom() {
  const { last } = await t.db
    .selectFrom('audit_event')
    .select(sql<string>`coalesce(max(id), 0)`.as('last'))
    .executeTakeFirstOrThrow();
  return () => t.db.selectFrom('audit_event').selectAll().where('id', '>', last).orderBy('id').execute();
}

/** A fresh open case in the same queue as `caseId`, for the claim after it. */
async function anotherCaseLike(caseId: string) {
  const { category } = await t.db
    .selectFrom('case')
    .select('category')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const [next] = await casesVia(t, platform, [aReport({ category: category as Category })]);
  return next as string;
}

const queueOf = async (caseId: string) =>
  (await t.db.selectFrom('case').select('queue_id').where('id', '=', caseId).executeTakeFirstOrThrow()).queue_id;

describe('claim-next refusals write nothing', () => {
  it('refuses the wrong role with a 403: the skipped case stays held, no case taken, no claim recorded', async () => {
    await emptyQueue(t, 'scams_spam');
    await emptyQueue(t, 'escalations');
    const [spam, escalated] = (await casesVia(t, platform, spamReports(2))) as [string, string];
    await t.db.updateTable('case').set({ queue_id: 'escalations' }).where('id', '=', escalated).execute();
    const reviewer = await t.signedIn(['reviewer']);
    expect((await (await claim(reviewer.session, 'scams_spam')).json()).case.id).toBe(spam);

    const written = await eventsFrom();
    expect((await claim(reviewer.session, 'escalations', { skip: spam })).status).toBe(403);
    expect(await holders([spam, escalated])).toEqual({ [spam]: reviewer.id, [escalated]: null });
    expect((await written()).map((event) => event.action)).toEqual(['request.refused']);
  });

  it('refuses skipping a case not held with a 409: nothing released, nothing taken, no claim recorded', async () => {
    await emptyQueue(t, 'scams_spam');
    const [first, second, third] = (await casesVia(t, platform, spamReports(3))) as [string, string, string];
    const holder = await t.signedIn(['reviewer']);
    const other = await t.signedIn(['reviewer']);
    expect((await (await claim(holder.session, 'scams_spam')).json()).case.id).toBe(first);
    expect((await (await claim(other.session, 'scams_spam')).json()).case.id).toBe(second);

    const written = await eventsFrom();
    const refused = await claim(other.session, 'scams_spam', { skip: first });
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toMatch(/do not hold the case you are skipping/);
    expect(await holders([first, second, third])).toEqual({ [first]: holder.id, [second]: other.id, [third]: null });
    expect((await written()).map((event) => event.action)).toEqual(['request.refused']);
  });
});

describe('claim-next and the grants of whoever stops holding a case', () => {
  it('is one statement when no grant is in the way', async () => {
    await emptyQueue(t, 'scams_spam');
    const [caseId] = await casesVia(t, platform, spamReports(1));
    const staff = await t.staff(['reviewer']);
    const { staff: reviewer, who } = actingAs(staff, ['reviewer']);
    const claimed = await claimNextCase('scams_spam', reviewer, {}).statement(t.db, who);
    expect(claimed).not.toBe(TRANSACTION_NEEDED);
    expect(claimed).toMatchObject({ id: caseId, assignee: { id: staff.id } });
  });

  it('is planned once per connection, not on every claim', async () => {
    await emptyQueue(t, 'scams_spam');
    const [caseId] = await casesVia(t, platform, spamReports(1));
    const { staff: reviewer, who } = actingAs(await t.staff(['reviewer']), ['reviewer']);
    // A connection of its own, so no earlier test has run the statement on it.
    const own = await connect({ databaseUrl: t.url, poolSize: 1 });
    try {
      for (let run = 0; run < 8; run++) {
        // The first takes the case, the rest give it back (claiming is idempotent): one statement each.
        const claimed = await claimNextCase('scams_spam', reviewer, {}).statement(own.db, who);
        expect(claimed).toMatchObject({ id: caseId });
      }
      expect(await plansOf(own.db, 'with q as')).toEqual([{ generic: 3, custom: 5 }]);
    } finally {
      await own.close();
    }
  });

  it('skipping a held case with a live grant ends the grant, in the claim’s own transaction', async () => {
    const { reviewer, caseId, grantId } = await approvedGrant(t, platform);
    const next = await anotherCaseLike(caseId);
    const written = await eventsFrom();
    const claimed = await claim(reviewer.session, await queueOf(caseId), { skip: caseId });
    expect(claimed.status).toBe(200);
    expect((await claimed.json()).case.id).toBe(next);

    const grant = await t.db.selectFrom('access_grant').selectAll().where('id', '=', grantId).executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ ended_at: expect.any(Date), end_reason: 'released' });
    const events = await written();
    const ended = events.find((event) => event.action === 'access.ended');
    const claimEvent = events.find((event) => event.action === 'case.claimed');
    expect(ended).toMatchObject({ grant_id: grantId, details: { reason: 'released', holderId: reviewer.id } });
    expect(claimEvent).toMatchObject({ case_id: next, details: { skipped: caseId } });
    expect(ended?.tx_id).toBe(claimEvent?.tx_id);
  });

  it('taking over a lapsed case ends its old holder’s grant in the same transaction', async () => {
    const { reviewer, caseId, grantId } = await approvedGrant(t, platform);
    await t.db
      .updateTable('case')
      .set({ lease_expires_at: sql`now() - interval '1 second'` })
      .where('id', '=', caseId)
      .execute();
    const other = await t.signedIn(['reviewer']);
    const written = await eventsFrom();
    expect((await (await claim(other.session, await queueOf(caseId))).json()).case.id).toBe(caseId);

    const events = await written();
    const ended = events.find((event) => event.action === 'access.ended');
    expect(ended).toMatchObject({ grant_id: grantId, details: { reason: 'taken_over', holderId: reviewer.id } });
    expect(ended?.tx_id).toBe(events.find((event) => event.action === 'case.claimed')?.tx_id);
  });

  it('ends a break-glass grant committed while the skip waited for the case', async () => {
    const reviewer = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(t, platform, reviewer.session, aReport());
    const next = await anotherCaseLike(caseId);
    let claiming: ReturnType<typeof claim> | undefined;
    // The grant's transaction holds the case, as breakGlass does, until the skip is waiting for it.
    const grantId = await t.db.transaction().execute(async (trx) => {
      const held = await trx
        .selectFrom('case')
        .select('conversation_id')
        .where('id', '=', caseId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const grant = await trx
        .insertInto('access_grant')
        .values({
          case_id: caseId,
          conversation_id: held.conversation_id,
          grantee_id: reviewer.id,
          scope: JSON.stringify({ kind: 'full_conversation' }),
          expires_at: sql<Date>`now() + interval '10 minutes'`,
          break_glass: true,
          break_glass_justification: 'An urgent threat needs the context now.',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      claiming = claim(reviewer.session, await queueOf(caseId), { skip: caseId });
      await expect
        .poll(async () => {
          const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(t.db);
          return rows[0]?.n;
        })
        .toBe(1);
      return grant.id;
    });
    const claimed = await (claiming as ReturnType<typeof claim>);
    expect(claimed.status).toBe(200);
    expect((await claimed.json()).case.id).toBe(next);
    const grant = await t.db.selectFrom('access_grant').selectAll().where('id', '=', grantId).executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ ended_at: expect.any(Date), end_reason: 'released' });
    expect((await t.auditEvents('access.ended')).at(-1)).toMatchObject({ grant_id: grantId });
  });
});
