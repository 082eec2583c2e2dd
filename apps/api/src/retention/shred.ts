/**
 * Retention by crypto-shredding (DESIGN §11, ADR 031). Once every case on a conversation has
 * closed and each one's retention (per category, counted from its close) has run out, and no
 * live hold covers the conversation or anyone in it, one statement destroys the conversation's
 * data key and every ciphertext under it — message bodies and reporters' texts — and leaves the
 * rows' ids, senders and times for the audit log's facts. Every rule is in that statement's
 * WHERE, judged by the database clock. The same statement writes each conversation's
 * `retention.shredded` audit row (ids and counts, never content): one round trip per batch instead
 * of one per conversation, which doubled throughput (ADR 027's single-statement writers; ADR 031).
 */
import type { Category } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { runSystemAction } from '../actions/context';
import { auditRow } from '../audit/record';

/** Days each category's closed cases keep their conversation (config `retention.days`). */
export type RetentionDays = Record<Category, number>;

/** The audit event names at most this many message ids; `messageCount` always says how many. */
const MAX_IDS_NAMED = 1000;

/**
 * When case `k`'s retention runs out: its close plus its category's days. A category missing from
 * `days` keeps the longest configured time: never shorter by mistake.
 */
export function retainedUntil(days: RetentionDays) {
  const longest = Math.max(...Object.values(days));
  return sql<Date>`k.decided_at + make_interval(days => coalesce((${JSON.stringify(days)}::jsonb ->> k.category)::int, ${longest}))`;
}

/** Whether retention has run out for every case on conversation `c` (and it has one, and none is open). */
export function retentionRanOut(days: RetentionDays) {
  return sql<boolean>`(
    exists (select 1 from "case" k where k.conversation_id = c.id)
    and not exists (
      select 1 from "case" k
      where k.conversation_id = c.id
        and (k.status <> 'decided' or k.decided_at is null
          or ${retainedUntil(days)} > now())))`;
}

/**
 * Whether a live hold covers conversation `c`: on it, on a participant, or on an account its reports
 * name. Each is an index probe on (target_type, target_id); an OR, or `= any(array)`, had the
 * planner scan every live hold for every conversation (ADR 031's benchmark).
 */
export const heldByPreservation = sql<boolean>`exists (
  select 1 from (
      select 'conversation' as type, c.id as id
      union all select 'account', unnest(c.participant_ids)
      union all select 'account', r.reported_account_id from report r where r.conversation_id = c.id
      union all select 'account', r.reporter_id from report r where r.conversation_id = c.id and r.reporter_id is not null
    ) covered
    join preservation_hold h on h.target_type = covered.type and h.target_id = covered.id
  where h.released_at is null and h.expires_at > now())`;

/**
 * Destroys up to `limit` due conversations' content in the caller's transaction and records one
 * `retention.shredded` event for each, naming the conversation, its data key (by conversation and
 * KEK version), the messages and reports whose content went, and its cases. Returns how many.
 * Conversations another transaction holds (an intake batch joining a report to one) are skipped
 * this round rather than waited for.
 */
export async function shredDueConversations(ctx: ActionContext, days: RetentionDays, limit: number): Promise<number> {
  const event = auditRow(ctx, { action: 'retention.shredded' });
  const { rows } = await sql<{ conversation_id: string }>`
    with due as (
      select c.id, c.kek_version from conversation c
      where c.dek_wrapped is not null and ${retentionRanOut(days)} and not ${heldByPreservation}
      -- No ORDER BY: a sort would judge every kept conversation on every batch (quadratic over a
      -- backlog); unordered, the scan stops at the limit. SKIP LOCKED never waits, so order buys nothing.
      limit ${limit}
      for update of c skip locked
    ), keys as (
      update conversation c set dek_wrapped = null, kek_version = null, content_destroyed_at = now()
      from due where c.id = due.id
      returning c.id, due.kek_version
    ), bodies as (
      update message m set body_nonce = null, body_ciphertext = null, destroyed_at = now()
      -- = any(array(…)): an index condition on the primary key's prefix, never a scan of every message.
      where m.conversation_id = any (array(select id from keys)) and m.destroyed_at is null
      returning m.conversation_id, m.id
    ), texts as (
      update report r set reporter_text_nonce = null, reporter_text_ciphertext = null, reporter_text_destroyed_at = now()
      where r.conversation_id = any (array(select id from keys)) and r.reporter_text_destroyed_at is null
      returning r.conversation_id, r.id
    ), body_ids as (
      select conversation_id, count(*)::int as n, (array_agg(id order by id))[1:${MAX_IDS_NAMED}] as ids
      from bodies group by conversation_id
    ), text_ids as (
      select conversation_id, array_agg(id order by id) as ids from texts group by conversation_id
    ), audited as (
      insert into audit_event (actor_type, actor_id, actor_label, actor_roles, action, outcome, target_type, target_id,
        details, request_id, ip, user_agent)
      select ${event.actor_type}::text, ${event.actor_id}::text, ${event.actor_label}::text, ${event.actor_roles}::text[],
        ${event.action}::text, ${event.outcome}::text, 'conversation', k.id,
        jsonb_build_object(
          'dataKey', jsonb_build_object('conversationId', k.id, 'kekVersion', k.kek_version),
          'messageCount', coalesce(b.n, 0),
          'messageIds', coalesce(to_jsonb(b.ids), '[]'::jsonb),
          'reporterTextsOf', coalesce(to_jsonb(t.ids), '[]'::jsonb),
          'caseIds', to_jsonb(array(select id from "case" where conversation_id = k.id order by opened_at)))
        || case when b.n > ${MAX_IDS_NAMED} then '{"messageIdsTruncated": true}'::jsonb else '{}'::jsonb end,
        ${event.request_id}::text, ${event.ip}::text, ${event.user_agent}::text
      from keys k
      left join body_ids b on b.conversation_id = k.id
      left join text_ids t on t.conversation_id = k.id
      returning target_id
    )
    select target_id as conversation_id from audited`.execute(ctx.trx);
  return rows.length;
}

export interface ShredRun {
  conversations: number;
  batches: number;
}

/**
 * The retention job: batches, each its own transaction (a crash loses at most one batch's work,
 * which the next run redoes), until nothing is due or `budgetMs` is spent — the job's lease must
 * outlast it. The next interval carries on where this one stopped.
 */
export async function runRetention(
  db: Kysely<Database>,
  days: RetentionDays,
  options: { batchSize?: number; budgetMs?: number } = {},
): Promise<ShredRun> {
  const batchSize = options.batchSize ?? 200;
  const deadline = Date.now() + (options.budgetMs ?? 20_000);
  const run: ShredRun = { conversations: 0, batches: 0 };
  for (;;) {
    const shredded = await runSystemAction(db, (ctx) => shredDueConversations(ctx, days, batchSize), 'retention');
    run.conversations += shredded;
    run.batches += 1;
    if (shredded < batchSize || Date.now() >= deadline) return run;
  }
}
