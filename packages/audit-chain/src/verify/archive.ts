/**
 * Random-access reading of a bundle's zip entries from a file (browser: a File; Node: openFileBytes):
 * the zip's structure is checked whole first (../zip/read.ts), then each entry streams in chunks
 * and is checked against its CRC-32 as it is read.
 */
import { concatBytes } from '../bytes';
import { storedChunks } from '../zip/data';
import { type RandomAccessBytes, readZipDirectory, type ZipEntry, ZipError } from '../zip/read';
import { VerificationFailure } from './failure';
import type { CryptoProvider } from './provider';

export interface BundleArchive {
  readonly names: readonly string[];
  /** The entry's size as the zip directory states it. */
  size(name: string): number;
  /** The entry's content in chunks; stop early by leaving the loop. */
  chunks(name: string): AsyncGenerator<Uint8Array>;
  /** A small entry whole, refusing one larger than `limit` bytes. */
  read(name: string, limit: number): Promise<Uint8Array>;
}

export async function openBundle(blob: RandomAccessBytes, provider: CryptoProvider): Promise<BundleArchive> {
  let entries: ZipEntry[];
  try {
    entries = await readZipDirectory(blob);
  } catch (error) {
    if (error instanceof ZipError) throw new VerificationFailure('bundle', `not one unambiguous zip: ${error.message}`);
    throw new VerificationFailure('bundle', `not a readable file (${errorText(error)})`);
  }
  const files = new Map(entries.map((entry) => [entry.name, entry]));
  const entry = (name: string): ZipEntry => {
    const found = files.get(name);
    if (!found) throw new VerificationFailure('bundle', `${name} is missing`);
    return found;
  };

  async function* chunks(name: string): AsyncGenerator<Uint8Array> {
    try {
      yield* storedChunks(blob, entry(name), provider.crc32);
    } catch (error) {
      if (error instanceof VerificationFailure) throw error;
      if (error instanceof ZipError) throw new VerificationFailure(name, error.message);
      throw new VerificationFailure(name, `cannot be read (${errorText(error)})`);
    }
  }

  return {
    names: [...files.keys()],
    size: (name) => entry(name).size,
    chunks,
    async read(name, limit) {
      if (entry(name).size > limit) {
        throw new VerificationFailure(name, `is larger than ${limit.toLocaleString('en-US')} bytes`);
      }
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks(name)) parts.push(chunk);
      return concatBytes(...parts);
    },
  };
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
