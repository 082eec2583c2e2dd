/**
 * The order document an authority sent, stored only encrypted: its own random data key, wrapped by
 * the keyring's KEK as conversation keys are (ADR 008), both bound to the request's id.
 */
import { createHash, randomBytes } from 'node:crypto';
import { openPacked, sealPacked } from '../encryption/aead';
import type { Keyring } from '../encryption/keyring';

const aad = {
  dataKey: (requestId: string) => `docket:legal-document-key:v1:${requestId}`,
  document: (requestId: string) => `docket:legal-document:v1:${requestId}`,
};

export function sealOrderDocument(keyring: Keyring, requestId: string, data: Buffer) {
  const dek = randomBytes(32);
  const { version, sealed: wrapped } = keyring.wrap(dek, aad.dataKey(requestId));
  return {
    document_dek_wrapped: wrapped,
    document_kek_version: version,
    document_sealed: sealPacked(dek, data, aad.document(requestId)),
    document_sha256: createHash('sha256').update(data).digest('hex'),
    document_bytes: data.byteLength,
  };
}

export function openOrderDocument(
  keyring: Keyring,
  requestId: string,
  stored: { document_dek_wrapped: Buffer; document_kek_version: number; document_sealed: Buffer },
): Buffer {
  const dek = keyring.unwrap(stored.document_kek_version, stored.document_dek_wrapped, aad.dataKey(requestId));
  return openPacked(dek, stored.document_sealed, aad.document(requestId));
}
