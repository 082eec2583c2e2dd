/** The chain's status as auditors read it while the system keeps recording and sealing. */
import { expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { recordAuditEvent, SYSTEM_ACTOR } from './record';
import { auditStatus } from './status';

const t = useTestApp();
const audit = { actor: SYSTEM_ACTOR, requestId: 'req-status', ip: null, userAgent: 'vitest' };

/** Runs `work` over and over until `until` has passed. */
async function repeatUntil(until: number, work: () => Promise<unknown>) {
  while (Date.now() < until) await work();
}

it('reports the head, the latest checkpoint and the verification from one snapshot while events are sealed', async () => {
  const until = Date.now() + 5_000;
  const samples: Awaited<ReturnType<typeof auditStatus>>[] = [];
  await Promise.all([
    repeatUntil(until, () =>
      t.db
        .transaction()
        .execute((trx) =>
          recordAuditEvent(trx, audit, { action: 'test.status_load', target: { type: 'test', id: 'load' } }),
        ),
    ),
    // One event a round: as many seals (and checkpoints) as possible, each a chance to fall between reads.
    repeatUntil(until, () => t.seal({ maxEvents: 1 })),
    ...[1, 2, 3].map(() => repeatUntil(until, async () => samples.push(await auditStatus(t.db)))),
  ]);

  const inconsistent = samples.filter(
    (status) =>
      !status.verification.ok ||
      status.verification.verifiedThrough > status.sealedThrough ||
      (status.latestCheckpoint?.seq ?? 0) > status.sealedThrough,
  );
  expect(samples.length).toBeGreaterThan(100);
  expect(inconsistent.slice(0, 3)).toEqual([]);
  expect(samples.at(-1)?.sealedThrough).toBeGreaterThan(50);
});

it('shows a transaction left open after writing an audit event, which holds sealing up until it ends', async () => {
  await t.seal();
  let finish = () => {};
  const open = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let wrote = () => {};
  const written = new Promise<void>((resolve) => {
    wrote = resolve;
  });
  const stuck = t.db.transaction().execute(async (trx) => {
    await recordAuditEvent(trx, audit, { action: 'test.stuck', target: { type: 'test', id: 'stuck' } });
    wrote();
    await open;
  });
  await written;
  await new Promise((resolve) => setTimeout(resolve, 1_100));

  const waiting = await auditStatus(t.db);
  expect(waiting.sealingWaitsOn.transactions).toBe(1);
  expect(waiting.sealingWaitsOn.oldestOpenSeconds).toBeGreaterThanOrEqual(1);
  // Another action commits meanwhile: the sealer waits for the open one, gives up, seals nothing.
  await t.db
    .transaction()
    .execute((trx) => recordAuditEvent(trx, audit, { action: 'test.after', target: { type: 'test', id: 'after' } }));
  const before = waiting.sealedThrough;
  const round = await t.seal({ settleTimeoutMs: 200 });
  expect(round.outcome).not.toBe('sealed');
  expect((await auditStatus(t.db)).sealedThrough).toBe(before);

  finish();
  await stuck;
  await t.seal();
  const after = await auditStatus(t.db);
  expect(after.sealingWaitsOn).toEqual({ transactions: 0, oldestOpenSeconds: null });
  expect(after.sealedThrough).toBe(before + 2);
});
