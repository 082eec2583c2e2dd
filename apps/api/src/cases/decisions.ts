/**
 * Decisions are appended, never edited; the case row's status is derived from them in the
 * same transaction. Escalations move the case to the supervisors' queue; suspensions and law
 * enforcement referrals wait for a different supervisor's confirmation.
 */
import {
  ACTIONS_NEEDING_CONFIRMATION,
  type DecideBody,
  type Decision,
  type DecisionAction,
  isRestricting,
} from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { endGrantsOnCase } from '../access/grant-ends';
import { liveGrant } from '../access/grants';
import type { ActionContext } from '../actions/context';
import { decodeTimeCursor, encodeTimeCursor, microsecondText } from '../http/keyset';
import { AppError } from '../http/problem';
import { lockHeldCase } from './claims';
import { decisionTookEffect } from './decision-effect';
import { recordStatement, statementsFor } from './statement-of-reasons';

export const ESCALATION_QUEUE = 'escalations';

function selectDecisions(db: Kysely<Database>) {
  return db
    .selectFrom('decision as d')
    .innerJoin('staff_user as decider', 'decider.id', 'd.decided_by')
    .leftJoin('decision_confirmation as dc', 'dc.decision_id', 'd.id')
    .leftJoin('staff_user as confirmer', 'confirmer.id', 'dc.confirmed_by')
    .select([
      'd.id',
      'd.case_id',
      'd.action',
      'd.policy_code',
      'd.rationale',
      'd.decided_by',
      'd.decided_at',
      'd.grant_id',
      'd.requires_confirmation',
      'decider.username as decider_username',
      'dc.outcome',
      'dc.confirmed_by',
      'dc.confirmed_at',
      'dc.reason',
      'confirmer.username as confirmer_username',
    ]);
}

type DecisionQueryRow = Awaited<ReturnType<ReturnType<typeof selectDecisions>['executeTakeFirstOrThrow']>>;

/** Decisions with their statements of reasons (restricting actions carry one). */
async function toDecisions(db: Kysely<Database>, rows: DecisionQueryRow[]): Promise<Decision[]> {
  const statements = await statementsFor(
    db,
    rows.filter((row) => isRestricting(row.action as DecisionAction)).map((row) => row.id),
  );
  return rows.map((row) => toDecision(row, statements.get(row.id) ?? null));
}

export async function decisionById(db: Kysely<Database>, id: string): Promise<Decision> {
  const row = await selectDecisions(db).where('d.id', '=', id).executeTakeFirstOrThrow();
  return toDecision(row, (await statementsFor(db, [id])).get(id) ?? null);
}

function toDecision(row: DecisionQueryRow, statement: Decision['statement']): Decision {
  return {
    id: row.id,
    caseId: row.case_id,
    action: row.action as DecisionAction,
    policyCode: row.policy_code,
    rationale: row.rationale,
    decidedBy: { id: row.decided_by, username: row.decider_username },
    decidedAt: row.decided_at.toISOString(),
    grantId: row.grant_id,
    statement,
    confirmation: row.requires_confirmation
      ? {
          status: row.outcome ?? 'pending',
          by:
            row.confirmed_by && row.confirmer_username
              ? { id: row.confirmed_by, username: row.confirmer_username }
              : null,
          at: row.confirmed_at?.toISOString() ?? null,
          reason: row.reason,
        }
      : null,
  };
}

export async function decisionsForCase(db: Kysely<Database>, caseId: string): Promise<Decision[]> {
  return toDecisions(db, await selectDecisions(db).where('d.case_id', '=', caseId).orderBy('d.decided_at').execute());
}

