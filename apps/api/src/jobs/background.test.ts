import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { ACCESS_CHANNEL } from '../access/live';
import { approvedGrant, pendingRequest } from '../access/test-helpers';
import { useTestApp } from '../testing/harness';
import { createBackgroundWork } from './background';

const t = useTestApp();
let platform: { keyId: string; secret: string };
beforeAll(async () => {
  platform = await t.serviceAccount();
});

// Each test is a new interval: recurring work runs once per slot, and the slots of an earlier test are forgotten.
const work = async () => {
  await t.db.deleteFrom('job').execute();
  return createBackgroundWork({ db: t.db, keyring: t.keyring, logger: t.deps.logger, config: t.deps.config });
};

it('expires a pending request as an event on time, with no route called', async () => {
  const { request } = await pendingRequest(t, platform);
  await t.db
    .updateTable('access_request')
    .set({ pending_until: sql`now() - interval '1 second'` })
    .where('id', '=', request.id)
    .execute();
  await (await work()).tick();
  const row = await t.db
    .selectFrom('access_request')
    .select('status')
    .where('id', '=', request.id)
    .executeTakeFirstOrThrow();
  expect(row.status).toBe('expired');
  expect((await t.auditEvents('access.expired')).map((e) => e.target_id)).toContain(request.id);
});

it('ends the grants of a lapsed case lease as events, with no route called', async () => {
  const { caseId, grantId } = await approvedGrant(t, platform);
  await t.db
    .updateTable('case')
    .set({ lease_expires_at: sql`now() - interval '1 second'` })
    .where('id', '=', caseId)
    .execute();
  await (await work()).tick();
  const ended = await t.auditEvents('access.ended');
  expect(ended.find((e) => e.grant_id === grantId)?.details).toMatchObject({ reason: 'lease_lapsed' });
});

it('expires pending requests and grants as events within one sweep interval, with no route called', async () => {
  const sweepMs = 250;
  const { request } = await pendingRequest(t, platform);
  const { grantId, reviewer } = await approvedGrant(t, platform);
  const deadline = sql<Date>`now() + interval '1 second'`;
  await t.db.updateTable('access_request').set({ pending_until: deadline }).where('id', '=', request.id).execute();
  await t.db.updateTable('access_grant').set({ expires_at: deadline }).where('id', '=', grantId).execute();
  const heard: { type: string; requestId?: string; grantId?: string; staffId: string }[] = [];
  const unlisten = await t.deps.listen!(ACCESS_CHANNEL, { onPayload: (payload) => heard.push(JSON.parse(payload)) });
  await t.db.deleteFrom('job').execute();
  const config = { ...t.deps.config, jobs: { ...t.deps.config.jobs, pollMs: 20, sweepMs } };
  const runner = createBackgroundWork({ db: t.db, keyring: t.keyring, logger: t.deps.logger, config });
  runner.start();
  try {
    const expiries = async () =>
      (await t.auditEvents('access.expired')).filter((e) => e.target_id === request.id || e.grant_id === grantId);
    const until = Date.now() + 5_000;
    while ((await expiries()).length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));

    const recorded = await expiries();
    expect(recorded).toHaveLength(2);
    for (const event of recorded) expect(event).toMatchObject({ actor_type: 'system', request_id: null });
    // On time: each recorded within one sweep interval (and some slack for a busy machine) of its deadline.
    const { rows } = await sql<{ late_ms: number }>`
      select extract(epoch from e.occurred_at - coalesce(r.pending_until, g.expires_at)) * 1000 as late_ms
      from audit_event e left join access_request r on r.id::text = e.target_id and e.target_type = 'access_request'
        left join access_grant g on g.id = e.grant_id
      where e.action = 'access.expired' and (r.id = ${request.id} or g.id = ${grantId})`.execute(t.db);
    for (const { late_ms } of rows) expect(Number(late_ms)).toBeLessThan(sweepMs + 750);

    const grant = await t.db
      .selectFrom('access_grant')
      .select(['end_reason', sql<boolean>`ended_at = expires_at`.as('at_expiry')])
      .where('id', '=', grantId)
      .executeTakeFirstOrThrow();
    expect(grant).toEqual({ end_reason: 'expired', at_expiry: true });
    expect(heard).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'access.expired', requestId: request.id }),
        { type: 'access.expired', caseId: expect.any(String), staffId: reviewer.id, grantId },
      ]),
    );
  } finally {
    await runner.stop();
    await unlisten();
  }
});

it('deletes jobs done longer ago than JOBS_KEEP_DAYS, and keeps recent and failed ones', async () => {
  const background = await work();
  const finished = (key: string, outcome: 'done' | 'failed', daysAgo: number) =>
    t.db
      .insertInto('job')
      .values({
        name: 'example',
        key,
        run_at: sql<Date>`now() - make_interval(days => ${daysAgo + 1})`,
        finished_at: sql<Date>`now() - make_interval(days => ${daysAgo})`,
        outcome,
      })
      .execute();
  await finished('old-done', 'done', 8);
  await finished('recent-done', 'done', 6);
  await finished('old-failed', 'failed', 30);

  await background.tick();
  const left = await t.db.selectFrom('job').select('key').where('name', '=', 'example').orderBy('key').execute();
  expect(left.map((row) => row.key)).toEqual(['old-failed', 'recent-done']);
  // The prune is recurring work like any other: its own row is there, done.
  const prune = await t.db.selectFrom('job').select('outcome').where('name', '=', 'jobs.prune').execute();
  expect(prune).toEqual([{ outcome: 'done' }]);
});
