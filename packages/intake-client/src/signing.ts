/**
 * Docket's request-signing scheme for platform service accounts (documented in the README).
 *
 *   string to sign = "DOCKET-HMAC-SHA256-V1" \n METHOD \n path-with-query \n unix-seconds \n hex(sha256(body))
 *   X-Docket-Signature: v1=hex(hmac_sha256(secret, string to sign))
 *
 * The server and every client share this one definition.
 */
import { createHash, createHmac } from 'node:crypto';

export const SIGNATURE_VERSION = 'DOCKET-HMAC-SHA256-V1';
export const HEADER_KEY_ID = 'x-docket-key-id';
export const HEADER_TIMESTAMP = 'x-docket-timestamp';
export const HEADER_SIGNATURE = 'x-docket-signature';

export interface SignableRequest {
  method: string;
  /** Path and query exactly as sent, e.g. `/api/intake/reports`. */
  path: string;
  /** Unix time in seconds. */
  timestamp: number;
  body: string | Uint8Array;
}

export function stringToSign(request: SignableRequest): string {
  const bodyDigest = createHash('sha256').update(request.body).digest('hex');
  return [SIGNATURE_VERSION, request.method.toUpperCase(), request.path, String(request.timestamp), bodyDigest].join(
    '\n',
  );
}

export function signature(secret: string, request: SignableRequest): string {
  return `v1=${createHmac('sha256', secret).update(stringToSign(request)).digest('hex')}`;
}

/** The three headers a signed request carries. */
export function signRequest(keyId: string, secret: string, request: SignableRequest): Record<string, string> {
  return {
    [HEADER_KEY_ID]: keyId,
    [HEADER_TIMESTAMP]: String(request.timestamp),
    [HEADER_SIGNATURE]: signature(secret, request),
  };
}
