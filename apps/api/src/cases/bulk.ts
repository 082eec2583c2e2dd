/**
 * Deciding many cases with one action, one policy and one public reason (ADR 043). Each case is
 * decided by the same rules as one decided alone, with its own decision row, statement of reasons
 * and audit event. The decider must be free to hold every case: cases nobody holds are claimed in
 * the same transaction, cases held by someone else refuse the whole request. A preview says what
 * would happen, writing nothing; the commit does all of it or none of it.
 */
import {
  BULK_DECISION_MAX,
  type BulkDecideBody,
  type BulkPreview,
  type BulkRefusal,
  type BulkResult,
} from '@docket/contracts';
import type { Database } from '@docket/db';
import type { Role } from '@docket/permissions';
import { sql, type Transaction } from 'kysely';
import { endGrantsOnCase } from '../access/grant-ends';
import type { ActionContext } from '../actions/context';
import type { SignedInStaff } from '../context';
import { AppError } from '../http/problem';
import {
  type CitedPolicyRow,
  citedPolicy,
  type DecisionRules,
  outcomeOf,
  policyFits,
  recordDecision,
} from './decisions';
import { LEASE_MINUTES } from './summary';

type BulkCase = Awaited<ReturnType<typeof readCases>>[number];

/** The cases the request names: its list, or every open report case about the account. */
async function caseIdsOf(trx: Transaction<Database>, body: BulkDecideBody): Promise<string[]> {
  if (body.caseIds) return body.caseIds;
  const rows = await trx
    .selectFrom('case as c')
    .select('c.id')
    .where('c.status', '=', 'open')
    .where('c.kind', '=', 'report')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('report as r')
          .select('r.id')
          .whereRef('r.case_id', '=', 'c.id')
          .where('r.reported_account_id', '=', body.accountId ?? ''),
      ),
    )
    .orderBy('c.id')
    .limit(BULK_DECISION_MAX + 1)
    .execute();
  if (rows.length === 0) {
    throw new AppError('not_found', 'That account has no open cases.', {
      errors: [{ field: 'accountId', message: 'no open cases' }],
    });
  }
  if (rows.length > BULK_DECISION_MAX) {
    throw new AppError(
      'invalid',
      `That account has more than ${BULK_DECISION_MAX} open cases; decide them from a list.`,
      {
        errors: [{ field: 'accountId', message: `more than ${BULK_DECISION_MAX} open cases` }],
      },
    );
  }
  return rows.map((row) => row.id);
}

/** The cases with what the rules need, locked in id order when about to be written. */
function readCases(trx: Transaction<Database>, caseIds: string[], staffId: string, lock: boolean) {
  let select = trx
    .selectFrom('case as c')
    .innerJoin('queue as q', 'q.id', 'c.queue_id')
    .select([
      'c.id',
      'c.status',
      'c.kind',
      'c.category',
      'c.queue_id',
      'c.assignee_id',
      'q.required_role',
      sql<boolean>`c.assignee_id = ${staffId} and c.lease_expires_at > now()`.as('held_by_me'),
      sql<boolean>`c.assignee_id <> ${staffId} and c.lease_expires_at > now()`.as('held_by_other'),
    ])
    .where('c.id', 'in', caseIds)
    .orderBy('c.id');
  if (lock) select = select.forUpdate('c');
  return select.execute();
}

function refusalOf(
  row: BulkCase | undefined,
  staff: SignedInStaff,
  policy: CitedPolicyRow,
): Omit<BulkRefusal, 'caseId'> | null {
  if (!row) return { reason: 'not_found', message: 'no such case' };
  if (row.status !== 'open')
    return { reason: 'not_open', message: row.status === 'decided' ? 'already decided' : 'awaits a supervisor' };
  if (row.kind === 'appeal') return { reason: 'appeal_case', message: 'an appeal is decided with an appeal outcome' };
  if (!staff.roles.includes(row.required_role as Role)) {
    return { reason: 'queue_role', message: `its queue is worked by ${row.required_role}s` };
  }
  if (row.held_by_other) return { reason: 'held_by_someone_else', message: 'someone else holds it' };
  if (!policyFits(policy, row.category)) {
    return {
      reason: 'policy_does_not_fit',
      message: `${policy.code} does not cover ${row.category.replaceAll('_', ' ')} cases`,
    };
  }
  return null;
}

