import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
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
