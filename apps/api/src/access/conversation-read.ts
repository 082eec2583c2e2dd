/**
 * Reading the wider conversation: only inside a live grant, only the messages its scope
 * covers (asking for others by id returns nothing more), and every read is an audit event
 * naming exactly the message ids returned.
 */
import type { AccessScope, ConversationRead } from '@docket/contracts';
import type { Database } from '@docket/db';
import type { Kysely } from 'kysely';
import { type AuditContext, recordAuditEvent } from '../audit/record';
import { readMessages } from '../encryption/content';
import type { Keyring } from '../encryption/keyring';
import { AppError } from '../http/problem';
import { liveGrant } from './grants';

/** Which message ids a scope covers, from metadata alone (ids and times), before any decryption. */
async function idsInScope(db: Kysely<Database>, conversationId: string, scope: AccessScope, reported: Set<string>) {
  const ordered = await db
    .selectFrom('message')
    .select(['id', 'sent_at'])
    .where('conversation_id', '=', conversationId)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
  if (scope.kind === 'full_conversation') return ordered.map((m) => m.id);
  if (scope.kind === 'time_window') {
    const from = Date.parse(scope.from);
    const to = Date.parse(scope.to);
    return ordered.filter((m) => m.sent_at.getTime() >= from && m.sent_at.getTime() <= to).map((m) => m.id);
  }
  const keep = new Set<number>();
  ordered.forEach((message, index) => {
    if (!reported.has(message.id)) return;
    for (let i = Math.max(0, index - scope.context); i <= Math.min(ordered.length - 1, index + scope.context); i++)
      keep.add(i);
  });
  return ordered.filter((_, index) => keep.has(index)).map((m) => m.id);
}

async function reportedIds(db: Kysely<Database>, caseId: string): Promise<Set<string>> {
  const reports = await db.selectFrom('report').select('reported_message_ids').where('case_id', '=', caseId).execute();
  return new Set(reports.flatMap((report) => report.reported_message_ids));
}

export async function readConversation(
  trx: Kysely<Database>,
  keyring: Keyring,
  caseId: string,
  readerId: string,
  requestedIds: string[] | undefined,
  audit: AuditContext,
): Promise<ConversationRead | AppError> {
  const grant = await liveGrant(trx, caseId, readerId);
  if (!grant) {
    await recordAuditEvent(trx, audit, {
      action: 'conversation.read_denied',
      outcome: 'denied',
      target: { type: 'case', id: caseId },
      caseId,
      details: { reason: 'no_live_grant' },
    });
    // Returned, not thrown: the refusal's audit event must commit with the transaction.
    return new AppError(
      'access_required',
      'No live access grant for this case: request access first.',
      {},
      {
        audited: true,
      },
    );
  }
  const reported = await reportedIds(trx, caseId);
  let ids = await idsInScope(trx, grant.conversation_id, grant.scope, reported);
  if (requestedIds) {
    const wanted = new Set(requestedIds);
    ids = ids.filter((id) => wanted.has(id));
  }
  const messages = await readMessages(trx, keyring, grant.conversation_id, ids);
  await recordAuditEvent(trx, audit, {
    action: 'conversation.read',
    target: { type: 'conversation', id: grant.conversation_id },
    caseId,
    grantId: grant.id,
    details: { messageIds: messages.map((m) => m.id) },
  });
  return {
    grantId: grant.id,
    expiresAt: grant.expires_at.toISOString(),
    messages: messages.map((m) => ({ ...m, sentAt: m.sentAt.toISOString(), reported: reported.has(m.id) })),
  };
}
