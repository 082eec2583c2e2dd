/**
 * Preservation holds (DESIGN §11, ADR 031): a legal officer keeps an account's or a
 * conversation's content from retention for a while — 90 days unless said otherwise — extends
 * it, releases it, or lets it expire. Whether a hold is live is always judged by the database
 * clock, in the statement that needs to know (the shredding statement's WHERE above all); the
 * expiry sweep only records that it ran out.
 */
import { HOLD_DEFAULT_DAYS, type Hold, type HoldList } from '@docket/contracts';
import type { Database, PreservationHoldRow } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { AppError } from '../http/problem';

export interface PlaceHold {
  targetType: 'account' | 'conversation';
  targetId: string;
  /** Why: the order or request it answers. Never message content. */
  reason: string;
  /** 90 unless given. */
  days?: number;
  /** The accepted legal request that asked for it, when there is one. */
  legalRequestId?: string | null;
}

/** A hold is live from its placing until it is released or `expires_at` passes, by the database clock. */
export const holdIsLive = sql<boolean>`(h.released_at is null and h.expires_at > now())`;

/**
 * Places a hold, in the caller's action (a legal request's acceptance may call this too), and
 * records `hold.placed`. `placedBy` is the legal officer answerable for it.
 */
export async function placeHold(ctx: ActionContext, placedBy: string, hold: PlaceHold): Promise<Hold> {
  const row = await ctx.trx
    .insertInto('preservation_hold')
    .values({
      target_type: hold.targetType,
      target_id: hold.targetId,
      reason: hold.reason,
      legal_request_id: hold.legalRequestId ?? null,
      placed_by: placedBy,
      expires_at: sql<Date>`now() + make_interval(days => ${hold.days ?? HOLD_DEFAULT_DAYS})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const placed = await holdById(ctx.trx, row.id);
  await ctx.emit({
    action: 'hold.placed',
    target: { type: 'preservation_hold', id: row.id },
    details: {
      targetType: hold.targetType,
      targetId: hold.targetId,
      expiresAt: placed.expiresAt,
      ...(hold.legalRequestId ? { legalRequestId: hold.legalRequestId } : {}),
    },
  });
  return placed;
}

/** Adds `days` to a live hold's expiry. Only ever later: the database refuses a shorter one too. */
export async function extendHold(ctx: ActionContext, holdId: string, days: number): Promise<Hold> {
  const extended = await ctx.trx
    .updateTable('preservation_hold as h')
    .set({ expires_at: sql`h.expires_at + make_interval(days => ${days})`, extended_at: sql`now()` })
    .where('h.id', '=', holdId)
    .where(holdIsLive)
    .returning(['h.expires_at'])
    .executeTakeFirst();
  if (!extended) throw await whyNotLive(ctx.trx, holdId, 'extended');
  const hold = await holdById(ctx.trx, holdId);
  await ctx.emit({
    action: 'hold.extended',
    target: { type: 'preservation_hold', id: holdId },
    details: { targetType: hold.targetType, targetId: hold.targetId, days, expiresAt: hold.expiresAt },
  });
  return hold;
}

/** Ends a live hold now; retention may then destroy what it covered once nothing else keeps it. */
/** A legal request whose order is still in force keeps the holds it placed, whoever asks. */
const ORDER_IN_FORCE = ['accepted', 'narrowed', 'produced'] as const;

export async function releaseHold(ctx: ActionContext, holdId: string, releasedBy: string, reason: string) {
  const released = await ctx.trx
    .updateTable('preservation_hold as h')
    .set({ released_at: sql`now()`, released_by: releasedBy, release_reason: reason })
    .where('h.id', '=', holdId)
    .where(holdIsLive)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('legal_request as l')
            .select('l.id')
            .whereRef('l.id', '=', 'h.legal_request_id')
            .where('l.status', 'in', ORDER_IN_FORCE),
        ),
      ),
    )
    .returning('h.id')
    .executeTakeFirst();
  if (!released) {
    const order = await ctx.trx
      .selectFrom('preservation_hold as h')
      .innerJoin('legal_request as l', 'l.id', 'h.legal_request_id')
      .select('l.id')
      .where('h.id', '=', holdId)
      .where('l.status', 'in', ORDER_IN_FORCE)
      .executeTakeFirst();
    if (order) {
      throw new AppError(
        'conflict',
        `This hold preserves what legal request ${order.id} covers, and that order is still in force: close the request first.`,
      );
    }
    throw await whyNotLive(ctx.trx, holdId, 'released');
  }
  const hold = await holdById(ctx.trx, holdId);
  await ctx.emit({
    action: 'hold.released',
    target: { type: 'preservation_hold', id: holdId },
    details: { targetType: hold.targetType, targetId: hold.targetId, expiresAt: hold.expiresAt },
  });
  return hold;
}

/** Records each hold that ran out unreleased as `hold.expired`, once (the expiry sweep). */
export async function recordExpiredHolds(ctx: ActionContext): Promise<void> {
  const expired = await ctx.trx
    .updateTable('preservation_hold')
    .set({ expiry_recorded_at: sql`now()` })
    .where('released_at', 'is', null)
    .where('expiry_recorded_at', 'is', null)
    .where('expires_at', '<=', sql<Date>`now()`)
    .returning(['id', 'target_type', 'target_id', 'expires_at'])
    .execute();
  for (const row of expired) {
    await ctx.emit({
      action: 'hold.expired',
      target: { type: 'preservation_hold', id: row.id },
      details: { targetType: row.target_type, targetId: row.target_id, expiredAt: row.expires_at.toISOString() },
    });
  }
}

async function whyNotLive(db: Kysely<Database>, holdId: string, verb: string): Promise<AppError> {
  const row = await db
    .selectFrom('preservation_hold')
    .select(['released_at', sql<boolean>`expires_at <= now()`.as('expired')])
    .where('id', '=', holdId)
    .executeTakeFirst();
  if (!row) return new AppError('not_found', 'No hold with that id.');
  if (row.released_at)
    return new AppError('conflict', `This hold was released; it cannot be ${verb}. Place a new one.`);
  return new AppError('expired', `This hold has expired; it cannot be ${verb}. Place a new one.`);
}

function selectHolds(db: Kysely<Database>) {
  return db
    .selectFrom('preservation_hold as h')
    .innerJoin('staff_user as placer', 'placer.id', 'h.placed_by')
    .leftJoin('staff_user as releaser', 'releaser.id', 'h.released_by')
    .selectAll('h')
    .select([
      'placer.username as placed_by_username',
      'releaser.username as released_by_username',
      sql<Hold['status']>`case when h.released_at is not null then 'released'
        when h.expires_at <= now() then 'expired' else 'active' end`.as('status'),
    ]);
}

type HoldRow = PreservationHoldRow & {
  placed_by_username: string;
  released_by_username: string | null;
  status: Hold['status'];
};

function toHold(row: HoldRow): Hold {
  return {
    id: row.id,
    targetType: row.target_type,
    targetId: row.target_id,
    reason: row.reason,
    legalRequestId: row.legal_request_id,
    placedBy: { id: row.placed_by, username: row.placed_by_username },
    placedAt: row.placed_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    extendedAt: row.extended_at?.toISOString() ?? null,
    status: row.status,
    released:
      row.released_at && row.released_by
        ? {
            by: { id: row.released_by, username: row.released_by_username ?? '' },
            at: row.released_at.toISOString(),
            reason: row.release_reason ?? '',
          }
        : null,
  };
}

async function holdById(db: Kysely<Database>, holdId: string): Promise<Hold> {
  return toHold(await selectHolds(db).where('h.id', '=', holdId).executeTakeFirstOrThrow());
}

/** Every hold: active ones first, soonest expiry first; then ended ones, most recent first (500 at most). */
export async function listHolds(db: Kysely<Database>): Promise<HoldList> {
  const rows = await selectHolds(db)
    .orderBy(sql`${holdIsLive} desc`)
    .orderBy(sql`case when ${holdIsLive} then h.expires_at end`)
    .orderBy(sql`coalesce(h.released_at, h.expires_at)`, 'desc')
    .limit(500)
    .execute();
  return { items: rows.map(toHold) };
}
