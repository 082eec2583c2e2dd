/**
 * Telling people their messages were read (DESIGN §10, ADR 029). A grant that ends — expired,
 * revoked or ended — schedules one job in that action's own transaction; when it is due, each
 * participant of the conversation is sent one `access.notice` through the platform: the days of
 * the reads, the pathway and justification code, the kind of scope and how many messages were
 * read. Never who read them, never what they said. A grant that read nothing tells no one.
 */
import type { Database } from '@docket/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type ActionContext, runSystemAction } from '../actions/context';
import type { AccessNotice } from '../actions/outbound';
import { enqueueJob } from '../jobs/enqueue';
import type { JobContext } from '../jobs/runner';
import { nonDisclosureUntil } from '../legal/notices';

export const ACCESS_NOTICE_JOB = 'access.notice';

/** Called wherever a grant ends, in that action's transaction; a second call for the grant adds nothing. */
export async function scheduleAccessNotice(trx: Transaction<Database>, grantId: string): Promise<void> {
  await enqueueJob(trx, { name: ACCESS_NOTICE_JOB, key: `access.notice:${grantId}`, payload: { grantId } });
}

function endedGrant(trx: Transaction<Database>, grantId: string) {
  return trx
    .selectFrom('access_grant as g')
    .innerJoin('conversation as c', 'c.id', 'g.conversation_id')
    .leftJoin('access_request as r', 'r.id', 'g.request_id')
    .select(['g.id', 'g.case_id', 'g.scope', 'g.break_glass', 'r.justification_code', 'c.participant_ids'])
    .select(sql<Date | null>`coalesce(g.revoked_at, g.ended_at)`.as('ended_at'))
    .where('g.id', '=', grantId)
    .$narrowType<{ case_id: string }>()
    .executeTakeFirst();
}

type EndedGrant = NonNullable<Awaited<ReturnType<typeof endedGrant>>>;

export type Disclosure = { kind: 'send' } | { kind: 'defer'; until: Date } | { kind: 'never' };

/**
 * Whether a notice may go out now: not while a legal non-disclosure order covers any participant
 * of the conversation (ADR 032). The job is put off until the order ends and asks again then, so an
 * order extended meanwhile keeps it waiting.
 */
export async function noticeDisclosure(trx: Transaction<Database>, grant: EndedGrant): Promise<Disclosure> {
  const until = await nonDisclosureUntil(trx, grant.participant_ids);
  return until ? { kind: 'defer', until } : { kind: 'send' };
}

/** What was read under the grant: the UTC days of the reads and the distinct messages returned. */
async function readsUnder(trx: Transaction<Database>, grantId: string) {
  const { rows } = await sql<{ read_dates: string[]; messages_read: number }>`
    select
      array(select distinct to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD') from audit_event e
        where e.action = 'conversation.read' and e.grant_id = ${grantId} order by 1) as read_dates,
      (select count(distinct m.id)::int from audit_event e, jsonb_array_elements_text(e.details->'messageIds') m(id)
        where e.action = 'conversation.read' and e.grant_id = ${grantId}) as messages_read`.execute(trx);
  return rows[0] ?? { read_dates: [], messages_read: 0 };
}

async function tellParticipants(ctx: ActionContext, grant: EndedGrant): Promise<void> {
  const { trx } = ctx;
  const reads = await readsUnder(trx, grant.id);
  if (reads.messages_read === 0) return;
  // The ledger's key makes a re-run job (at-least-once) tell each participant once only.
  const told = await trx
    .insertInto('access_notice')
    .values(grant.participant_ids.map((account_id) => ({ grant_id: grant.id, account_id })))
    .onConflict((oc) => oc.columns(['grant_id', 'account_id']).doNothing())
    .returning('account_id')
    .execute();
  for (const { account_id: accountId } of told) {
    const notice: AccessNotice = {
      accountId,
      grantId: grant.id,
      caseId: grant.case_id,
      pathway: grant.break_glass ? 'break_glass' : 'user_report',
      justificationCode: grant.justification_code,
      scope: grant.scope.kind,
      readDates: reads.read_dates,
      messagesRead: reads.messages_read,
    };
    // The audit row keeps exactly what the participant was told: "who was told what, when".
    await ctx.emit({
      action: 'access.notice',
      target: { type: 'access_grant', id: grant.id },
      caseId: grant.case_id,
      grantId: grant.id,
      details: { ...notice },
      outbound: notice,
    });
  }
}

/**
 * A notice held back by a running non-disclosure order is on record once per grant (the job asks
 * again when the order ends, and again if it was extended): reports count deferrals from the log.
 */
async function recordDeferral(ctx: ActionContext, grant: EndedGrant, until: Date): Promise<void> {
  const already = await ctx.trx
    .selectFrom('audit_event')
    .select('id')
    .where('action', '=', 'access.notice_deferred')
    .where('grant_id', '=', grant.id)
    .executeTakeFirst();
  // A grant that read nothing tells no one, so it has no notice to hold back either.
  if (already || (await readsUnder(ctx.trx, grant.id)).messages_read === 0) return;
  await ctx.emit({
    action: 'access.notice_deferred',
    target: { type: 'access_grant', id: grant.id },
    caseId: grant.case_id,
    grantId: grant.id,
    details: {
      pathway: grant.break_glass ? 'break_glass' : 'user_report',
      justificationCode: grant.justification_code,
      until: until.toISOString(),
      participants: grant.participant_ids.length,
    },
  });
}

/** The job: waits out the configured delay and any hold, then tells every participant once. */
export function sendAccessNotices(
  db: Kysely<Database>,
  payload: unknown,
  delayHours: number,
  job: Pick<JobContext, 'defer'>,
): Promise<void> {
  const { grantId } = payload as { grantId: string };
  return runSystemAction(
    db,
    async (ctx) => {
      const grant = await endedGrant(ctx.trx, grantId);
      if (!grant?.ended_at) return;
      const due = new Date(grant.ended_at.getTime() + delayHours * 3_600_000);
      if (due.getTime() > Date.now()) return job.defer(due);
      const disclosure = await noticeDisclosure(ctx.trx, grant);
      if (disclosure.kind === 'defer') {
        await recordDeferral(ctx, grant, disclosure.until);
        return job.defer(disclosure.until);
      }
      if (disclosure.kind === 'send') await tellParticipants(ctx, grant);
    },
    'access-notices',
  );
}
