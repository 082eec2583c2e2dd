/**
 * A strict reader of a bundle's zip structure: the archive must be exactly one zip that every tool
 * reads the same way, whether it starts from the central directory (most tools, this verifier) or
 * walks local headers from the first byte (streaming unzippers). So the entries lie back to back
 * from offset 0 in directory order, each local header and data descriptor agrees with its directory
 * record, the directory follows the last entry, and the end record closes the file, with no comment.
 * Only stored entries are accepted; their bytes stream from `storedChunks` (./data.ts).
 */
import { equalBytes } from '../bytes';
import {
  CENTRAL_HEADER,
  CENTRAL_HEADER_BYTES,
  DATA_DESCRIPTOR,
  END_BYTES,
  END_OF_CENTRAL_DIRECTORY,
  FLAG_DATA_DESCRIPTOR,
  FLAG_ENCRYPTED,
  FLAG_MASKED_HEADERS,
  FLAG_STRONG_ENCRYPTION,
  LOCAL_HEADER,
  LOCAL_HEADER_BYTES,
  MAX_16,
  MAX_32,
  STORED,
  UNICODE_PATH_EXTRA,
  ZIP64_END,
  ZIP64_END_BYTES,
  ZIP64_EXTRA,
  ZIP64_LOCATOR,
  ZIP64_LOCATOR_BYTES,
} from './structure';

/**
 * What the reader needs of a file: its size and its bytes by range. A Blob has both (a browser File,
 * Node's openAsBlob); Node's verifier reads files faster through `openFileBytes` (../node/file.ts).
 */
export interface RandomAccessBytes {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer>; bytes?(): Promise<Uint8Array> };
}

/** `file[start, end)`; as `bytes()` gives it when there is one (Node's reader: a Buffer, whose indexOf is memchr). */
export async function readRange(file: RandomAccessBytes, start: number, end: number): Promise<Uint8Array> {
  const part = file.slice(start, end);
  return part.bytes ? part.bytes() : new Uint8Array(await part.arrayBuffer());
}

export interface ZipEntry {
  readonly name: string;
  readonly crc32: number;
  /** Its size, stored and uncompressed alike. */
  readonly size: number;
  /** Where its bytes start in the archive. */
  readonly dataOffset: number;
}

/** What makes an archive other than one unambiguous zip; the message names the place. */
export class ZipError extends Error {}

/** Bundles hold at most six entries; a bigger directory is not one. */
const MAX_DIRECTORY_BYTES = 64 * 1024;
const FLAG_UTF8 = 0x0800;
const KNOWN_FLAGS = FLAG_DATA_DESCRIPTOR | FLAG_UTF8;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

interface DirectoryRecord {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  crc32: number;
  size: number;
  localOffset: number;
}

export async function readZipDirectory(blob: RandomAccessBytes): Promise<ZipEntry[]> {
  const end = await readEnd(blob);
  const records = parseDirectory(await readAt(blob, end.directoryOffset, end.directoryBytes), end.entries);
  const entries = new Map<string, ZipEntry>();
  let position = 0;
  for (const record of records) {
    const { name, crc32, size } = record;
    if (entries.has(name)) throw new ZipError(`two entries are named ${quote(name)}`);
    if (record.localOffset !== position) throw new ZipError(misplaced(record, position));
    const local = await checkLocalEntry(blob, record);
    entries.set(name, { name, crc32, size, dataOffset: local.dataOffset });
    position = local.end;
  }
  if (position !== end.directoryOffset) {
    throw new ZipError(
      position < end.directoryOffset
        ? `${end.directoryOffset - position} bytes lie between the last entry and the central directory (a hidden entry?)`
        : 'the last entry runs into the central directory',
    );
  }
  return [...entries.values()];
}

function misplaced(record: DirectoryRecord, position: number): string {
  const { localOffset, name } = record;
  if (localOffset < position) return `the entry ${quote(name)} overlaps the one before it, or is out of order`;
  const gap = localOffset - position;
  return position === 0
    ? `${gap} bytes lie before the first entry (data before the archive?)`
    : `${gap} bytes lie before the entry ${quote(name)} (a hidden entry?)`;
}

