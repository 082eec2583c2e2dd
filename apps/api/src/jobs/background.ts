/**
 * What every API process runs in the background on the job runner: webhook deliveries on every
 * tick, and recurring work once per interval across all replicas.
 */
import type { Database } from '@docket/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { expireEndedGrants, expireStaleRequests } from '../access/expiry';
import { endGrantsForLapsedLeases } from '../access/grant-ends';
import { ACCESS_NOTICE_JOB, sendAccessNotices } from '../access/notices';
import { runSystemAction } from '../actions/context';
import { DECISION_EFFECT_JOB, takeEffectWhenDue } from '../cases/decision-effect';
import type { Config } from '../config';
import { pruneQueueSnapshots, QUEUE_SNAPSHOT_JOB, snapshotQueues } from '../dashboard/snapshots';
import type { Keyring } from '../encryption/keyring';
import { LEGAL_NOTICE_JOB, releaseLegalNotice } from '../legal/notices';
import { recordExpiredHolds } from '../retention/holds';
import { runRetention } from '../retention/shred';
import { witnessCheckpoint } from '../transparency/checkpoint';
import { submitStatements } from '../transparency/submissions';
import { createDeliveryPump } from '../webhooks/delivery';
import { PRUNE_JOB, pruneFinishedJobs, pruneRecurring } from './prune';
import { createJobRunner, type JobRunner } from './runner';

export const TDB_SUBMIT_JOB = 'transparency.submit_statements';
export const WITNESS_JOB = 'audit.witness_checkpoint';

export function createBackgroundWork(deps: {
  db: Kysely<Database>;
  keyring: Keyring;
  logger: Logger;
  config: Pick<
    Config,
    'jobs' | 'webhooks' | 'accessNotices' | 'tdb' | 'auditWitnessIntervalMs' | 'retention' | 'dashboard'
  >;
  /** The embedded database has one connection: smaller batches keep the console responsive. */
  deliveries?: { batchSize: number; rounds: number };
}): JobRunner {
  const { db, logger, config } = deps;
  const deliveries = createDeliveryPump({
    db,
    keyring: deps.keyring,
    logger,
    settings: {
      maxAttempts: config.webhooks.maxAttempts,
      backoff: { baseMs: config.webhooks.retryBaseMs, capMs: 6 * 60 * 60_000 },
      leaseMs: config.jobs.leaseMs,
      timeoutMs: config.webhooks.timeoutMs,
      ...(deps.deliveries ?? { batchSize: 200, rounds: 2 }),
    },
  });
  const { tdb } = config;
  const recurring = [
    ...['access.expire_requests', 'access.expire_grants', 'access.end_lapsed_grants', 'holds.record_expiries'].map(
      (name) => ({ name, everyMs: config.jobs.sweepMs }),
    ),
    { name: 'retention.shred', everyMs: config.retention.sweepMs },
    { name: QUEUE_SNAPSHOT_JOB, everyMs: config.dashboard.snapshotMs },
    pruneRecurring,
  ];
  if (tdb) recurring.push({ name: TDB_SUBMIT_JOB, everyMs: tdb.intervalMs });
  if (config.auditWitnessIntervalMs > 0) {
    recurring.push({ name: WITNESS_JOB, everyMs: config.auditWitnessIntervalMs });
  }
  return createJobRunner({
    db,
    logger,
    pollMs: config.jobs.pollMs,
    leaseMs: config.jobs.leaseMs,
    pumps: [deliveries],
    // Pending requests and grants expire, and grants of lapsed case leases end, on time (as the
    // system's events), and nowhere else (ADR 027). All three are idempotent sweeps.
    handlers: {
      'access.expire_requests': () => runSystemAction(db, expireStaleRequests),
      'access.expire_grants': () => runSystemAction(db, expireEndedGrants),
      'access.end_lapsed_grants': () => runSystemAction(db, endGrantsForLapsedLeases),
      // A decision takes effect when its undo window ends, unless its decider undid it (ADR 043).
      [DECISION_EFFECT_JOB]: (payload) => takeEffectWhenDue(db, payload),
      [ACCESS_NOTICE_JOB]: (payload, job) => sendAccessNotices(db, payload, config.accessNotices.delayHours, job),
      // Statements of reasons to the EU Transparency Database, when one is configured (ADR 036).
      ...(tdb && {
        [TDB_SUBMIT_JOB]: async () => {
          await submitStatements(
            db,
            { ...tdb, leaseMs: config.jobs.leaseMs, backoff: { baseMs: 60_000, capMs: 6 * 60 * 60_000 } },
            logger,
          );
        },
      }),
      // The newest signed checkpoint to the platform, to keep outside this database (ADR 037).
      [WITNESS_JOB]: async () => {
        await runSystemAction(db, witnessCheckpoint, 'checkpoint-witness');
      },
      [LEGAL_NOTICE_JOB]: (payload, job) => releaseLegalNotice(db, payload, job),
      // Holds stop protecting at their expiry by the database clock; this records that they did.
      'holds.record_expiries': () => runSystemAction(db, recordExpiredHolds),
      // Well inside the job's lease, so a long backlog never runs twice at once.
      'retention.shred': async () => {
        await runRetention(db, config.retention.days, { budgetMs: config.jobs.leaseMs / 3 });
      },
      // The dashboard's queue history: one snapshot per slot, and old ones dropped.
      [QUEUE_SNAPSHOT_JOB]: async () => {
        await snapshotQueues(db, config.dashboard.snapshotMs);
        await pruneQueueSnapshots(db, config.dashboard.keepDays);
      },
      [PRUNE_JOB]: async () => {
        await pruneFinishedJobs(db, config.jobs.keepDays);
      },
    },
    recurring,
  });
}
