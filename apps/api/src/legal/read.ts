/**
 * Reading under a legal grant (ADR 032): one statement finds the caller's live legal grant, takes
 * the messages of the request's target accounts inside their accepted ranges — content only where
 * both the instrument and the target's accepted categories allow it — intersects them with any
 * asked for by id, and writes the audit event naming exactly what it returns (`legal.read`), or
 * `legal.read_denied` with its reason. Asking for a message outside the order by id returns nothing.
 */
import type { LegalRead, LegalReadBody } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type AuditContext, auditRow } from '../audit/record';
import { openMessageBodies } from '../encryption/content';
import type { Keyring } from '../encryption/keyring';
import { AppError } from '../http/problem';
import { scopedMessages } from './scope';

/** `[conversationId, id, senderId, sentAt, sealed (base64) | null, dekWrapped (base64), kekVersion]`. */
type Tuple = [string, string, string, string, string | null, string, number];

interface ReadRow {
  grant_id: string | null;
  category_allowed: boolean;
  messages: string | null;
}

export async function readUnderLegalRequest(
  db: Kysely<Database>,
  keyring: Keyring,
  requestId: string,
  readerId: string,
  body: LegalReadBody,
  audit: AuditContext,
): Promise<LegalRead | AppError> {
  return scopedRead(db, keyring, requestId, readerId, body, audit);
}

/**
 * The same statement for production, in its transaction: unaudited here, because production
 * records each item it discloses (`legal.item_disclosed`) itself.
 */
export function readForProduction(
  trx: Transaction<Database>,
  keyring: Keyring,
  requestId: string,
  readerId: string,
  category: LegalReadBody['category'],
): Promise<LegalRead | AppError> {
  return scopedRead(trx, keyring, requestId, readerId, { category }, null);
}

async function scopedRead(
  db: Kysely<Database>,
  keyring: Keyring,
  requestId: string,
  readerId: string,
  body: LegalReadBody,
  audit: AuditContext | null,
): Promise<LegalRead | AppError> {
  const content = body.category === 'content';
  const granted = sql<boolean>`exists (select 1 from g)`;
  const inScope = sql<boolean>`exists (select 1 from allowed)`;
  const audited = audit
    ? sql`, audited as (${db.insertInto('audit_event').values({
        ...auditRow(audit, { action: 'legal.read' }),
        action: sql`case when ${granted} and ${inScope} then 'legal.read' else 'legal.read_denied' end`,
        outcome: sql`case when ${granted} and ${inScope} then 'success' else 'denied' end`,
        target_type: 'legal_request',
        target_id: requestId,
        grant_id: sql`(select id from g)`,
        details: sql`case when ${granted} and ${inScope}
          then jsonb_build_object('category', ${body.category}::text, 'messageRefs',
            (select coalesce(jsonb_agg(jsonb_build_array(conversation_id, id) order by sent_at, conversation_id, id), '[]'::jsonb) from scoped))
          when ${granted} then jsonb_build_object('category', ${body.category}::text, 'reason', 'category_not_in_scope')
          else jsonb_build_object('category', ${body.category}::text, 'reason', 'no_live_grant') end`,
      })})`
    : sql``;
  const { rows } = await sql<ReadRow>`
    with ${scopedMessages(requestId, readerId, body.category, body.messages)}${audited}
    select (select id from g) as grant_id, ${inScope} as category_allowed,
      (select json_agg(json_build_array(s.conversation_id, s.id, s.sender_id,
          to_char(s.sent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          case when ${content} then encode(s.sealed, 'base64') end,
          case when ${content} then encode(s.dek_wrapped, 'base64') end, s.kek_version)
        order by s.sent_at, s.conversation_id, s.id)::text
        from scoped s
        where ${inScope}) as messages`.execute(db);
  const head = rows[0];
  if (!head?.grant_id) {
    return new AppError('access_required', 'No live legal grant of yours on this request.', {}, { audited: true });
  }
  if (!head.category_allowed) {
    return new AppError(
      'forbidden',
      content
        ? 'This order reaches no content: its instrument or its accepted categories do not allow it.'
        : `No target of this order has ${body.category} in its accepted scope.`,
      {},
      { audited: Boolean(audit) },
    );
  }
  const tuples = head.messages ? (JSON.parse(head.messages) as Tuple[]) : [];
  return { grantId: head.grant_id, category: body.category, messages: decrypt(keyring, tuples, content) };
}

/** Bodies of the rows fetched, one data key per conversation, in the rows' order. */
function decrypt(keyring: Keyring, tuples: Tuple[], content: boolean): LegalRead['messages'] {
  const bodies = new Map<string, string>();
  if (content) {
    const byConversation = new Map<string, Tuple[]>();
    for (const tuple of tuples) {
      const rows = byConversation.get(tuple[0]);
      if (rows) rows.push(tuple);
      else byConversation.set(tuple[0], [tuple]);
    }
    for (const [conversationId, rows] of byConversation) {
      const [, , , , , dek, kekVersion] = rows[0] as Tuple;
      const opened = openMessageBodies(
        keyring,
        conversationId,
        { dek_wrapped: Buffer.from(dek, 'base64'), kek_version: kekVersion },
        rows.map(([, id, , , sealed]) => ({ id, sealed: Buffer.from(sealed ?? '', 'base64') })),
      );
      rows.forEach(([, id], index) => {
        bodies.set(`${conversationId}\u0000${id}`, opened[index] as string);
      });
    }
  }
  return tuples.map(([conversationId, id, senderId, sentAt]) => ({
    conversationId,
    id,
    senderId,
    sentAt,
    ...(content && { body: bodies.get(`${conversationId}\u0000${id}`) as string }),
  }));
}
