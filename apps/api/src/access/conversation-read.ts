/**
 * Reading the wider conversation: only inside a live grant whose grantee holds the open case
 * under a live lease, only the messages its scope covers (asking for others by id returns nothing more), and every read is an audit event
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
import { type Database, prepared } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { type AuditContext, auditRow } from '../audit/record';
import { openMessageBodies } from '../encryption/content';
import type { Keyring } from '../encryption/keyring';
import { AppError } from '../http/problem';
import { grantIsLive } from './liveness';

interface ReadRow {
  grant_id: string | null;
  expires_at: Date | null;
  conversation_id: string | null;
  dek_wrapped: Buffer | null;
  kek_version: number | null;
  /**
   * `[id, senderId, sentAt (ISO), nonce ‖ ciphertext (base64) or null, reported, destroyedAt (ISO) or null]`
   * per message, in order, as JSON.
   */
  messages: string | null;
}

type MessageTuple = [
  id: string,
  senderId: string,
  sentAt: string,
  sealed: string | null,
  reported: boolean,
  destroyedAt: string | null,
];

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
      then jsonb_build_object('messageIds', (select coalesce(jsonb_agg(id order by sent_at, id), '[]'::jsonb) from scoped),
        'pathway', case when (select break_glass from g) then 'break_glass' else 'user_report' end)
      else '{"reason":"no_live_grant"}'::jsonb end`,
  });
  const wanted = requestedIds ?? null;
  const { rows } = await sql<ReadRow>`${prepared}
    with g as (
      select g.id, g.conversation_id, g.scope, g.message_ids, g.expires_at, g.break_glass from access_grant g
      where g.case_id = ${caseId} and g.grantee_id = ${readerId} and ${grantIsLive}
      order by g.expires_at desc limit 1
    ), reported as (
      select distinct unnest(r.reported_message_ids) as id from report r where r.case_id = ${caseId}
    ), scoped as (
      -- Every column the answer needs, read once: joining back to message per row scales with the square
      -- of the conversation when the planner misjudges its size (a fresh table has no statistics).
      select m.id, m.sender_id, m.sent_at, m.destroyed_at, m.body_nonce || m.body_ciphertext as sealed,
        m.id in (select id from reported) as reported
      from message m, g
      where m.conversation_id = g.conversation_id
        and case g.scope->>'kind'
          when 'full_conversation' then true
          when 'time_window' then m.sent_at between (g.scope->>'from')::timestamptz and (g.scope->>'to')::timestamptz
          -- Fixed when the grant was issued: a report filed since never widens it.
          when 'reported_context' then m.id = any(g.message_ids)
          else false
        end
        and (${wanted}::text[] is null or m.id = any(${wanted}::text[]))
    ), audited as (${audited})
    select g.id as grant_id, g.expires_at, g.conversation_id, c.dek_wrapped, c.kek_version,
      -- One JSON text for every message: parsed natively, instead of row by row and column by column.
      (select json_agg(json_build_array(s.id, s.sender_id,
          to_char(s.sent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          encode(s.sealed, 'base64'), s.reported,
          to_char(s.destroyed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) order by s.sent_at, s.id)::text
        from scoped s) as messages
    from (select 1) one left join g on true left join conversation c on c.id = g.conversation_id`.execute(db);

  const head = rows[0];
  if (!head?.grant_id || !head.expires_at || !head.conversation_id) {
    // Returned, not thrown: a caller that wraps this in a transaction must still commit the refusal's event.
    return new AppError(
      'access_required',
      'No live access grant for this case: request access first.',
      {},
      { audited: true },
    );
  }
  const tuples = head.messages ? (JSON.parse(head.messages) as MessageTuple[]) : [];
  const bodies = openMessageBodies(
    keyring,
    head.conversation_id,
    { dek_wrapped: head.dek_wrapped as Buffer, kek_version: head.kek_version as number },
    tuples.map(([id, , , sealed]) => ({ id, sealed: sealed === null ? null : Buffer.from(sealed, 'base64') })),
  );
  return {
    grantId: head.grant_id,
    expiresAt: head.expires_at.toISOString(),
    messages: tuples.map(([id, senderId, sentAt, , reported, destroyedAt], index) => ({
      id,
      senderId,
      sentAt,
      body: bodies[index] ?? null,
      destroyedAt,
      reported,
    })),
  };
}
