/**
 * Sealing rounds in the background of every API process: one every interval, back to back while
 * a backlog remains. The advisory lock makes the processes take turns; a failed round is logged
 * (never with event details) and the next one tries again.
 */
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { LoopHealth } from '../ops/health';
import { type SealOptions, sealPendingEvents } from './sealer';
import { type AuditSigner, type PublishedKey, registerSigningKeys } from './signing-keys';

export interface SealingLoop {
  /** Ends the loop once the round in flight (if any) has finished. */
  stop(): Promise<void>;
  /** Whether the loop runs, and when a round last ended (readiness, metrics). */
  health(): LoopHealth;
}

/** How often a stall on open transactions is logged while it lasts. */
const STALL_LOG_EVERY_MS = 30_000;

export function startSealingLoop(deps: {
  db: Kysely<Database>;
  /** Asked each round, so a rotated key file takes effect without a restart. */
  keys: { current(): AuditSigner; keys(): PublishedKey[] };
  logger: Logger;
  intervalMs: number;
  options?: SealOptions;
}): SealingLoop {
  const { db, logger, intervalMs } = deps;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let lastStallLog = 0;
  let registered: string | undefined;
  let lastRoundAt = Date.now();
  let failing = false;

  const round = async () => {
    let again = false;
    failing = false;
    try {
      const signer = deps.keys.current();
      // A new current key: register the file's keys, which also marks the retired ones.
      if (signer.key.keyId !== registered) {
        await registerSigningKeys(db, deps.keys.keys());
        registered = signer.key.keyId;
      }
      const result = await sealPendingEvents(db, signer, deps.options);
      if (result.outcome === 'sealed') {
        logger.debug(
          { sealed: result.sealed, through: result.through, keyId: result.checkpoint.keyId },
          'audit sealed',
        );
        again = result.more;
      } else if (result.outcome === 'unsettled' && Date.now() - lastStallLog > STALL_LOG_EVERY_MS) {
        lastStallLog = Date.now();
        logger.warn(
          { waitingOn: await describeTransactions(db, result.waitingOn) },
          'audit sealing waits for transactions that stay open',
        );
      }
    } catch (error) {
      failing = true;
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'audit sealing round failed');
    }
    lastRoundAt = Date.now();
    if (!stopped) timer = setTimeout(start, again ? 0 : intervalMs);
  };
  const start = () => {
    inFlight = round();
  };
  timer = setTimeout(start, 0);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
    health: () => ({ running: !stopped, lastRoundAt, failing }),
  };
}

/** Who holds the open transactions: enough for an operator to find them, no query text. */
async function describeTransactions(db: Kysely<Database>, transactions: string[]) {
  const shown = transactions.slice(0, 20);
  try {
    const { rows } = await sql<{
      pid: number | null;
      application: string | null;
      state: string | null;
      open_seconds: number | null;
    }>`
      select distinct l.pid, a.application_name as application, a.state,
             extract(epoch from now() - a.xact_start)::int as open_seconds
      from pg_locks l left join pg_stat_activity a on a.pid = l.pid
      where l.virtualtransaction = any(string_to_array(${shown.join(',')}, ','))`.execute(db);
    return { transactions: shown, count: transactions.length, sessions: rows };
  } catch {
    return { transactions: shown, count: transactions.length };
  }
}
