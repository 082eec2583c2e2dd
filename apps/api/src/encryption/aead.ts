/** AES-256-GCM with associated data: the one primitive every encrypted value in Docket uses. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

// Nonces are cut from a pooled block of CSPRNG output: one getrandom call per 4,096 nonces
// instead of one per message. Each nonce is used once; the pool is never reused.
const NONCES_PER_BLOCK = 4096;
let nonceBlock = Buffer.alloc(0);
let nonceOffset = 0;

function freshNonce(): Buffer {
  if (nonceOffset + NONCE_BYTES > nonceBlock.length) {
    nonceBlock = randomBytes(NONCE_BYTES * NONCES_PER_BLOCK);
    nonceOffset = 0;
  }
  const nonce = Buffer.from(nonceBlock.subarray(nonceOffset, nonceOffset + NONCE_BYTES));
  nonceOffset += NONCE_BYTES;
  return nonce;
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): { nonce: Buffer; ciphertext: Buffer } {
  const nonce = freshNonce();
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce, ciphertext };
}

/** Throws DecryptionError when the ciphertext, nonce, key or associated data do not match. */
export function open(key: Buffer, nonce: Buffer, ciphertext: Buffer, aad: string): Buffer {
  if (nonce.length !== NONCE_BYTES || ciphertext.length < TAG_BYTES) {
    throw new DecryptionError('ciphertext is truncated');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(ciphertext.subarray(ciphertext.length - TAG_BYTES));
    return Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError('ciphertext failed authentication (corrupted, or bound to other ids)');
  }
}

/** nonce ‖ ciphertext ‖ tag in one buffer, for values stored in a single column. */
export function sealPacked(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const { nonce, ciphertext } = seal(key, plaintext, aad);
  return Buffer.concat([nonce, ciphertext]);
}

export function openPacked(key: Buffer, packed: Buffer, aad: string): Buffer {
  return open(key, packed.subarray(0, NONCE_BYTES), packed.subarray(NONCE_BYTES), aad);
}
