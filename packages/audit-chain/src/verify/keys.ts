/**
 * The keys a bundle may be signed by: those in its keys.json, each checked against its fingerprint,
 * narrowed to the trusted ones when the caller pins keys (key ids or a published keys file).
 */

import type { BundleKey, KeysDocument } from '../bundle/format';
import { keyValidAt } from '../bundle/parse';
import { fromBase64 } from '../bytes';
import { keyIdFromDigest } from '../checkpoint';
import { VerificationFailure } from './failure';
import type { CryptoProvider } from './provider';

export interface Trust {
  /** Key ids the caller trusts, e.g. from `--key-id`. */
  keyIds?: readonly string[];
  /** A keys file the operator published, e.g. from `--keys`. */
  keys?: KeysDocument;
}

export interface SigningKey {
  entry: BundleKey;
  raw: Uint8Array;
}

export class KeyRing {
  private constructor(
    private readonly own: Map<string, SigningKey>,
    private readonly published: Map<string, SigningKey>,
    readonly pinned: ReadonlySet<string> | null,
  ) {}

  static async build(bundle: KeysDocument, provider: CryptoProvider, trust: Trust): Promise<KeyRing> {
    const published = trust.keys ? await fingerprinted(trust.keys, provider, 'trusted keys') : new Map();
    const pinned = trust.keyIds?.length || trust.keys ? new Set([...(trust.keyIds ?? []), ...published.keys()]) : null;
    const own = new Map<string, SigningKey>();
    for (const entry of bundle.keys) own.set(entry.keyId, { entry, raw: decodePublicKey(entry, 'keys.json') });
    return new KeyRing(own, published, pinned);
  }

  /** Checks every key of keys.json against its fingerprint. */
  async checkFingerprints(provider: CryptoProvider): Promise<void> {
    for (const key of this.own.values()) await checkFingerprint(key, provider, 'keys.json');
  }

  /** The key `keyId` if it may sign for this bundle; `what` names the signed thing in the reason. */
  async signer(keyId: string, what: string, file: string, provider: CryptoProvider, seq?: number): Promise<SigningKey> {
    const key = this.own.get(keyId);
    if (!key) throw new VerificationFailure(file, `${what} is signed by ${keyId}, which keys.json does not list`, seq);
    if (this.pinned && !this.pinned.has(keyId)) {
      throw new VerificationFailure(file, `${what} is signed by ${keyId}, which is not a trusted key`, seq);
    }
    await checkFingerprint(key, provider, 'keys.json');
    // A published entry is the authority on a trusted key's validity (it may since have been retired).
    return this.published.get(keyId) ?? key;
  }
}

/** Fails unless `millis` lies within the key's validity (created ≤ t ≤ retired). */
export function assertKeyValidAt(key: SigningKey, millis: number, what: string, file: string, seq?: number): void {
  if (keyValidAt(key.entry, millis)) return;
  const { keyId, createdAt, retiredAt } = key.entry;
  const validity = retiredAt ? `from ${createdAt} to ${retiredAt}` : `from ${createdAt}`;
  throw new VerificationFailure(file, `${what} is dated outside the validity of ${keyId} (${validity})`, seq);
}

function decodePublicKey(entry: BundleKey, file: string): Uint8Array {
  let raw: Uint8Array;
  try {
    raw = fromBase64(entry.publicKey);
  } catch {
    throw new VerificationFailure(file, `key ${entry.keyId}: publicKey is not canonical base64`);
  }
  if (raw.length !== 32) throw new VerificationFailure(file, `key ${entry.keyId}: publicKey is not 32 bytes`);
  return raw;
}

async function checkFingerprint(key: SigningKey, provider: CryptoProvider, file: string): Promise<void> {
  const actual = keyIdFromDigest(await provider.sha256(key.raw));
  if (actual !== key.entry.keyId) {
    throw new VerificationFailure(file, `key ${key.entry.keyId} does not match its public key (whose id is ${actual})`);
  }
}

async function fingerprinted(document: KeysDocument, provider: CryptoProvider, file: string) {
  const keys = new Map<string, SigningKey>();
  for (const entry of document.keys) {
    const key = { entry, raw: decodePublicKey(entry, file) };
    await checkFingerprint(key, provider, file);
    keys.set(entry.keyId, key);
  }
  return keys;
}

/** Verifies an Ed25519 signature given as base64; false for a malformed one. */
export async function signatureValid(
  provider: CryptoProvider,
  key: SigningKey,
  message: Uint8Array,
  signature: string,
): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(signature);
  } catch {
    return false;
  }
  return bytes.length === 64 && (await provider.verifyEd25519(key.raw, message, bytes));
}
