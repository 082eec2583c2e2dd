/**
 * The queues page is polled by every reviewer every few seconds, and at a million open cases
 * its aggregate takes hundreds of milliseconds. Each API process therefore shares one summary
 * for up to `maxAgeMs`, refreshed in the background (one query at a time) while the previous
 * one is served — never older than `hardMaxAgeMs`. The summary carries the database time it
 * was computed (`asOf`), which the console shows.
 */
import type { QueueSummaryList } from '@docket/contracts';
import type { Database } from '@docket/db';
import type { Kysely } from 'kysely';
import { summariseQueues } from './queues';

export interface QueueSummaryCache {
  get(db: Kysely<Database>): Promise<QueueSummaryList>;
  /** Forget the shared summary (after this process changed the queues themselves). */
  invalidate(): void;
}

export function createQueueSummaryCache(
  maxAgeMs: number,
  hardMaxAgeMs = Math.max(maxAgeMs * 10, 30_000),
): QueueSummaryCache {
  let current: { value: QueueSummaryList; at: number } | undefined;
  let refreshing: Promise<QueueSummaryList> | undefined;

  const refresh = (db: Kysely<Database>) => {
    refreshing ??= summariseQueues(db)
      .then((value) => {
        current = { value, at: Date.now() };
        return value;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };

  return {
    async get(db) {
      if (maxAgeMs <= 0) return summariseQueues(db);
      const age = current ? Date.now() - current.at : Number.POSITIVE_INFINITY;
      if (current && age < maxAgeMs) return current.value;
      if (current && age < hardMaxAgeMs) {
        refresh(db).catch(() => {}); // the next caller retries; this one gets the last good summary
        return current.value;
      }
      return refresh(db);
    },
    invalidate() {
      current = undefined;
    },
  };
}
