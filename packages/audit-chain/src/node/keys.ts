/** Ed25519 keys as node:crypto KeyObjects, in the bundle's terms: raw public key, key id, signer. */
import { createHash, type KeyObject, sign } from 'node:crypto';
import type { BundleKey } from '../bundle/format';
import { toBase64 } from '../bytes';
import { keyIdFromDigest } from '../checkpoint';
import type { BundleSigner } from './writer';

export function rawEd25519PublicKey(publicKey: KeyObject): Uint8Array {
  const { x } = publicKey.export({ format: 'jwk' });
  if (publicKey.asymmetricKeyType !== 'ed25519' || !x) throw new TypeError('not an Ed25519 public key');
  return new Uint8Array(Buffer.from(x, 'base64url'));
}

export function ed25519KeyId(publicKey: KeyObject): string {
  return keyIdFromDigest(createHash('sha256').update(rawEd25519PublicKey(publicKey)).digest());
}

/** The keys.json entry for a public key. */
export function bundleKey(publicKey: KeyObject, createdAt: string, retiredAt: string | null = null): BundleKey {
  const raw = rawEd25519PublicKey(publicKey);
  return { keyId: ed25519KeyId(publicKey), algorithm: 'Ed25519', publicKey: toBase64(raw), createdAt, retiredAt };
}

export function ed25519Signer(privateKey: KeyObject, publicKey: KeyObject): BundleSigner {
  return { keyId: ed25519KeyId(publicKey), sign: (message) => sign(null, message, privateKey) };
}
