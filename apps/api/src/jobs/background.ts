/**
 * What every API process runs in the background on the job runner: webhook deliveries on every
 * tick, and recurring work once per interval across all replicas.
 */
import type { Database } from '@docket/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { endGrantsForLapsedLeases } from '../access/grant-ends';
import { expireStaleRequests } from '../access/requests';
import type { Config } from '../config';
import type { Keyring } from '../encryption/keyring';
import { createDeliveryPump } from '../webhooks/delivery';
import { createJobRunner, type JobRunner } from './runner';

export function createBackgroundWork(deps: {
  db: Kysely<Database>;
  keyring: Keyring;
  logger: Logger;
  config: Pick<Config, 'jobs' | 'webhooks'>;
  /** The embedded database has one connection: smaller batches keep the console responsive. */
  batchSize?: number;
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
      batchSize: deps.batchSize ?? 50,
    },
  });
  return createJobRunner({
    db,
    logger,
    pollMs: config.jobs.pollMs,
    leaseMs: config.jobs.leaseMs,
    pumps: [deliveries],
    // Pending requests expire, and grants of lapsed case leases end, on time (as events), not
    // when some route next looks at them. Both are idempotent sweeps.
    handlers: {
      'access.expire_requests': () => expireStaleRequests(db),
      'access.end_lapsed_grants': () => endGrantsForLapsedLeases(db),
    },
    recurring: [
      { name: 'access.expire_requests', everyMs: 15_000 },
      { name: 'access.end_lapsed_grants', everyMs: 15_000 },
    ],
  });
}