/** Keyset pages of decisions waiting for a supervisor, oldest first (cursor: last decided_at and id). */
export async function pendingConfirmations(
  db: Kysely<Database>,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: Decision[]; nextCursor: string | null }> {
  let select = selectDecisions(db)
    .select(microsecondText('d.decided_at').as('decided_key'))
    .where('d.requires_confirmation', '=', true)
    .where('dc.decision_id', 'is', null)
    .orderBy('d.decided_at')
    .orderBy('d.id')
    .limit(query.limit + 1);
  if (query.cursor) {
    const { at, id } = decodeTimeCursor(query.cursor);
    select = select.where(sql<boolean>`(d.decided_at, d.id) > (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await toDecisions(db, page),
    nextCursor: rows.length > query.limit && last ? encodeTimeCursor(last.decided_key, last.id) : null,
  };
}

export async function decideCase(
  ctx: ActionContext,
  caseId: string,
  staffId: string,
  body: DecideBody,
  rules: { appealWindowMonths: number },
): Promise<Decision> {
  const { trx } = ctx;
  const held = await lockHeldCase(trx, caseId, staffId);
  if (held.kind === 'appeal') throw new AppError('conflict', 'An appeal case is decided with an appeal outcome.');
  const policy = await trx
    .selectFrom('policy')
    .select([
      'code',
      'active',
      'dsa_category',
      'terms_url',
      'violation',
      sql<boolean>`categories = '{}' or ${held.category} = any(categories)`.as('fits_category'),
    ])
    .where('code', '=', body.policyCode)
    .executeTakeFirst();
  if (!policy?.active) {
    throw new AppError('invalid', `No active policy "${body.policyCode}".`, {
      errors: [{ field: 'policyCode', message: 'not an active policy' }],
    });
  }
  // The policy must say what the decision says: a violation of its kind, or none at all.
  if (policy.violation !== (body.action !== 'no_violation')) {
    throw new AppError(
      'invalid',
      body.action === 'no_violation'
        ? `"No violation" cannot cite ${body.policyCode}, a policy that names a violation.`
        : `${body.policyCode} finds no violation; a ${body.action.replaceAll('_', ' ')} must cite the policy broken.`,
      {
        errors: [
          { field: 'policyCode', message: body.action === 'no_violation' ? 'names a violation' : 'names no violation' },
        ],
      },
    );
  }
  if (!policy.fits_category) {
    throw new AppError('invalid', `${body.policyCode} does not cover ${held.category.replaceAll('_', ' ')} cases.`, {
      errors: [{ field: 'policyCode', message: 'does not fit the case category' }],
    });
  }
  // The user is owed reasons for any restriction (DSA Art. 17), whatever client sent the decision.
  if (isRestricting(body.action) !== Boolean(body.statement)) {
    throw new AppError('invalid', 'A restricting action, and only one, carries a statement of reasons.', {
      errors: [{ field: 'statement', message: body.statement ? 'only a restricting action carries one' : 'required' }],
    });
  }
  const requiresConfirmation = ACTIONS_NEEDING_CONFIRMATION.includes(body.action);
  // The grant the decider read under (if any), so an auditor can weigh the access against the outcome.
  const grant = await liveGrant(trx, caseId, staffId);
  const { id } = await trx
    .insertInto('decision')
    .values({
      case_id: caseId,
      action: body.action,
      policy_code: body.policyCode,
      rationale: body.rationale,
      decided_by: staffId,
      grant_id: grant?.id ?? null,
      requires_confirmation: requiresConfirmation,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const statement =
    body.statement && isRestricting(body.action)
      ? await recordStatement(trx, {
          decisionId: id,
          caseId,
          action: body.action,
          policy,
          statement: body.statement,
          appealWindowMonths: rules.appealWindowMonths,
        })
      : null;

  const released = { assignee_id: null, lease_expires_at: null };
  if (body.action === 'escalate') {
    await trx
      .updateTable('case')
      .set({ ...released, queue_id: ESCALATION_QUEUE })
      .where('id', '=', caseId)
      .execute();
  } else if (requiresConfirmation) {
    await trx
      .updateTable('case')
      .set({ ...released, status: 'awaiting_confirmation' })
      .where('id', '=', caseId)
      .execute();
  } else {
    await trx
      .updateTable('case')
      .set({ ...released, status: 'decided', decided_at: sql`now()` })
      .where('id', '=', caseId)
      .execute();
  }
  // What a transparency report needs of the case, from its reports: when the first arrived and where they came from.
  const reports = await trx
    .selectFrom('report')
    .select([
      sql<Date>`min(received_at)`.as('first'),
      sql<string[]>`array_agg(distinct source order by source)`.as('sources'),
    ])
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  await ctx.emit({
    action: 'decision.recorded',
    target: { type: 'decision', id },
    caseId,
    ...(grant ? { grantId: grant.id } : {}),
    details: {
      action: body.action,
      policyCode: body.policyCode,
      requiresConfirmation,
      firstReportAt: reports.first ? new Date(reports.first).toISOString() : null,
      sources: reports.sources ?? [],
      ...(statement && { statement }),
    },
  });
  if (body.action !== 'escalate' && !requiresConfirmation) await decisionTookEffect(ctx, id);
  // Deciding (or escalating) lets go of the case, and with it the access it justified.
  await endGrantsOnCase(ctx, caseId, staffId, body.action === 'escalate' ? 'escalated' : 'decided');
  return decisionById(trx, id);
}

/** A supervisor other than the decider confirms (the action takes effect) or rejects (the case reopens). */
export async function settleDecision(
  ctx: ActionContext,
  decisionId: string,
  supervisorId: string,
  outcome: 'confirmed' | 'rejected',
  reason: string | undefined,
): Promise<Decision> {
  const { trx } = ctx;
  const decision = await trx
    .selectFrom('decision as d')
    .innerJoin('case as c', 'c.id', 'd.case_id')
    .leftJoin('decision_confirmation as dc', 'dc.decision_id', 'd.id')
    .select(['d.id', 'd.case_id', 'd.decided_by', 'd.requires_confirmation', 'dc.outcome', 'c.status'])
    .where('d.id', '=', decisionId)
    .forUpdate('c')
    .executeTakeFirst();
  if (!decision) throw new AppError('not_found', 'No decision with that id.');
  if (!decision.requires_confirmation) throw new AppError('conflict', 'This decision needs no confirmation.');
  if (decision.outcome) throw new AppError('conflict', `This decision was already ${decision.outcome}.`);
  if (decision.decided_by === supervisorId) {
    throw new AppError('conflict', 'A decision must be confirmed by someone other than the person who made it.');
  }
  await trx
    .insertInto('decision_confirmation')
    .values({ decision_id: decisionId, outcome, confirmed_by: supervisorId, reason: reason ?? null })
    .execute();
  await trx
    .updateTable('case')
    .set(outcome === 'confirmed' ? { status: 'decided', decided_at: sql`now()` } : { status: 'open' })
    .where('id', '=', decision.case_id)
    .execute();
  await ctx.emit({
    action: outcome === 'confirmed' ? 'decision.confirmed' : 'decision.rejected',
    target: { type: 'decision', id: decisionId },
    caseId: decision.case_id,
    details: reason ? { reason } : {},
  });
  // Only now does a suspension or referral take effect: the platform hears nothing before.
  if (outcome === 'confirmed') await decisionTookEffect(ctx, decisionId);
  return decisionById(trx, decisionId);
}
