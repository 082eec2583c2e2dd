/**
 * Who may look at a case: the one rule, as SQL, for opening a case and revealing its evidence.
 */
import { type Database, prepared } from '@docket/db';
import { sql, type Transaction } from 'kysely';
import { inlineAuditRow, insertAuditRows, type StatementAction, TRANSACTION_NEEDED } from '../actions/statement';
import type { SignedInStaff } from '../context';
import { heldBy, notHeld } from './claims';
import { awaitingSignature } from './sign-off';

/**
 * Case `c` is one this viewer may look at: one they hold (and so may work), one that is decided
 * (the record, read-only to anyone who may read cases), or one with something for them to sign
 * (read-only to that supervisor, without taking it from its holder).
 */
export const viewableBy = (viewer: SignedInStaff) =>
  sql<boolean>`(${heldBy(viewer.id)} or c.status = 'decided' or ${awaitingSignature(viewer)} is not null)`;

/** The case, share-locked, if this viewer may look at it; the 404/409 of lockHeldCase otherwise. */
export async function lockViewableCase(trx: Transaction<Database>, caseId: string, viewer: SignedInStaff) {
  const row = await trx
    .selectFrom('case as c')
    .select(['c.id', 'c.status', heldBy(viewer.id).as('held'), viewableBy(viewer).as('viewable')])
    .where('c.id', '=', caseId)
    .forShare()
    .executeTakeFirst();
  if (!row?.viewable) throw notHeld(row);
  return row;
}

/**
 * Revealing blurred evidence is only its audit event, so it is one statement (ADR 049): the
 * viewable case, share-locked so it cannot be decided or handed on under the event, and the event
 * for it. Nothing written means refused, or a case that changed since: the transactional path
 * then gives the right 404/409, or records the reveal after all.
 */
export function revealEvidence(caseId: string, viewer: SignedInStaff): StatementAction<void> {
  const event = { action: 'evidence.revealed', target: { type: 'case', id: caseId }, caseId } as const;
  return {
    async statement(db, who) {
      const { rows } = await sql`${prepared}
        with viewable as (select c.id from "case" c where c.id = ${caseId} and ${viewableBy(viewer)} for share)
        ${insertAuditRows(inlineAuditRow(who, event), sql`from viewable`)} returning id`.execute(db);
      return rows.length > 0 ? undefined : TRANSACTION_NEEDED;
    },
    async transactional(ctx) {
      await lockViewableCase(ctx.trx, caseId, viewer);
      await ctx.emit(event);
    },
  };
}
