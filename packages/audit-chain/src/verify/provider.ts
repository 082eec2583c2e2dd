/**
 * The cryptography a verifier needs, supplied by its host: node:crypto in the CLI and on the server,
 * Web Crypto in the browser. Results may be synchronous, which keeps the per-line path free of awaits.
 */
export interface Sha256Stream {
  update(chunk: Uint8Array): void;
  digest(): Uint8Array | Promise<Uint8Array>;
}

export interface CryptoProvider {
  sha256(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
  /** An incremental SHA-256, for files read in chunks. */
  createSha256(): Sha256Stream;
  /** Ed25519 (RFC 8032) with a raw 32-byte public key and a 64-byte signature. */
  verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean | Promise<boolean>;
  /** Zip's CRC-32 of `previous`'s bytes followed by `bytes` (no cryptography, but every byte passes through it). */
  crc32(bytes: Uint8Array, previous: number): number;
}
