/** Node only (node:crypto, node:fs): the bundle writer, the Node crypto provider, file verification. */
import { openAsBlob } from 'node:fs';
import { type VerifyOptions, type VerifyResult, verifyBundle } from '../verify/verify';
import { nodeCryptoProvider } from './crypto';

export { ed25519PublicKey, nodeCryptoProvider } from './crypto';
export { bundleKey, ed25519KeyId, ed25519Signer, rawEd25519PublicKey } from './keys';
export { type BundleInput, type BundleProgress, type BundleSigner, BundleWriteError, writeBundle } from './writer';

/** Verifies a bundle file, reading it by random access (never whole into memory). */
export async function verifyBundleFile(
  path: string,
  options: Omit<VerifyOptions, 'crypto'> & Partial<Pick<VerifyOptions, 'crypto'>> = {},
): Promise<VerifyResult> {
  const blob = await openAsBlob(path);
  return verifyBundle(blob, { crypto: nodeCryptoProvider(), ...options });
}
