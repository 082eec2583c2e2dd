/**
 * Grants: the only way to content beyond the reported messages. Live means started, not yet
 * expired, revoked or ended, with the grantee holding the case (liveness.ts) — always judged
 * by the database clock, on every read.
 */
import type { AccessGrant, AccessPolicy, AccessScope } from '@docket/contracts';
import type { AccessGrantRow, Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { lockHeldCase } from '../cases/claims';
import { AppError } from '../http/problem';
import { grantIsLive, grantUnended } from './liveness';
import { scheduleAccessNotice } from './notices';
import { checkDuration } from './requests';

/** Case and break-glass grants: a legal grant is the legal desk's, never a supervisor's to list or revoke. */
function selectGrants(db: Kysely<Database>) {
  return db
    .selectFrom('access_grant as g')
    .innerJoin('staff_user as u', 'u.id', 'g.grantee_id')
    .selectAll('g')
    .select(['u.username', 'u.display_name'])
    .where('g.legal_request_id', 'is', null)
    .$narrowType<{ case_id: string; conversation_id: string }>();
}

type CaseGrantRow = AccessGrantRow & { case_id: string; username: string; display_name: string };

function toAccessGrant(row: CaseGrantRow): AccessGrant {
  return {
    id: row.id,
    requestId: row.request_id,
    caseId: row.case_id,
    grantee: { id: row.grantee_id, username: row.username, displayName: row.display_name },
    scope: row.scope,
    startsAt: row.starts_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    breakGlass: row.break_glass,
    breakGlassJustification: row.break_glass_justification,
    review:
      row.review_outcome && row.reviewed_by && row.reviewed_at
        ? { outcome: row.review_outcome, by: row.reviewed_by, at: row.reviewed_at.toISOString(), note: row.review_note }
        : null,
  };
}

/** This person's live grant on this case, if any (the newest). */
export async function liveGrant(db: Kysely<Database>, caseId: string, granteeId: string) {
  return db
    .selectFrom('access_grant as g')
    .select(['g.id', 'g.conversation_id', 'g.scope', 'g.expires_at'])
    .where('g.case_id', '=', caseId)
    .where('g.grantee_id', '=', granteeId)
    .where(grantIsLive)
    .orderBy('g.expires_at', 'desc')
    .executeTakeFirst();
}

/** The same, as the API shows grants: for the person's own view of a case. */
export async function ownLiveGrant(db: Kysely<Database>, caseId: string, granteeId: string) {
  const row = await selectGrants(db)
    .where('g.case_id', '=', caseId)
    .where('g.grantee_id', '=', granteeId)
    .where(grantIsLive)
    .orderBy('g.expires_at', 'desc')
    .executeTakeFirst();
  return row ? toAccessGrant(row) : null;
}

export async function activeGrants(db: Kysely<Database>): Promise<AccessGrant[]> {
  const rows = await selectGrants(db).where(grantIsLive).orderBy('g.expires_at').limit(500).execute();
  return rows.map(toAccessGrant);
}

export async function unreviewedBreakGlass(db: Kysely<Database>): Promise<AccessGrant[]> {
  const rows = await selectGrants(db)
    .where('g.break_glass', '=', true)
    .where('g.reviewed_at', 'is', null)
    .orderBy('g.starts_at')
    .limit(500)
    .execute();
  return rows.map(toAccessGrant);
}

/** Ends a grant now, whether or not its grantee still holds the case: a revocation also bars break-glass there. */
export async function revokeGrant(ctx: ActionContext, id: string, supervisorId: string, reason: string | undefined) {
  const { trx } = ctx;
  const revoked = await trx
    .updateTable('access_grant as g')
    .set({ revoked_at: sql`now()`, revoked_by: supervisorId, revoke_reason: reason ?? null })
    .where('g.id', '=', id)
    .where('g.legal_request_id', 'is', null)
    .where(grantUnended)
    .returning(['g.case_id', 'g.grantee_id'])
    .$narrowType<{ case_id: string }>()
    .executeTakeFirst();
  if (!revoked) {
    const exists = await trx
      .selectFrom('access_grant')
      .select('id')
      .where('id', '=', id)
      .where('legal_request_id', 'is', null)
      .executeTakeFirst();
    throw exists
      ? new AppError('conflict', 'This grant has already ended.')
      : new AppError('not_found', 'No grant with that id.');
  }
  await ctx.emit({
    live: { staffId: revoked.grantee_id, grantId: id },
    action: 'access.revoked',
    target: { type: 'access_grant', id },
    caseId: revoked.case_id,
    grantId: id,
    details: reason ? { reason } : {},
  });
  await scheduleAccessNotice(trx, id);
  const row = await selectGrants(trx).where('g.id', '=', id).executeTakeFirstOrThrow();
  return toAccessGrant(row);
}

/**
 * Urgent cases only: the holder opens a short window without approval; supervisors review it
 * afterwards. Never stacked on a live one, and never after a supervisor revoked this person's
 * access to the case: then only a request another supervisor approves will do.
 */
export async function breakGlass(
  ctx: ActionContext,
  caseId: string,
  staffId: string,
  body: { justification: string; durationMinutes: number },
  policy: AccessPolicy,
): Promise<AccessGrant> {
  const { trx } = ctx;
  checkDuration(body.durationMinutes, 1, policy.breakGlassMaxMinutes, 'A break-glass window');
  const held = await lockHeldCase(trx, caseId, staffId);
  if (!held.urgent) {
    throw new AppError('forbidden', 'Break-glass is only for urgent categories; file an access request instead.');
  }
  // The case row is locked above, so two break-glass calls cannot both pass these checks.
  const barred = await trx
    .selectFrom('access_grant as g')
    .select([
      sql<boolean>`bool_or(g.grantee_id = ${staffId} and g.revoked_at is not null)`.as('revoked'),
      sql<boolean>`bool_or(g.break_glass and ${grantUnended})`.as('stacked'),
    ])
    .where('g.case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (barred.revoked) {
    throw new AppError(
      'forbidden',
      'A supervisor revoked your access to this case: break-glass is closed to you here; file an access request instead.',
    );
  }
  if (barred.stacked) throw new AppError('conflict', 'A break-glass window is already open on this case.');
  const scope: AccessScope = { kind: 'full_conversation' };
  const grant = await trx
    .insertInto('access_grant')
    .values({
      case_id: caseId,
      conversation_id: held.conversation_id,
      grantee_id: staffId,
      scope: JSON.stringify(scope),
      expires_at: sql<Date>`now() + make_interval(mins => ${body.durationMinutes})`,
      break_glass: true,
      break_glass_justification: body.justification,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.emit({
    live: { staffId, grantId: grant.id },
    action: 'access.break_glass',
    target: { type: 'access_grant', id: grant.id },
    caseId,
    grantId: grant.id,
    details: { durationMinutes: body.durationMinutes, justification: body.justification },
  });
  return toAccessGrant(await selectGrants(trx).where('g.id', '=', grant.id).executeTakeFirstOrThrow());
}

export async function reviewBreakGlass(
  ctx: ActionContext,
  id: string,
  supervisorId: string,
  body: { outcome: 'justified' | 'unjustified'; note?: string | undefined },
): Promise<AccessGrant> {
  const { trx } = ctx;
  const grant = await trx
    .selectFrom('access_grant')
    .selectAll()
    .where('id', '=', id)
    .where('break_glass', '=', true)
    .$narrowType<{ case_id: string }>()
    .forUpdate()
    .executeTakeFirst();
  if (!grant?.break_glass) throw new AppError('not_found', 'No break-glass grant with that id.');
  if (grant.reviewed_at) throw new AppError('conflict', 'This break-glass use was already reviewed.');
  if (grant.grantee_id === supervisorId) throw new AppError('forbidden', 'Nobody reviews their own break-glass use.');
  await trx
    .updateTable('access_grant')
    .set({
      reviewed_by: supervisorId,
      reviewed_at: sql`now()`,
      review_outcome: body.outcome,
      review_note: body.note ?? null,
    })
    .where('id', '=', id)
    .execute();
  await ctx.emit({
    live: { staffId: grant.grantee_id, grantId: id },
    action: 'access.break_glass_reviewed',
    target: { type: 'access_grant', id },
    caseId: grant.case_id,
    grantId: id,
    details: { outcome: body.outcome, ...(body.note ? { note: body.note } : {}) },
  });
  return toAccessGrant(await selectGrants(trx).where('g.id', '=', id).executeTakeFirstOrThrow());
}
