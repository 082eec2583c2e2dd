/**
 * The statement of reasons a restricting decision carries (DSA Art. 17, ADR 028): what the
 * reviewer wrote for the user, and what Docket knows itself (the restriction the action imposes,
 * the policy's category and clause, whether a machine flagged it, how long the user may appeal).
 */

import { createHash } from 'node:crypto';
import type { DsaCategory, RestrictingAction, Restriction, StatementBody, StatementOfReasons } from '@docket/contracts';
import type { Database, StatementOfReasonsRow } from '@docket/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { AppError } from '../http/problem';

export type CitedPolicy = { code: string; dsa_category: string | null; terms_url: string | null };

function restrictionOf(action: RestrictingAction, endsAt: string | null): Restriction {
  if (action === 'remove_messages') return 'content_removed';
  if (action === 'restrict_account') return 'service_partially_suspended';
  // A suspension with no end is, for the user, the end of the account.
  return endsAt ? 'account_suspended' : 'account_terminated';
}

/** Refusals name the field the reviewer must change, like schema errors do. */
export function refuse(field: string, message: string, detail: string): never {
  throw new AppError('invalid', detail, { errors: [{ field, message }] });
}

/**
 * Appends the statement in the decision's transaction and returns what the decision's audit event
 * records of it: structured facts and a hash of the public text, never the text itself.
 */
export async function recordStatement(
  trx: Transaction<Database>,
  input: {
    decisionId: string;
    caseId: string;
    action: RestrictingAction;
    policy: CitedPolicy;
    statement: StatementBody;
    appealWindowMonths: number;
  },
): Promise<Record<string, unknown>> {
  const { policy, action, statement } = input;
  if (!policy.dsa_category) {
    refuse(
      'policyCode',
      'has no DSA category',
      `Policy ${policy.code} names no DSA category; an admin sets one first.`,
    );
  }
  const { ground } = statement;
  if (ground.kind === 'terms' && !policy.terms_url) {
    refuse(
      'statement.ground.kind',
      'the policy cites no terms clause',
      `Policy ${policy.code} has no terms URL, so a decision cannot rest on the terms under it.`,
    );
  }
  if (statement.endsAt && Date.parse(statement.endsAt) <= Date.now()) {
    refuse('statement.endsAt', 'must be in the future', 'A restriction cannot end before it starts.');
  }
  const sources = await trx
    .selectFrom('report')
    .select('source')
    .distinct()
    .where('case_id', '=', input.caseId)
    .execute();
  const has = (source: string) => sources.some((row) => row.source === source);
  const restriction = restrictionOf(action, statement.endsAt);
  const row = await trx
    .insertInto('statement_of_reasons')
    .values({
      decision_id: input.decisionId,
      ground: ground.kind,
      legal_ground: ground.kind === 'illegal' ? ground.legalGround : null,
      legal_explanation: ground.kind === 'illegal' ? ground.explanation : null,
      terms_url: ground.kind === 'terms' ? policy.terms_url : null,
      also_illegal: ground.kind === 'terms' && ground.alsoIllegal,
      category: policy.dsa_category,
      public_reason: statement.publicReason,
      restriction,
      ends_at: statement.endsAt ? new Date(statement.endsAt) : null,
      territorial_scope: statement.territorialScope,
      automated_detection: has('automated'),
      // Docket records decisions people make; an automated decision would come another way.
      automated_decision: 'not_automated',
      source: has('user_report') ? 'article_16_notice' : has('legal_request') ? 'other_notification' : 'voluntary',
      appeal_until: sql<Date>`now() + make_interval(months => ${input.appealWindowMonths})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const sor = toStatement(row);
  return {
    ground: sor.ground.kind,
    alsoIllegal: row.also_illegal,
    category: sor.category,
    restriction: sor.restriction,
    endsAt: sor.endsAt,
    territorialScope: sor.territorialScope,
    automatedDetection: sor.automatedDetection,
    automatedDecision: sor.automatedDecision,
    source: sor.source,
    appealUntil: sor.redress.appealUntil,
    publicReasonSha256: createHash('sha256').update(sor.publicReason).digest('hex'),
  };
}

export function toStatement(row: StatementOfReasonsRow): StatementOfReasons {
  return {
    ground:
      row.ground === 'illegal'
        ? { kind: 'illegal', legalGround: row.legal_ground ?? '', explanation: row.legal_explanation ?? '' }
        : { kind: 'terms', termsUrl: row.terms_url ?? '', alsoIllegal: row.also_illegal },
    category: row.category as DsaCategory,
    publicReason: row.public_reason,
    restriction: row.restriction as Restriction,
    endsAt: row.ends_at?.toISOString() ?? null,
    territorialScope: row.territorial_scope as StatementOfReasons['territorialScope'],
    automatedDetection: row.automated_detection,
    automatedDecision: row.automated_decision,
    source: row.source,
    redress: { how: 'internal_complaint', appealUntil: row.appeal_until.toISOString() },
  };
}

/** Statements for these decisions, by decision id (one query for a case's whole history). */
export async function statementsFor(
  db: Kysely<Database>,
  decisionIds: string[],
): Promise<Map<string, StatementOfReasons>> {
  if (decisionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('statement_of_reasons')
    .selectAll()
    .where('decision_id', 'in', decisionIds)
    .execute();
  return new Map(rows.map((row) => [row.decision_id, toStatement(row)]));
}
