/**
 * The browser's provider: Web Crypto for Ed25519 and one-shot digests. Web Crypto cannot hash a stream,
 * so files are hashed incrementally with @noble/hashes (audited, pure JS, no globals).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { crc32 } from '../zip/crc32';
import type { CryptoProvider } from './provider';

// Typed from the global, so this compiles both with the DOM library and with Node's types alone.
type Subtle = typeof globalThis.crypto.subtle;
type Key = Awaited<ReturnType<Subtle['importKey']>>;

export function webCryptoProvider(subtle: Subtle | undefined = globalThis.crypto?.subtle): CryptoProvider {
  if (!subtle) throw new Error('Web Crypto is unavailable: the page must be served over HTTPS (or from localhost)');
  const keys = new Map<string, Promise<Key>>();
  const importKey = (raw: Uint8Array) => {
    const id = Array.from(raw, (byte) => byte.toString(16).padStart(2, '0')).join('');
    let key = keys.get(id);
    if (!key) {
      key = subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
      keys.set(id, key);
    }
    return key;
  };
  return {
    sha256: (data) => sha256(data),
    createSha256: () => sha256.create(),
    crc32,
    async verifyEd25519(publicKey, message, signature) {
      const key = await importKey(publicKey);
      return subtle.verify(
        { name: 'Ed25519' },
        key,
        signature as Uint8Array<ArrayBuffer>,
        message as Uint8Array<ArrayBuffer>,
      );
    },
  };
}