interface End {
  entries: number;
  directoryOffset: number;
  directoryBytes: number;
}

/** The end record must be the file's last 22 bytes (so no comment), with a zip64 end just before it if any. */
async function readEnd(blob: RandomAccessBytes): Promise<End> {
  if (blob.size < END_BYTES) throw new ZipError('not a zip file (too short)');
  const endOffset = blob.size - END_BYTES;
  const end = view(await readAt(blob, endOffset, END_BYTES));
  if (end.getUint32(0, true) !== END_OF_CENTRAL_DIRECTORY) {
    throw new ZipError('does not end with a zip end record (not a zip, a zip comment, or data after the archive)');
  }
  if (end.getUint16(20, true) !== 0) throw new ZipError('the zip end record announces a comment');
  const disks = [end.getUint16(4, true), end.getUint16(6, true)];
  const stated = {
    entriesHere: end.getUint16(8, true),
    entries: end.getUint16(10, true),
    directoryBytes: end.getUint32(12, true),
    directoryOffset: end.getUint32(16, true),
  };

  let directoryEnd = endOffset;
  let found = stated;
  const locatorOffset = endOffset - ZIP64_LOCATOR_BYTES;
  const zip64 = locatorOffset >= 0 && view(await readAt(blob, locatorOffset, 4)).getUint32(0, true) === ZIP64_LOCATOR;
  // Disk numbers are 0, or full (0xFFFF) when the zip64 end record holds them.
  if (disks.some((disk) => disk !== 0 && !(zip64 && disk === MAX_16))) throw new ZipError('a zip split across disks');
  if (zip64) {
    directoryEnd = locatorOffset - ZIP64_END_BYTES;
    found = await readZip64End(blob, locatorOffset, directoryEnd);
    for (const [field, sentinel] of [
      ['entriesHere', MAX_16],
      ['entries', MAX_16],
      ['directoryBytes', MAX_32],
      ['directoryOffset', MAX_32],
    ] as const) {
      if (stated[field] !== sentinel && stated[field] !== found[field]) {
        throw new ZipError('the zip end record and the zip64 end record disagree');
      }
    }
  }
  if (found.entriesHere !== found.entries) throw new ZipError('a zip split across disks');
  if (found.directoryBytes > MAX_DIRECTORY_BYTES) throw new ZipError('the central directory is too large for a bundle');
  if (found.directoryOffset + found.directoryBytes !== directoryEnd) {
    throw new ZipError(
      'the central directory does not end where the end record begins (data before or inside the archive?)',
    );
  }
  return found;
}

async function readZip64End(blob: RandomAccessBytes, locatorOffset: number, recordOffset: number) {
  const locator = view(await readAt(blob, locatorOffset, ZIP64_LOCATOR_BYTES));
  if (locator.getUint32(4, true) !== 0 || locator.getUint32(16, true) !== 1) {
    throw new ZipError('a zip split across disks');
  }
  if (recordOffset < 0 || uint64(locator, 8) !== recordOffset) {
    throw new ZipError('the zip64 end record is not just before its locator');
  }
  const record = view(await readAt(blob, recordOffset, ZIP64_END_BYTES));
  if (record.getUint32(0, true) !== ZIP64_END || uint64(record, 4) !== ZIP64_END_BYTES - 12) {
    throw new ZipError('the zip64 end record is malformed');
  }
  if (record.getUint32(16, true) !== 0 || record.getUint32(20, true) !== 0)
    throw new ZipError('a zip split across disks');
  return {
    entriesHere: uint64(record, 24),
    entries: uint64(record, 32),
    directoryBytes: uint64(record, 40),
    directoryOffset: uint64(record, 48),
  };
}

