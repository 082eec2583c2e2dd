/** A stored entry's bytes, read from the archive in chunks and checked against its size and CRC-32. */
import { type RandomAccessBytes, readRange, type ZipEntry, ZipError } from './read';

// Each chunk a fresh buffer: at 1 MiB they outlived a scavenge or two and piled up in the old
// generation until the next mark-compact (docket-verify peaked at 128 MB over a 716 MB bundle);
// at 512 KiB they die young (64 MB), at the same speed (ADR 052).
const CHUNK_BYTES = 512 * 1024;

/** An entry's bytes in chunks, checked against its size and CRC-32 once all are read. */
export async function* storedChunks(
  blob: RandomAccessBytes,
  entry: ZipEntry,
  crc32: (bytes: Uint8Array, previous: number) => number,
): AsyncGenerator<Uint8Array> {
  const end = entry.dataOffset + entry.size;
  let crc = 0;
  // One chunk read ahead, so reading overlaps with checking what was read.
  let next = end > entry.dataOffset ? readChunk(blob, entry.dataOffset, end) : undefined;
  for (let at = entry.dataOffset; next; ) {
    const chunk = await next;
    at += chunk.length;
    next = at < end && chunk.length > 0 ? readChunk(blob, at, end) : undefined;
    crc = crc32(chunk, crc);
    yield chunk;
    if (!next && at !== end) throw new ZipError(`ends after ${at - entry.dataOffset} of its ${entry.size} bytes`);
  }
  if (crc !== entry.crc32) throw new ZipError('does not match its CRC-32 in the zip directory');
}

function readChunk(blob: RandomAccessBytes, at: number, end: number): Promise<Uint8Array> {
  const read = readRange(blob, at, Math.min(at + CHUNK_BYTES, end));
  read.catch(() => {}); // left unread when the reader stops early
  return read;
}
