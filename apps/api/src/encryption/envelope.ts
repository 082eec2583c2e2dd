/**
 * Envelope encryption for stored content: each conversation has its own random 256-bit data
 * key (DEK), wrapped by the keyring's current KEK. Every ciphertext is bound to the ids it
 * belongs to, so a body copied onto another message or report fails to decrypt.
 */
import { randomBytes } from 'node:crypto';
import { seal } from './aead';
import type { Keyring } from './keyring';

export const aad = {
  dataKey: (conversationId: string) => `docket:dek:v1:${conversationId}`,
  messageBody: (conversationId: string, messageId: string) => `docket:message:v1:${conversationId}:${messageId}`,
  reporterText: (reportId: string) => `docket:report-text:v1:${reportId}`,
  serviceSecret: (serviceAccountId: string) => `docket:service-secret:v1:${serviceAccountId}`,
  webhookSecret: (endpointId: string) => `docket:webhook-secret:v1:${endpointId}`,
};

export interface WrappedDataKey {
  dek: Buffer;
  wrapped: Buffer;
  kekVersion: number;
}

export function newDataKey(keyring: Keyring, conversationId: string): WrappedDataKey {
  const dek = randomBytes(32);
  const { version, sealed } = keyring.wrap(dek, aad.dataKey(conversationId));
  return { dek, wrapped: sealed, kekVersion: version };
}

export function unwrapDataKey(keyring: Keyring, conversationId: string, kekVersion: number, wrapped: Buffer): Buffer {
  return keyring.unwrap(kekVersion, wrapped, aad.dataKey(conversationId));
}

export function encryptMessageBody(dek: Buffer, conversationId: string, messageId: string, body: string) {
  return seal(dek, Buffer.from(body, 'utf8'), aad.messageBody(conversationId, messageId));
}

export function encryptReporterText(dek: Buffer, reportId: string, text: string) {
  return seal(dek, Buffer.from(text, 'utf8'), aad.reporterText(reportId));
}