function parseDirectory(bytes: Uint8Array, entries: number): DirectoryRecord[] {
  const data = view(bytes);
  const records: DirectoryRecord[] = [];
  let at = 0;
  for (let index = 0; index < entries; index++) {
    if (at + CENTRAL_HEADER_BYTES > bytes.length || data.getUint32(at, true) !== CENTRAL_HEADER) {
      throw new ZipError(`the central directory's record ${index + 1} is malformed`);
    }
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const next = at + CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength;
    if (next > bytes.length) throw new ZipError(`the central directory's record ${index + 1} is malformed`);
    const nameBytes = bytes.slice(at + CENTRAL_HEADER_BYTES, at + CENTRAL_HEADER_BYTES + nameLength);
    const flags = data.getUint16(at + 8, true);
    const name = entryName(nameBytes, flags);
    const extras = extraFields(bytes.subarray(at + CENTRAL_HEADER_BYTES + nameLength, next - commentLength), name);
    // A zip64 extra field holds, in this order, exactly the values whose 16- or 32-bit field is full.
    const zip64 = zip64Values(extras.get(ZIP64_EXTRA), name);
    const wide = (value: number) => (value === MAX_32 ? zip64.next() : value);
    const usize = wide(data.getUint32(at + 24, true));
    const csize = wide(data.getUint32(at + 20, true));
    const localOffset = wide(data.getUint32(at + 42, true));
    const disk = data.getUint16(at + 34, true) === MAX_16 ? zip64.next(4) : data.getUint16(at + 34, true);
    zip64.end();
    if (disk !== 0) throw new ZipError('a zip split across disks');
    checkEntryKind(name, flags, data.getUint16(at + 10, true));
    if (csize !== usize) throw new ZipError(`the entry ${quote(name)} is stored, yet its two sizes differ`);
    records.push({ name, nameBytes, flags, crc32: data.getUint32(at + 16, true), size: usize, localOffset });
    at = next;
  }
  if (at !== bytes.length) throw new ZipError('the central directory holds more than its records');
  return records;
}

function checkEntryKind(name: string, flags: number, method: number): void {
  if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_MASKED_HEADERS)) {
    throw new ZipError(`the entry ${quote(name)} is encrypted`);
  }
  if (flags & ~KNOWN_FLAGS) throw new ZipError(`the entry ${quote(name)} has zip flags this verifier does not read`);
  if (name.endsWith('/')) throw new ZipError(`unexpected folder ${quote(name)}`);
  if (method !== STORED) {
    throw new ZipError(`the entry ${quote(name)} is compressed (method ${method}); bundle entries are stored`);
  }
}

function entryName(bytes: Uint8Array, flags: number): string {
  let name: string;
  try {
    name = utf8.decode(bytes);
  } catch {
    throw new ZipError('an entry name is not UTF-8');
  }
  // Without the UTF-8 flag a name is CP437 to some tools: only ASCII reads the same everywhere.
  if (!(flags & FLAG_UTF8) && bytes.some((byte) => byte >= 0x80)) {
    throw new ZipError(`the entry name ${quote(name)} is not ASCII and not marked UTF-8`);
  }
  return name;
}

/** The extra fields by id; they must fill the extra area exactly, each id once. */
function extraFields(bytes: Uint8Array, name: string): Map<number, Uint8Array> {
  const data = view(bytes);
  const fields = new Map<number, Uint8Array>();
  let at = 0;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) throw new ZipError(`the entry ${quote(name)} has malformed extra fields`);
    const id = data.getUint16(at, true);
    const length = data.getUint16(at + 2, true);
    if (at + 4 + length > bytes.length || fields.has(id)) {
      throw new ZipError(`the entry ${quote(name)} has malformed extra fields`);
    }
    fields.set(id, bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  if (fields.has(UNICODE_PATH_EXTRA)) throw new ZipError(`the entry ${quote(name)} carries a second name`);
  return fields;
}

