/**
 * One-time links through which staff set their own password (DESIGN §13, ADR 019): an admin
 * creates an account or asks for a reset and is shown the link once; only its hash is stored.
 * Where the link was issued and where it was used are kept side by side, so the access review
 * can flag a link used from the issuing admin's own address or session.
 */
import { randomBytes } from 'node:crypto';
import type { CreatedStaff, CreateStaffBody, RedeemedLink, StaffLink } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { hashPassword } from '../auth/passwords';
import { deleteSessionsOf, hashToken } from '../auth/sessions';
import type { Config } from '../config';
import { AppError } from '../http/problem';
import { insertRoleRequest } from './role-changes';
import { getStaff, insertStaffUser, lockStaff } from './staff';

/** The session a link was issued or used from (null: none), to flag a link used by its own issuer. */
export type SessionHash = Buffer | null;

type Purpose = StaffLink['purpose'];

// The console's page reads the token from the fragment, which browsers never send to a server.
const linkPath = (token: string) => `/enrol#${token}`;

async function issueLink(
  ctx: ActionContext,
  staffUserId: string,
  purpose: Purpose,
  sessionHash: SessionHash,
  config: Config['staffLinks'],
): Promise<StaffLink & { id: string }> {
  const { trx } = ctx;
  // A new link replaces any unused one, so at most one works at a time.
  await trx
    .updateTable('staff_link')
    .set({ expires_at: sql<Date>`now()` })
    .where('staff_user_id', '=', staffUserId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .execute();
  const minutes = purpose === 'enrol' ? config.enrolHours * 60 : config.resetMinutes;
  const token = randomBytes(32).toString('base64url');
  const row = await trx
    .insertInto('staff_link')
    .values({
      staff_user_id: staffUserId,
      purpose,
      token_hash: hashToken(token),
      expires_at: sql<Date>`now() + make_interval(mins => ${minutes})`,
      issued_by: ctx.actor.id,
      issued_ip: ctx.ip,
      issued_session_hash: sessionHash,
    })
    .returning(['id', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, path: linkPath(token), purpose, expiresAt: row.expires_at.toISOString() };
}

/** An admin creates an account with no password and no roles yet: the roles asked for wait for a second admin. */
export async function createStaff(
  ctx: ActionContext,
  input: CreateStaffBody,
  sessionHash: SessionHash,
  config: Config['staffLinks'],
): Promise<CreatedStaff> {
  const { trx } = ctx;
  const requestedBy = ctx.actor.id;
  if (ctx.actor.type !== 'staff' || !requestedBy) throw new AppError('forbidden', 'Only an admin creates staff.');
  const requestedRoles = [...new Set(input.roles)];
  const id = await insertStaffUser(trx, {
    username: input.username,
    displayName: input.displayName,
    passwordHash: null,
    roles: [],
  });
  for (const role of requestedRoles) await insertRoleRequest(trx, id, role, requestedBy);
  const { id: linkId, ...link } = await issueLink(ctx, id, 'enrol', sessionHash, config);
  await ctx.emit({
    action: 'staff.created',
    target: { type: 'staff_user', id },
    details: { username: input.username, requestedRoles, linkId, linkExpiresAt: link.expiresAt },
  });
  return { user: await getStaff(trx, id), link };
}

/** A reset link for someone else's account; the old password keeps working until the link is used. */
export async function issueResetLink(
  ctx: ActionContext,
  staffUserId: string,
  sessionHash: SessionHash,
  config: Config['staffLinks'],
): Promise<StaffLink> {
  const { trx } = ctx;
  if (ctx.actor.id === staffUserId) {
    throw new AppError('forbidden', 'Ask another admin for a reset link to your own account.');
  }
  const target = await lockStaff(trx, staffUserId);
  if (target.disabled_at) throw new AppError('conflict', 'This account is disabled; enable it first.');
  const { id: linkId, ...link } = await issueLink(ctx, staffUserId, 'reset', sessionHash, config);
  await ctx.emit({
    action: 'staff.reset_link_issued',
    target: { type: 'staff_user', id: staffUserId },
    details: { linkId, linkExpiresAt: link.expiresAt },
  });
  return link;
}

/**
 * Uses a link: sets the password, ends the account's sessions, and records where it was used.
 * A refused use is recorded here too (on the account it names), committed with nothing else, and
 * returned for the caller to throw once the transaction has committed.
 */
export async function redeemLink(
  client: ActionContext,
  input: { token: string; password: string },
  sessionHash: SessionHash,
): Promise<{ redeemed: RedeemedLink } | { refused: AppError }> {
  const { trx } = client;
  const link = await trx
    .selectFrom('staff_link as l')
    .innerJoin('staff_user as u', 'u.id', 'l.staff_user_id')
    .select([
      'l.id',
      'l.purpose',
      'l.used_at',
      'l.issued_by',
      'l.issued_ip',
      'l.issued_session_hash',
      'u.id as user_id',
      'u.username',
      'u.roles',
      'u.disabled_at',
      sql<boolean>`l.expires_at <= now()`.as('expired'),
    ])
    .where('l.token_hash', '=', hashToken(input.token))
    .forUpdate()
    .executeTakeFirst();
  if (!link) throw new AppError('not_found', 'This link is not valid. Ask an admin for a new one.');
  const actor = { type: 'staff' as const, id: link.user_id, label: link.username, roles: link.roles };
  const ctx = client.actingAs(actor);

  const refusal = link.used_at
    ? new AppError('expired', 'This link has already been used. Ask an admin for a new one.', {}, { audited: true })
    : link.expired
      ? new AppError('expired', 'This link has expired. Ask an admin for a new one.', {}, { audited: true })
      : link.disabled_at
        ? new AppError('conflict', 'This account is disabled.', {}, { audited: true })
        : null;
  if (refusal) {
    await ctx.emit({
      action: 'request.refused',
      outcome: 'denied',
      target: { type: 'staff_user', id: link.user_id },
      details: {
        status: refusal.status,
        code: refusal.code,
        method: 'POST',
        route: '/api/enrolment',
        linkId: link.id,
        reason: link.used_at ? 'used' : link.expired ? 'expired' : 'disabled',
      },
    });
    return { refused: refusal };
  }

  await trx
    .updateTable('staff_user')
    .set({ password_hash: await hashPassword(input.password), updated_at: new Date() })
    .where('id', '=', link.user_id)
    .execute();
  await trx
    .updateTable('staff_link')
    .set({
      used_at: sql<Date>`now()`,
      used_ip: client.ip,
      used_user_agent: client.userAgent,
      used_session_hash: sessionHash,
    })
    .where('id', '=', link.id)
    .execute();
  const sessionsEnded = await deleteSessionsOf(trx, link.user_id);
  await ctx.emit({
    action: link.purpose === 'enrol' ? 'staff.enrolled' : 'staff.password_reset',
    target: { type: 'staff_user', id: link.user_id },
    details: {
      linkId: link.id,
      issuedBy: link.issued_by,
      sameAddressAsIssuer: link.issued_ip !== null && link.issued_ip === client.ip,
      sameSessionAsIssuer: link.issued_session_hash !== null && sessionHash?.equals(link.issued_session_hash) === true,
      sessionsEnded,
    },
  });
  return { redeemed: { username: link.username, purpose: link.purpose } };
}

/** Links used from the issuing admin's own address or session in a period: the access review's flags. */
export async function linksUsedByTheirIssuer(db: Kysely<Database>, period: { from: Date; to: Date }) {
  return db
    .selectFrom('staff_link as l')
    .innerJoin('staff_user as u', 'u.id', 'l.staff_user_id')
    .leftJoin('staff_user as i', 'i.id', 'l.issued_by')
    .select([
      'l.id',
      'l.purpose',
      'l.used_at',
      'l.used_ip',
      'l.used_user_agent',
      'u.id as staff_id',
      'u.username as staff_username',
      'i.id as issuer_id',
      'i.username as issuer_username',
      sql<boolean>`l.used_ip is not null and l.used_ip = l.issued_ip`.as('same_address'),
      sql<boolean>`l.used_session_hash is not null and l.used_session_hash = l.issued_session_hash`.as('same_session'),
    ])
    .where('l.used_at', '>=', period.from)
    .where('l.used_at', '<', period.to)
    .where(sql<boolean>`(l.used_ip = l.issued_ip or l.used_session_hash = l.issued_session_hash)`)
    .orderBy('l.used_at')
    .execute();
}
