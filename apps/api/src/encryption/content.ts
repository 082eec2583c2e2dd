/**
 * The one place stored content is decrypted. Only authorized read paths call it — each of
 * which has already checked the caller's right to see these rows and writes the audit event.
 * Plaintext returned from here lives only for the response that asked for it.
 */
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { DecryptionError, open, openPacked } from './aead';
import { aad, unwrapDataKey } from './envelope';
import type { Keyring } from './keyring';

export class ContentUnavailableError extends Error {
  constructor(
    readonly what: { conversationId: string; messageId?: string; reportId?: string },
    readonly reason: string,
  ) {
    super(`stored content could not be decrypted: ${reason}`);
    this.name = 'ContentUnavailableError';
  }
}

export interface DecryptedMessage {
  id: string;
  senderId: string;
  sentAt: Date;
  /** null when retention destroyed it (then `destroyedAt` says when). */
  body: string | null;
  destroyedAt: Date | null;
}

/** A conversation's wrapped data key; both null once retention destroyed it (ADR 031). */
interface WrappedKey {
  dek_wrapped: Buffer | null;
  kek_version: number | null;
}

function unwrapOrFail(keyring: Keyring, conversationId: string, wrapped: WrappedKey): Buffer {
  // Ciphertext without a key cannot happen: shredding removes both in one statement.
  if (!wrapped.dek_wrapped || wrapped.kek_version === null) {
    throw new ContentUnavailableError({ conversationId }, 'data key destroyed but ciphertext remains');
  }
  try {
    return unwrapDataKey(keyring, conversationId, wrapped.kek_version, wrapped.dek_wrapped);
  } catch (error) {
    throw new ContentUnavailableError({ conversationId }, `data key: ${(error as Error).message}`);
  }
}

async function wrappedKeyOf(db: Kysely<Database>, conversationId: string): Promise<WrappedKey> {
  const conversation = await db
    .selectFrom('conversation')
    .select(['dek_wrapped', 'kek_version'])
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) throw new ContentUnavailableError({ conversationId }, 'conversation not found');
  return conversation;
}

/**
 * Decrypts message bodies already fetched — by a read path that checked the right to them — under
 * their conversation's wrapped data key. `sealed` is nonce ‖ ciphertext ‖ tag
 * (`body_nonce || body_ciphertext`), null for a body retention destroyed; the bodies come back
 * in the rows' order, null where destroyed.
 */
export function openMessageBodies(
  keyring: Keyring,
  conversationId: string,
  wrappedKey: WrappedKey,
  rows: readonly { id: string; sealed: Buffer | null }[],
): (string | null)[] {
  if (!rows.some((row) => row.sealed)) return rows.map(() => null);
  const dek = unwrapOrFail(keyring, conversationId, wrappedKey);
  return rows.map((row) => {
    if (!row.sealed) return null;
    try {
      return openPacked(dek, row.sealed, aad.messageBody(conversationId, row.id)).toString('utf8');
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      throw new ContentUnavailableError({ conversationId, messageId: row.id }, error.message);
    }
  });
}

/** Decrypts exactly the given messages of one conversation (in `sent_at` order). */
export async function readMessages(
  db: Kysely<Database>,
  keyring: Keyring,
  conversationId: string,
  messageIds: readonly string[],
): Promise<DecryptedMessage[]> {
  if (messageIds.length === 0) return [];
  const wrapped = await wrappedKeyOf(db, conversationId);
  const rows = await db
    .selectFrom('message')
    .select([
      'id',
      'sender_id',
      'sent_at',
      'destroyed_at',
      sql<Buffer | null>`body_nonce || body_ciphertext`.as('sealed'),
    ])
    .where('conversation_id', '=', conversationId)
    .where('id', 'in', messageIds)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
  const bodies = openMessageBodies(keyring, conversationId, wrapped, rows);
  return rows.map((row, index) => ({
    id: row.id,
    senderId: row.sender_id,
    sentAt: row.sent_at,
    body: bodies[index] ?? null,
    destroyedAt: row.destroyed_at,
  }));
}

export interface ReporterText {
  /** null when retention destroyed it (then `destroyedAt` says when). */
  text: string | null;
  destroyedAt: Date | null;
}

/** Decrypts the reporter's own text of each given report (all of one conversation). */
export async function readReporterTexts(
  db: Kysely<Database>,
  keyring: Keyring,
  conversationId: string,
  reportIds: readonly string[],
): Promise<Map<string, ReporterText>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('report')
    .select(['id', 'reporter_text_nonce', 'reporter_text_ciphertext', 'reporter_text_destroyed_at'])
    .where('conversation_id', '=', conversationId)
    .where('id', 'in', reportIds)
    .execute();
  const destroyed = (at: Date | null): ReporterText => ({ text: null, destroyedAt: at });
  if (!rows.some((row) => row.reporter_text_ciphertext)) {
    return new Map(rows.map((row) => [row.id, destroyed(row.reporter_text_destroyed_at)]));
  }
  const dek = unwrapOrFail(keyring, conversationId, await wrappedKeyOf(db, conversationId));
  return new Map(
    rows.map((row): [string, ReporterText] => {
      if (!row.reporter_text_nonce || !row.reporter_text_ciphertext) {
        return [row.id, destroyed(row.reporter_text_destroyed_at)];
      }
      try {
        const text = open(dek, row.reporter_text_nonce, row.reporter_text_ciphertext, aad.reporterText(row.id));
        return [row.id, { text: text.toString('utf8'), destroyedAt: null }];
      } catch (error) {
        if (!(error instanceof DecryptionError)) throw error;
        throw new ContentUnavailableError({ conversationId, reportId: row.id }, error.message);
      }
    }),
  );
}
