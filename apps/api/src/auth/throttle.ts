import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { Config } from '../config';

/**
 * Sign-in throttling kept in Postgres so it holds across API replicas: too many failures
 * for one username, or from one address, inside the lockout window refuse further attempts.
 */
export async function signInRetryAfter(
  db: Kysely<Database>,
  username: string,
  ip: string | null,
  config: Config['signIn'],
): Promise<number | null> {
  const windowStart = sql<Date>`now() - make_interval(mins => ${config.lockoutMinutes})`;
  const row = await db
    .selectFrom('sign_in_failure')
    .select([
      sql<number>`count(*) filter (where username = ${username})::int`.as('for_user'),
      sql<number>`count(*) filter (where ip = ${ip})::int`.as('for_ip'),
      sql<number>`ceil(extract(epoch from (min(failed_at) + make_interval(mins => ${config.lockoutMinutes}) - now())))::int`.as(
        'seconds_left',
      ),
    ])
    .where('failed_at', '>', windowStart)
    .where((eb) => eb.or([eb('username', '=', username), ...(ip ? [eb('ip', '=', ip)] : [])]))
    .executeTakeFirstOrThrow();
  const locked = row.for_user >= config.maxFailures || (ip !== null && row.for_ip >= config.maxFailuresPerIp);
  return locked ? Math.max(1, row.seconds_left) : null;
}

export async function recordSignInFailure(db: Kysely<Database>, username: string, ip: string | null): Promise<void> {
  await db.insertInto('sign_in_failure').values({ username, ip }).execute();
}

export async function clearSignInFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('sign_in_failure').where('username', '=', username).execute();
}
