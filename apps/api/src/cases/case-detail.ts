/**
 * What the holder of a case (or anyone who may read cases, once it is decided, or a supervisor
 * with something on it to sign) sees: the reports with their reporters' texts, the reported
 * messages (the evidence) — never the rest of the conversation — account facts, conversation
 * metadata, decisions and the timeline. Opening it is an audit event naming what was returned.
 */
import type { AccountFacts, CaseDetail, DecisionAction } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { ActionContext } from '../actions/context';
import { appealOfCase } from '../appeals/detail';
import type { SignedInStaff } from '../context';
import { readMessages, readReporterTexts } from '../encryption/content';
import type { Keyring } from '../encryption/keyring';
import { AppError } from '../http/problem';
import { heldBy } from './claims';
import { decisionsForCase } from './decisions';
import { awaitingSignature } from './sign-off';
import { selectCases, toCaseSummary } from './summary';
import { viewableBy } from './viewing';

const TIMELINE_LIMIT = 200;

export async function openCase(
  ctx: ActionContext,
  keyring: Keyring,
  caseId: string,
  viewer: SignedInStaff,
): Promise<Omit<CaseDetail, 'appealWindowMonths'>> {
  const { trx } = ctx;
  const row = await selectCases(trx)
    .select([heldBy(viewer.id).as('held'), awaitingSignature(viewer).as('signing'), viewableBy(viewer).as('viewable')])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No case with that id.');
  if (!row.viewable)
    throw new AppError('conflict', 'You do not hold this case (its lease ended or it was reassigned). Claim again.');
  // A decided case is the record: anyone who may read cases opens it, read-only, audited alike;
  // so does a supervisor about to sign something on it, without taking it from its holder.
  const view = row.held ? 'holder' : row.status === 'decided' ? 'record' : 'signature';
  const conversationId = row.conversation_id;

  const reports = await trx
    .selectFrom('report')
    .select(['id', 'source', 'category', 'reporter_id', 'reported_account_id', 'reported_message_ids', 'received_at'])
    .where('case_id', '=', caseId)
    .orderBy('received_at')
    .execute();
  const evidenceIds = [...new Set(reports.flatMap((report) => report.reported_message_ids))];
  const texts = await readReporterTexts(
    trx,
    keyring,
    conversationId,
    reports.map((report) => report.id),
  );
  const evidence = await readMessages(trx, keyring, conversationId, evidenceIds);

  const conversation = await trx
    .selectFrom('conversation')
    .select(['participant_ids'])
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
  const span = await trx
    .selectFrom('message')
    .select([
      sql<number>`count(*)::int`.as('count'),
      sql<Date | null>`min(sent_at)`.as('first'),
      sql<Date | null>`max(sent_at)`.as('last'),
    ])
    .where('conversation_id', '=', conversationId)
    .executeTakeFirstOrThrow();

  const accountIds = [
    ...new Set([
      ...conversation.participant_ids,
      ...reports.flatMap((report) => [report.reported_account_id, ...(report.reporter_id ? [report.reporter_id] : [])]),
    ]),
  ];
  const accounts = await accountFacts(trx, accountIds, caseId);
  const decisions = await decisionsForCase(trx, caseId);
  const appeal = await appealOfCase(trx, caseId);
  const timeline = await caseTimeline(trx, caseId, reports);
  const preference = await trx
    .selectFrom('staff_user')
    .select('blur_urgent_evidence')
    .where('id', '=', viewer.id)
    .executeTakeFirstOrThrow();

  await ctx.emit({
    action: 'case.opened',
    target: { type: 'case', id: caseId },
    caseId,
    details: {
      reportIds: reports.map((report) => report.id),
      evidenceMessageIds: evidence.map((message) => message.id),
      // Read-only views say why the viewer could look: the decided record, or what they were to sign.
      ...(view === 'holder' ? {} : { readOnly: true, ...(row.signing ? { signing: row.signing } : {}) }),
    },
  });

  return {
    case: toCaseSummary(row),
    reports: reports.map((report) => ({
      id: report.id,
      source: report.source,
      category: report.category as CaseDetail['reports'][number]['category'],
      reporterId: report.reporter_id,
      reportedAccountId: report.reported_account_id,
      reporterText: texts.get(report.id)?.text ?? null,
      reporterTextDestroyedAt: texts.get(report.id)?.destroyedAt?.toISOString() ?? null,
      reportedMessageIds: report.reported_message_ids,
      receivedAt: report.received_at.toISOString(),
    })),
    evidence: evidence.map((message) => ({
      ...message,
      sentAt: message.sentAt.toISOString(),
      destroyedAt: message.destroyedAt?.toISOString() ?? null,
    })),
    accounts,
    conversation: {
      id: conversationId,
      participantIds: conversation.participant_ids,
      messageCount: span.count,
      firstMessageAt: span.first?.toISOString() ?? null,
      lastMessageAt: span.last?.toISOString() ?? null,
    },
    decisions,
    appeal,
    timeline,
    blurEvidence: row.urgent && preference.blur_urgent_evidence,
    readOnly: !row.held,
    signing: row.held ? null : row.signing,
  };
}

