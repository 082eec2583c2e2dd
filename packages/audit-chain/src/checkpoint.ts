/**
 * Signed checkpoints: Ed25519 over the canonical checkpoint statement. Key ids are fingerprints
 * of the raw public key, so a verifier can tell a key from its id without trusting anyone.
 */
import { toHex, utf8 } from './bytes';
import { canonicalJson } from './canonical';

export const CHECKPOINT_FORMAT = 'docket.audit.checkpoint.v1';

export interface CheckpointStatement {
  /** The last sequence number the head covers. */
  seq: number;
  /** chain(seq), lowercase hex. */
  head: string;
  /** When it was issued (UTC ISO 8601, milliseconds). */
  issuedAt: string;
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointStatement {
  /** Ed25519 signature over `checkpointMessage(statement)`, base64. */
  signature: string;
}

/** The exact bytes a checkpoint signature covers. */
export function checkpointMessage(statement: CheckpointStatement): Uint8Array {
  const { seq, head, issuedAt, keyId } = statement;
  return utf8(canonicalJson({ format: CHECKPOINT_FORMAT, seq, head, issuedAt, keyId }));
}

/** `ed25519:` + the first 16 bytes of SHA-256(raw 32-byte public key), hex; `sha256` is the caller's. */
export function keyIdFromDigest(publicKeyDigest: Uint8Array): string {
  return `ed25519:${toHex(publicKeyDigest.subarray(0, 16))}`;
}