async function plan(trx: Transaction<Database>, staff: SignedInStaff, body: BulkDecideBody, lock: boolean) {
  const policy = await citedPolicy(trx, body);
  const caseIds = await caseIdsOf(trx, body);
  const rows = await readCases(trx, caseIds, staff.id, lock);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const refusals: BulkRefusal[] = [];
  for (const caseId of caseIds) {
    const refusal = refusalOf(byId.get(caseId), staff, policy);
    if (refusal) refusals.push({ caseId, ...refusal });
  }
  return { policy, caseIds, rows, refusals };
}

/** What the request would do, and what stops it: nothing is written. */
export async function previewBulkDecision(
  trx: Transaction<Database>,
  staff: SignedInStaff,
  body: BulkDecideBody,
  rules: DecisionRules,
): Promise<BulkPreview> {
  const { caseIds, rows, refusals } = await plan(trx, staff, body, false);
  const outcome = outcomeOf(body.action);
  const refused = new Set(refusals.map((refusal) => refusal.caseId));
  const going = rows.filter((row) => !refused.has(row.id));
  const accounts = going.length
    ? await trx
        .selectFrom('report')
        .select(sql<number>`count(distinct reported_account_id)::int`.as('count'))
        .where(
          'case_id',
          'in',
          going.map((row) => row.id),
        )
        .executeTakeFirstOrThrow()
    : { count: 0 };
  return {
    action: body.action,
    caseIds,
    decided: outcome === 'decided' ? going.length : 0,
    awaitingConfirmation: outcome === 'awaiting_confirmation' ? going.length : 0,
    escalated: outcome === 'escalated' ? going.length : 0,
    claimed: going.filter((row) => !row.held_by_me).length,
    statements: body.statement ? going.length : 0,
    accounts: outcome === 'decided' ? accounts.count : 0,
    refusals,
    undoSeconds: rules.undoSeconds,
    appealWindowMonths: rules.appealWindowMonths,
  };
}

/** Decides every case or none: one refusal names every case that stops it, and nothing is written. */
export async function commitBulkDecision(
  ctx: ActionContext,
  staff: SignedInStaff,
  body: BulkDecideBody,
  rules: DecisionRules,
): Promise<BulkResult> {
  const { trx } = ctx;
  const { policy, caseIds, rows, refusals } = await plan(trx, staff, body, true);
  if (refusals.length > 0) {
    const index = new Map(caseIds.map((id, i) => [id, i]));
    throw new AppError(
      'conflict',
      `${refusals.length} of ${caseIds.length} cases cannot be decided, so none was: ${refusals
        .slice(0, 5)
        .map((refusal) => `${refusal.caseId} (${refusal.message})`)
        .join(', ')}${refusals.length > 5 ? ', …' : ''}.`,
      {
        errors: refusals.map((refusal) => ({
          field: body.caseIds ? `caseIds[${index.get(refusal.caseId)}]` : 'accountId',
          message: `${refusal.caseId}: ${refusal.message}`,
        })),
      },
    );
  }
  const decisionBody = {
    action: body.action,
    policyCode: body.policyCode,
    rationale: body.rationale,
    statement: body.statement,
  };
  const decisions: BulkResult['decisions'] = [];
  const outcome = outcomeOf(body.action);
  for (const row of rows) {
    const claimed = !row.held_by_me;
    if (claimed) {
      // Holding it, as claim-next would: a lapsed holder's access ends with their hold.
      await trx
        .updateTable('case')
        .set({
          assignee_id: staff.id,
          lease_expires_at: sql`now() + make_interval(mins => ${LEASE_MINUTES})`,
          claimed_at: sql`now()`,
        })
        .where('id', '=', row.id)
        .execute();
      if (row.assignee_id && row.assignee_id !== staff.id)
        await endGrantsOnCase(ctx, row.id, row.assignee_id, 'taken_over');
    }
    const decisionId = await recordDecision(ctx, row, staff.id, decisionBody, policy, rules, {
      bulk: caseIds.length,
      claimed,
    });
    decisions.push({ caseId: row.id, decisionId, status: outcome });
  }
  const { decided_at, undo_until } = await trx
    .selectFrom('decision')
    .select(['decided_at', 'undo_until'])
    .where('id', '=', decisions[0]?.decisionId ?? '')
    .executeTakeFirstOrThrow();
  return { decisions, decidedAt: decided_at.toISOString(), undoUntil: undo_until.toISOString() };
}