async function accountFacts(
  db: Kysely<Database>,
  accountIds: string[],
  caseId: string,
): Promise<z.infer<typeof AccountFacts>[]> {
  if (accountIds.length === 0) return [];
  const accounts = await db
    .selectFrom('platform_account')
    .select(['id', 'handle', 'age_band', 'platform_created_at'])
    .where('id', 'in', accountIds)
    .execute();
  // Decisions on *other* cases in which the account was the one reported.
  const prior = await db
    .selectFrom('report as r')
    .innerJoin('decision as d', 'd.case_id', 'r.case_id')
    .select(['r.reported_account_id as account_id', 'd.action', sql<number>`count(distinct d.id)::int`.as('count')])
    .where('r.reported_account_id', 'in', accountIds)
    .where('r.case_id', '!=', caseId)
    .groupBy(['r.reported_account_id', 'd.action'])
    .execute();
  return accounts.map((account) => ({
    id: account.id,
    handle: account.handle,
    ageBand: account.age_band,
    accountCreatedAt: account.platform_created_at?.toISOString() ?? null,
    priorDecisions: prior
      .filter((p) => p.account_id === account.id)
      .map((p) => ({ action: p.action as DecisionAction, count: p.count })),
  }));
}

async function caseTimeline(
  db: Kysely<Database>,
  caseId: string,
  reports: { id: string; category: string; received_at: Date }[],
) {
  const events = await db
    .selectFrom('audit_event')
    .select(['occurred_at', 'action', 'actor_label', 'details'])
    .where('case_id', '=', caseId)
    .where('action', '!=', 'case.lease_renewed') // a heartbeat, not a step in the case's story
    .orderBy('id', 'desc')
    .limit(TIMELINE_LIMIT)
    .execute();
  const entries = [
    ...reports.map((report) => ({
      at: report.received_at,
      action: 'report.received',
      actor: null,
      summary: `Report received (${report.category.replaceAll('_', ' ')})`,
    })),
    ...events.map((event) => ({
      at: event.occurred_at,
      action: event.action,
      actor: event.actor_label,
      summary: describe(event.action, event.details),
    })),
  ];
  return entries
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((entry) => ({ ...entry, at: entry.at.toISOString() }));
}

function describe(action: string, details: Record<string, unknown>): string {
  switch (action) {
    case 'case.claimed':
      return 'Claimed';
    case 'case.released':
      return 'Released back to the queue';
    case 'case.reassigned':
      return 'Reassigned by a supervisor';
    case 'case.unassigned':
      return 'Returned to the queue by a supervisor';
    case 'case.opened':
      return 'Opened';
    case 'evidence.revealed':
      return 'Evidence revealed';
    case 'decision.recorded':
      return `Decision: ${String(details.action).replaceAll('_', ' ')} (${String(details.policyCode)})`;
    case 'decision.confirmed':
      return 'Decision confirmed by a supervisor';
    case 'decision.rejected':
      return 'Decision rejected by a supervisor';
    case 'decision.undone':
      return 'Decision undone by its decider before it took effect';
    default:
      return action;
  }
}
