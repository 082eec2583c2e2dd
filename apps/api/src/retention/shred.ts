/**
 * Retention by crypto-shredding (DESIGN §11, ADR 031). Once every case on a conversation has
 * closed and each one's retention (per category, counted from its close) has run out, and no
 * live hold covers the conversation or anyone in it, one statement destroys the conversation's
 * data key and every ciphertext under it — message bodies and reporters' texts — and leaves the
 * rows' ids, senders and times for the audit log's facts. Every rule is in that statement's
 * WHERE, judged by the database clock; the code around it only batches and records.
 */
import type { Category } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { runSystemAction } from '../actions/context';

/** Days each category's closed cases keep their conversation (config `retention.days`). */
export type RetentionDays = Record<Category, number>;

/** The audit event names at most this many message ids; `messageCount` always says how many. */
const MAX_IDS_NAMED = 1000;

interface Shredded {
  conversation_id: string;
  kek_version: number;
  message_ids: string[] | null;
  message_count: number | null;
  report_ids: string[] | null;
  case_ids: string[];
}

/**
 * Whether retention has run out for every case on conversation `c` (and it has one, and none is
 * open). A category missing from `days` keeps the longest configured time: never shorter by mistake.
 */
export function retentionRanOut(days: RetentionDays) {
  const longest = Math.max(...Object.values(days));
  return sql<boolean>`(
    exists (select 1 from "case" k where k.conversation_id = c.id)
    and not exists (
      select 1 from "case" k
      where k.conversation_id = c.id
        and (k.status <> 'decided' or k.decided_at is null
          or k.decided_at + make_interval(days => coalesce((${JSON.stringify(days)}::jsonb ->> k.category)::int, ${longest}))
            > now())))`;
}

/** Whether a live hold covers conversation `c`: on it, on a participant, or on an account its reports name. */
export const heldByPreservation = sql<boolean>`exists (
  select 1 from preservation_hold h
  where h.released_at is null and h.expires_at > now()
    and ((h.target_type = 'conversation' and h.target_id = c.id)
      or (h.target_type = 'account' and (h.target_id = any (c.participant_ids)
        or exists (select 1 from report r where r.conversation_id = c.id
          and h.target_id in (r.reported_account_id, r.reporter_id))))))`;

/**
 * Destroys up to `limit` due conversations' content in the caller's transaction and records one
 * `retention.shredded` event for each (ids and counts, never content). Returns how many.
 * Conversations another transaction holds (an intake batch joining a report to one) are skipped
 * this round rather than waited for.
 */
export async function shredDueConversations(ctx: ActionContext, days: RetentionDays, limit: number): Promise<number> {
  const { rows } = await sql<Shredded>`
    with due as (
      select c.id, c.kek_version from conversation c
      where c.dek_wrapped is not null and ${retentionRanOut(days)} and not ${heldByPreservation}
      order by c.id
      limit ${limit}
      for update of c skip locked
    ), keys as (
      update conversation c set dek_wrapped = null, kek_version = null, content_destroyed_at = now()
      from due where c.id = due.id
      returning c.id, due.kek_version
    ), bodies as (
      update message m set body_nonce = null, body_ciphertext = null, destroyed_at = now()
      from keys where m.conversation_id = keys.id and m.destroyed_at is null
      returning m.conversation_id, m.id
    ), texts as (
      update report r set reporter_text_nonce = null, reporter_text_ciphertext = null, reporter_text_destroyed_at = now()
      from keys where r.conversation_id = keys.id and r.reporter_text_destroyed_at is null
      returning r.conversation_id, r.id
    ), body_ids as (
      select conversation_id, count(*)::int as n, (array_agg(id order by id))[1:${MAX_IDS_NAMED}] as ids
      from bodies group by conversation_id
    ), text_ids as (
      select conversation_id, array_agg(id order by id) as ids from texts group by conversation_id
    )
    select k.id as conversation_id, k.kek_version, b.ids as message_ids, b.n as message_count, t.ids as report_ids,
      array(select id from "case" where conversation_id = k.id order by opened_at) as case_ids
    from keys k
    left join body_ids b on b.conversation_id = k.id
    left join text_ids t on t.conversation_id = k.id
    order by k.id`.execute(ctx.trx);

  for (const row of rows) {
    const messageCount = row.message_count ?? 0;
    await ctx.emit({
      action: 'retention.shredded',
      target: { type: 'conversation', id: row.conversation_id },
      details: {
        dataKey: { conversationId: row.conversation_id, kekVersion: row.kek_version },
        messageCount,
        messageIds: row.message_ids ?? [],
        ...(messageCount > MAX_IDS_NAMED ? { messageIdsTruncated: true } : {}),
        reporterTextsOf: row.report_ids ?? [],
        caseIds: row.case_ids,
      },
    });
  }
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
