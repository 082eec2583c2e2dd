/**
 * Random-access reading of a bundle's zip entries from a Blob (Node: fs.openAsBlob, browser: File):
 * nothing is read until asked for, and each entry streams in chunks.
 */
import { BlobReader, type Entry, type FileEntry, ZipReader } from '@zip.js/zip.js/lib/zip-core-custom.js';
import { concatBytes } from '../bytes';
import { VerificationFailure } from './failure';

const ZIP_OPTIONS = {
  // Refuse anything another tool could read differently: duplicate names, data around the archive,
  // local headers that disagree with the central directory.
  strictness: 'strict',
  useWebWorkers: false,
} as const;

const READ_AHEAD = new CountQueuingStrategy({ highWaterMark: 4 });
const STORED = 0;
const DEFLATED = 8;

export interface BundleArchive {
  readonly names: readonly string[];
  /** The entry's uncompressed size as the zip directory states it. */
  size(name: string): number;
  /** The entry's content in chunks; stop early by leaving the loop. */
  chunks(name: string): AsyncGenerator<Uint8Array>;
  /** A small entry whole, refusing one larger than `limit` bytes. */
  read(name: string, limit: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function openBundle(blob: Blob): Promise<BundleArchive> {
  const reader = new ZipReader(new BlobReader(blob), ZIP_OPTIONS);
  let entries: Entry[];
  try {
    entries = await reader.getEntries();
  } catch (error) {
    throw new VerificationFailure('bundle', `not a readable zip file (${errorText(error)})`);
  }
  const files = new Map<string, FileEntry>();
  for (const entry of entries) {
    if (entry.directory) throw new VerificationFailure('bundle', `unexpected folder "${entry.filename}"`);
    if (entry.encrypted) throw new VerificationFailure('bundle', `${entry.filename} is encrypted`);
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
      throw new VerificationFailure(
        'bundle',
        `${entry.filename} uses unsupported compression ${entry.compressionMethod}`,
      );
    }
    if (files.has(entry.filename)) throw new VerificationFailure('bundle', `${entry.filename} appears twice`);
    files.set(entry.filename, entry);
  }
  const entry = (name: string): FileEntry => {
    const found = files.get(name);
    if (!found) throw new VerificationFailure('bundle', `${name} is missing`);
    return found;
  };

  async function* chunks(name: string): AsyncGenerator<Uint8Array> {
    // A few chunks of read-ahead, so reading the file overlaps with checking what was read.
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(undefined, READ_AHEAD, READ_AHEAD);
    const done = entry(name).getData(writable, ZIP_OPTIONS);
    const stream = readable.getReader();
    let finished = false;
    try {
      for (;;) {
        const { value, done: ended } = await stream.read();
        if (ended) break;
        yield value;
      }
      finished = true;
    } catch (error) {
      throw new VerificationFailure(name, `cannot be read (${errorText(error)})`);
    } finally {
      if (!finished) await stream.cancel().catch(() => {});
      await done.catch((error: unknown) => {
        if (finished) throw new VerificationFailure(name, `cannot be read (${errorText(error)})`);
      });
    }
  }

  return {
    names: [...files.keys()],
    size: (name) => entry(name).uncompressedSize,
    chunks,
    async read(name, limit) {
      if (entry(name).uncompressedSize > limit) {
        throw new VerificationFailure(name, `is larger than ${limit.toLocaleString('en-US')} bytes`);
      }
      const parts: Uint8Array[] = [];
      let length = 0;
      for await (const chunk of chunks(name)) {
        length += chunk.length;
        if (length > limit)
          throw new VerificationFailure(name, `is larger than ${limit.toLocaleString('en-US')} bytes`);
        parts.push(chunk);
      }
      return concatBytes(...parts);
    },
    close: () => reader.close(),
  };
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
