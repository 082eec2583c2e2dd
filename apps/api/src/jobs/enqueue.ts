import type { Database } from '@docket/db';
import type { Transaction } from 'kysely';

export interface NewJob {
  /** Which handler runs it. */
  name: string;
  /** Idempotency: a second job with the same key is not added. */
  key: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Adds a job in the caller's transaction, so it exists exactly when the action that asked for it
 * commits. Returns whether it was new.
 */
export async function enqueueJob(trx: Transaction<Database>, job: NewJob): Promise<boolean> {
  const inserted = await trx
    .insertInto('job')
    .values({
      name: job.name,
      key: job.key,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt,
      max_attempts: job.maxAttempts,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
