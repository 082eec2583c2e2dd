/**
 * Undoing a decision (ADR 043): for a few seconds after deciding, before the decision takes
 * effect, its decider may take it back. The decision stays (decisions are appended), a
 * `decision_undo` row voids it, the case returns to its decider's hands, the platform hears
 * nothing, and the undo is an audit event. The database refuses an undo after the window.
 */
import type { UndoResult } from '@docket/contracts';
import { sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { AppError, type FieldError } from '../http/problem';
import { LEASE_MINUTES } from './summary';

export async function undoDecisions(ctx: ActionContext, decisionIds: string[], staffId: string): Promise<UndoResult> {
  const { trx } = ctx;
  // Case rows in id order, as a bulk decision locks them, so two requests never deadlock.
  const rows = await trx
    .selectFrom('decision as d')
    .innerJoin('case as c', 'c.id', 'd.case_id')
    .leftJoin('decision_undo as du', 'du.decision_id', 'd.id')
    .leftJoin('decision_effect as de', 'de.decision_id', 'd.id')
    .leftJoin('decision_confirmation as dc', 'dc.decision_id', 'd.id')
    .select([
      'd.id',
      'd.case_id',
      'd.action',
      'd.policy_code',
      'd.decided_by',
      'd.queue_id',
      'du.undone_at',
      'de.took_effect_at',
      'dc.outcome',
      sql<boolean>`d.undo_until > clock_timestamp()`.as('in_window'),
      // Someone else took the case on since (an escalation claimed by a supervisor), or decided it again.
      sql<boolean>`(c.assignee_id is not null and c.assignee_id <> ${staffId} and c.lease_expires_at > now())
        or exists (select 1 from decision later where later.case_id = d.case_id and later.decided_at > d.decided_at)`.as(
        'moved_on',
      ),
    ])
    .where('d.id', 'in', decisionIds)
    .orderBy('c.id')
    .forUpdate('c')
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const errors: FieldError[] = [];
  for (const [index, id] of decisionIds.entries()) {
    const row = byId.get(id);
    const field = `decisionIds[${index}]`;
    // Someone else's decision is not theirs to know of here: as if it did not exist.
    if (!row || row.decided_by !== staffId) errors.push({ field, message: 'no decision of yours with that id' });
    else if (row.undone_at) errors.push({ field, message: 'already undone' });
    else if (row.took_effect_at || row.outcome || !row.in_window) {
      errors.push({ field, message: 'the undo window has closed: it took effect' });
    } else if (row.moved_on) errors.push({ field, message: 'the case has moved on since' });
  }
  if (errors.length > 0) {
    const missing = errors.every((error) => error.message.startsWith('no decision'));
    throw new AppError(
      missing ? 'not_found' : 'expired',
      errors.length === 1
        ? `That decision cannot be undone: ${errors[0]?.message}.`
        : `${errors.length} of ${decisionIds.length} decisions cannot be undone, so none was.`,
      { errors },
    );
  }

  const undone: UndoResult['undone'] = [];
  for (const row of rows) {
    // The trigger judges the window again by the database clock, after locking the decision.
    await trx
      .insertInto('decision_undo')
      .values({ decision_id: row.id, undone_by: staffId })
      .execute()
      .catch((error: { code?: string }) => {
        if (error.code !== '23514') throw error;
        throw new AppError('expired', 'That decision cannot be undone: the undo window has closed.');
      });
    await trx
      .updateTable('case')
      .set({
        status: 'open',
        decided_at: null,
        assignee_id: staffId,
        lease_expires_at: sql`now() + make_interval(mins => ${LEASE_MINUTES})`,
        claimed_at: sql`now()`,
        ...(row.queue_id && { queue_id: row.queue_id }),
      })
      .where('id', '=', row.case_id)
      .execute();
    await ctx.emit({
      action: 'decision.undone',
      target: { type: 'decision', id: row.id },
      caseId: row.case_id,
      details: { action: row.action, policyCode: row.policy_code },
    });
    undone.push({ decisionId: row.id, caseId: row.case_id });
  }
  return { undone };
}
