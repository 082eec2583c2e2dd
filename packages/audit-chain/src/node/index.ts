/** Node only (node:crypto, node:fs): the bundle writer, the Node crypto provider, file verification. */
import { open } from 'node:fs/promises';
import { type VerifyOptions, type VerifyResult, verifyBundle } from '../verify/verify';
import { nodeCryptoProvider } from './crypto';
import { openFileBytes } from './file';

export { ed25519PublicKey, nodeCryptoProvider } from './crypto';
export { type DisclosureFile, type WrittenDisclosure, writeDisclosure } from './disclosure';
export { type FileBytes, openFileBytes } from './file';
export { bundleKey, ed25519KeyId, ed25519Signer, rawEd25519PublicKey } from './keys';
export { type BundleInput, type BundleProgress, type BundleSigner, BundleWriteError, writeBundle } from './writer';

/** Verifies a bundle file, reading it by random access (never whole into memory). */
export async function verifyBundleFile(
  path: string,
  options: Omit<VerifyOptions, 'crypto'> & Partial<Pick<VerifyOptions, 'crypto'>> = {},
): Promise<VerifyResult> {
  const file = await openFileBytes(path);
  try {
    return await verifyBundle(file, { crypto: nodeCryptoProvider(), ...options });
  } finally {
    await file.close();
  }
}

/** Streams `stream` into a file, awaiting every write so memory stays flat. */
export async function writeToFile(stream: ReadableStream<Uint8Array>, path: string): Promise<void> {
  const file = await open(path, 'w');
  try {
    await stream.pipeTo(new WritableStream({ write: async (chunk) => void (await file.write(chunk)) }));
  } finally {
    await file.close();
  }
}
