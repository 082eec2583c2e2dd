/** Comparing a file with its manifest entry, and hashing the entries the chain does not cover. */

import type { BundleManifest, ManifestFileEntry } from '../bundle/format';
import { toHex } from '../bytes';
import { VerificationFailure } from './failure';
import type { CryptoProvider } from './provider';

export function manifestEntry(manifest: BundleManifest, name: string): ManifestFileEntry | undefined {
  return manifest.files.find((file) => file.name === name);
}

export function assertMatchesManifest(manifest: BundleManifest, name: string, bytes: number, sha256: Uint8Array): void {
  const entry = manifestEntry(manifest, name);
  if (!entry) return;
  if (bytes !== entry.bytes) {
    throw new VerificationFailure(
      name,
      `is ${bytes} bytes but the manifest says ${entry.bytes} (changed after export?)`,
    );
  }
  if (toHex(sha256) !== entry.sha256) {
    throw new VerificationFailure(name, 'does not match its SHA-256 in the manifest (changed after export?)');
  }
}

const LF = 0x0a;
const QUOTE = 0x22;

/** Counts records: LF-terminated lines, or with `quoted`, CSV records whose quoted fields may hold newlines. */
export function recordCounter(quoted: boolean) {
  let records = 0;
  let inQuotes = false;
  return {
    update(chunk: Uint8Array) {
      if (!quoted) {
        for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) records++;
        return;
      }
      for (const byte of chunk) {
        if (byte === QUOTE) inQuotes = !inQuotes;
        else if (byte === LF && !inQuotes) records++;
      }
    },
    get records() {
      return records;
    },
  };
}

export async function digestChunks(
  chunks: AsyncIterable<Uint8Array>,
  provider: CryptoProvider,
  onChunk?: (chunk: Uint8Array, bytes: number) => void,
): Promise<{ bytes: number; sha256: Uint8Array }> {
  const hash = provider.createSha256();
  let bytes = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    bytes += chunk.length;
    onChunk?.(chunk, bytes);
  }
  return { bytes, sha256: await hash.digest() };
}
