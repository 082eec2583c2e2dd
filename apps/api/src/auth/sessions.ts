import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '@docket/db';
import { isRole } from '@docket/permissions';
import { type Kysely, sql } from 'kysely';
import type { Config } from '../config';
import type { Session } from '../context';

export const SESSION_COOKIE = 'docket_session';
/** The `__Host-` prefix pins the cookie to this exact origin; browsers only accept it with Secure. */
export const SECURE_SESSION_COOKIE = '__Host-docket_session';

// Refreshing the idle deadline on every request would make each read a write; once a minute is plenty.
const TOUCH_INTERVAL_SECONDS = 60;

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export async function createSession(
  db: Kysely<Database>,
  staffUserId: string,
  client: { ip: string | null; userAgent: string | null },
  config: Config['session'],
): Promise<{ token: string }> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('staff_session')
    .values({
      token_hash: hashToken(token),
      staff_user_id: staffUserId,
      csrf_token: randomBytes(24).toString('base64url'),
      ip: client.ip,
      user_agent: client.userAgent,
      idle_expires_at: sql<Date>`now() + make_interval(mins => ${config.idleMinutes})`,
      absolute_expires_at: sql<Date>`now() + make_interval(hours => ${config.absoluteHours})`,
    })
    .execute();
  return { token };
}

/**
 * The live session for a cookie token, judged by the database clock; null when unknown,
 * idle too long, past its absolute lifetime, or its user is disabled.
 */
export async function findLiveSession(
  db: Kysely<Database>,
  token: string,
  config: Config['session'],
): Promise<Session | null> {
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('staff_session as s')
    .innerJoin('staff_user as u', 'u.id', 's.staff_user_id')
    .select([
      's.csrf_token',
      's.idle_expires_at',
      's.absolute_expires_at',
      'u.id',
      'u.username',
      'u.display_name',
      'u.roles',
      sql<boolean>`s.last_seen_at < now() - make_interval(secs => ${TOUCH_INTERVAL_SECONDS})`.as('stale'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.idle_expires_at', '>', sql<Date>`now()`)
    .where('s.absolute_expires_at', '>', sql<Date>`now()`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;

  let idleExpiresAt = row.idle_expires_at;
  if (row.stale) {
    const touched = await db
      .updateTable('staff_session')
      .set({
        last_seen_at: sql`now()`,
        idle_expires_at: sql`least(now() + make_interval(mins => ${config.idleMinutes}), absolute_expires_at)`,
      })
      .where('token_hash', '=', tokenHash)
      .returning('idle_expires_at')
      .executeTakeFirst();
    if (touched) idleExpiresAt = touched.idle_expires_at;
  }

  return {
    tokenHash,
    csrfToken: row.csrf_token,
    idleExpiresAt,
    absoluteExpiresAt: row.absolute_expires_at,
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles.filter(isRole),
    },
  };
}

export async function deleteSession(db: Kysely<Database>, tokenHash: Buffer): Promise<void> {
  await db.deleteFrom('staff_session').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user at once (disable, password change). Returns how many ended. */
export async function deleteSessionsOf(db: Kysely<Database>, staffUserId: string): Promise<number> {
  const result = await db.deleteFrom('staff_session').where('staff_user_id', '=', staffUserId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
