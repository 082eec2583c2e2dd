/**
 * Reading the wider conversation: only inside a live grant, only the messages its scope
 * covers (asking for others by id returns nothing more), and every read is an audit event
 * naming exactly the message ids returned.
 *
 * One statement, one round trip: it finds the caller's live grant by the database clock,
 * resolves the scope from ids and send order alone, fetches only the rows in scope (ciphertext)
 * with the conversation's wrapped key, and writes the audit event — `conversation.read` with
 * those ids and the grant, or `conversation.read_denied` when no grant is live. Decryption
 * follows in memory; should it fail, the event stands for a read the server attempted: the log
 * may over-report a read, never under-report one.
 */
import type { ConversationRead } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { type AuditContext, auditRow } from '../audit/record';
import { openMessages, type StoredMessage } from '../encryption/content';
import type { Keyring } from '../encryption/keyring';
import { AppError } from '../http/problem';

/** The first row carries the grant and the wrapped key; each further row one message in scope. */
interface ReadRow {
  grant_id: string | null;
  expires_at: Date | null;
  conversation_id: string | null;
  dek_wrapped: Buffer | null;
  kek_version: number | null;
  id: string | null;
  sender_id: string | null;
  /** Milliseconds since the epoch: cheaper to turn into a Date than a timestamp's text. */
  sent_ms: number | null;
  sealed: Buffer | null;
  reported: boolean | null;
}

export async function readConversation(
  db: Kysely<Database>,
  keyring: Keyring,
  caseId: string,
  readerId: string,
  requestedIds: string[] | undefined,
  audit: AuditContext,
): Promise<ConversationRead | AppError> {
  const granted = sql<boolean>`exists (select 1 from g)`;
  const event = auditRow(audit, { action: 'conversation.read', caseId });
  const audited = db.insertInto('audit_event').values({
    ...event,
    action: sql`case when ${granted} then 'conversation.read' else 'conversation.read_denied' end`,
    outcome: sql`case when ${granted} then 'success' else 'denied' end`,
    target_type: sql`case when ${granted} then 'conversation' else 'case' end`,
    target_id: sql`coalesce((select conversation_id from g), ${caseId}::text)`,
    grant_id: sql`(select id from g)`,
    details: sql`case when ${granted}
      then jsonb_build_object('messageIds', (select coalesce(jsonb_agg(id order by n), '[]'::jsonb) from scoped))
      else '{"reason":"no_live_grant"}'::jsonb end`,
  });
  const wanted = requestedIds ?? null;
  const { rows } = await sql<ReadRow>`
    with g as (
      select g.id, g.conversation_id, g.scope, g.expires_at from access_grant g
      where g.case_id = ${caseId} and g.grantee_id = ${readerId}
        and g.starts_at <= now() and g.expires_at > now() and g.revoked_at is null
      order by g.expires_at desc limit 1
    ), reported as (
      select distinct unnest(r.reported_message_ids) as id from report r where r.case_id = ${caseId}
    ), ordered as (
      select m.id, m.sent_at, row_number() over (order by m.sent_at, m.id) as n,
        m.id in (select id from reported) as reported
      from message m where m.conversation_id = (select conversation_id from g)
    ), scoped as (
      select o.id, o.n, o.reported from ordered o, g
      where case g.scope->>'kind'
          when 'full_conversation' then true
          when 'time_window' then o.sent_at between (g.scope->>'from')::timestamptz and (g.scope->>'to')::timestamptz
          when 'reported_context' then exists (
            select 1 from ordered a where a.reported and abs(a.n - o.n) <= (g.scope->>'context')::int)
          else false
        end
        and (${wanted}::text[] is null or o.id = any(${wanted}::text[]))
    ), audited as (${audited})
    select 0 as part, 0::bigint as n, g.id as grant_id, g.expires_at, g.conversation_id, c.dek_wrapped, c.kek_version,
      null::text as id, null::text as sender_id, null::float8 as sent_ms, null::bytea as sealed, null::boolean as reported
    from (select 1) one left join g on true left join conversation c on c.id = g.conversation_id
    union all
    select 1, s.n, null, null, null, null, null,
      m.id, m.sender_id, extract(epoch from m.sent_at)::float8 * 1000, m.body_nonce || m.body_ciphertext, s.reported
    from scoped s join message m on m.conversation_id = (select conversation_id from g) and m.id = s.id
    order by part, n`.execute(db);

  const head = rows[0];
  if (!head?.grant_id || !head.expires_at || !head.conversation_id) {
    // Returned, not thrown: a caller that wraps this in a transaction must still commit the refusal's event.
    return new AppError('access_required', 'No live access grant for this case: request access first.');
  }
  const stored: StoredMessage[] = [];
  const reported = new Set<string>();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as ReadRow & { id: string; sender_id: string; sent_ms: number; sealed: Buffer };
    stored.push({ id: row.id, sender_id: row.sender_id, sent_at: new Date(row.sent_ms), sealed: row.sealed });
    if (row.reported) reported.add(row.id);
  }
  const messages = openMessages(
    keyring,
    head.conversation_id,
    { dek_wrapped: head.dek_wrapped as Buffer, kek_version: head.kek_version as number },
    stored,
  );
  return {
    grantId: head.grant_id,
    expiresAt: head.expires_at.toISOString(),
    messages: messages.map((m) => ({
      id: m.id,
      senderId: m.senderId,
      sentAt: m.sentAt.toISOString(),
      body: m.body,
      reported: reported.has(m.id),
    })),
  };
}