function zip64Values(field: Uint8Array | undefined, name: string) {
  const data = field ? view(field) : undefined;
  let at = 0;
  const malformed = () => new ZipError(`the entry ${quote(name)} has a malformed zip64 extra field`);
  return {
    next(bytes: 4 | 8 = 8): number {
      if (!data || at + bytes > data.byteLength) throw malformed();
      const value = bytes === 8 ? uint64(data, at) : data.getUint32(at, true);
      at += bytes;
      return value;
    },
    end(): void {
      if (data && at !== data.byteLength) throw malformed();
    },
  };
}

/** Checks the local header, and the data descriptor if any, against the record: where its data starts, where it ends. */
async function checkLocalEntry(
  blob: RandomAccessBytes,
  record: DirectoryRecord,
): Promise<{ dataOffset: number; end: number }> {
  const { name, localOffset } = record;
  const header = view(await readAt(blob, localOffset, LOCAL_HEADER_BYTES, name));
  if (header.getUint32(0, true) !== LOCAL_HEADER) {
    throw new ZipError(`no local header where the central directory places ${quote(name)}`);
  }
  const disagrees = (what: string) =>
    new ZipError(`the local header of ${quote(name)} disagrees with the central directory (${what})`);
  const flags = header.getUint16(6, true);
  if (flags !== record.flags) throw disagrees('flags');
  if (header.getUint16(8, true) !== STORED) throw disagrees('compression');
  const nameLength = header.getUint16(26, true);
  const extraLength = header.getUint16(28, true);
  const variable = await readAt(blob, localOffset + LOCAL_HEADER_BYTES, nameLength + extraLength, name);
  if (!equalBytes(variable.subarray(0, nameLength), record.nameBytes)) throw disagrees('name');
  const extras = extraFields(variable.subarray(nameLength), name);

  // With a data descriptor, the header's CRC and sizes may be left 0 (written before the data was).
  const streamed = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
  const agrees = (stated: number, actual: number) => stated === actual || (streamed && stated === 0);
  if (!agrees(header.getUint32(14, true), record.crc32)) throw disagrees('CRC-32');
  const zip64 = extras.get(ZIP64_EXTRA);
  if (zip64 && zip64.length !== 16) throw new ZipError(`the entry ${quote(name)} has a malformed zip64 extra field`);
  const sizes = [header.getUint32(22, true), header.getUint32(18, true)];
  for (const [index, size] of sizes.entries()) {
    const stated = size === MAX_32 && zip64 ? uint64(view(zip64), index * 8) : size;
    if (!agrees(stated, record.size)) throw disagrees('size');
  }
  if (zip64 && sizes.some((size) => size !== MAX_32)) throw disagrees('size');

  const dataOffset = localOffset + LOCAL_HEADER_BYTES + nameLength + extraLength;
  const dataEnd = dataOffset + record.size;
  if (!streamed) return { dataOffset, end: dataEnd };

  // The descriptor's sizes are 8 bytes when the local header has a zip64 field (APPNOTE 4.3.9.2), else 4.
  const wide = zip64 !== undefined;
  const descriptor = view(await readAt(blob, dataEnd, wide ? 24 : 16, name));
  const stated = wide
    ? [uint64(descriptor, 8), uint64(descriptor, 16)]
    : [descriptor.getUint32(8, true), descriptor.getUint32(12, true)];
  if (
    descriptor.getUint32(0, true) !== DATA_DESCRIPTOR ||
    descriptor.getUint32(4, true) !== record.crc32 ||
    stated.some((size) => size !== record.size)
  ) {
    throw new ZipError(`the data descriptor of ${quote(name)} disagrees with the central directory`);
  }
  return { dataOffset, end: dataEnd + descriptor.byteLength };
}

async function readAt(blob: RandomAccessBytes, offset: number, length: number, name?: string): Promise<Uint8Array> {
  if (offset < 0 || offset + length > blob.size) {
    throw new ZipError(
      name ? `the entry ${quote(name)} runs past the end of the file` : 'a zip record lies outside the file',
    );
  }
  return readRange(blob, offset, offset + length);
}

function uint64(data: DataView, at: number): number {
  const value = data.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('a zip64 size or offset is out of range');
  return Number(value);
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const quote = (name: string) => JSON.stringify(name);
