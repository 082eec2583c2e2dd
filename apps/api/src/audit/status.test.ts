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
