/**
 * Lays out a zip of stored entries as it streams, in the one form the strict reader (./read.ts)
 * accepts and a streaming unzipper reads the same way: back to back from offset 0, each entry a local
 * header with a zip64 field (its size is not known yet), its bytes, and a data descriptor; then the
 * central directory, a zip64 end record and locator when offsets pass 32 bits, and the end record.
 */
import {
  CENTRAL_HEADER,
  CENTRAL_HEADER_BYTES,
  DATA_DESCRIPTOR,
  END_BYTES,
  END_OF_CENTRAL_DIRECTORY,
  FLAG_DATA_DESCRIPTOR,
  LOCAL_HEADER,
  LOCAL_HEADER_BYTES,
  MAX_16,
  MAX_32,
  STORED,
  ZIP64_END,
  ZIP64_END_BYTES,
  ZIP64_EXTRA,
  ZIP64_LOCATOR,
  ZIP64_LOCATOR_BYTES,
} from './structure';

export type Crc32 = (bytes: Uint8Array, previous: number) => number;

/** APPNOTE 4.4.3: 4.5 is the version that reads zip64 fields. */
const VERSION = 45;
/** Made by: Unix (3), so the external attributes below are a file mode. */
const MADE_BY = (3 << 8) | VERSION;
/** A regular file, rw-r--r--. */
const FILE_MODE = 0o100644 << 16;
const LOCAL_ZIP64_BYTES = 4 + 16;
const DESCRIPTOR_BYTES = 24;

export class StoredZip {
  private offset = 0;
  private readonly directory: Uint8Array[] = [];
  private readonly time: number;
  private readonly date: number;

  constructor(
    modified: Date,
    private readonly crc32: Crc32,
  ) {
    // MS-DOS date and time, in UTC, as the verifier ignores them.
    this.time = (modified.getUTCHours() << 11) | (modified.getUTCMinutes() << 5) | (modified.getUTCSeconds() >> 1);
    this.date =
      (Math.max(0, modified.getUTCFullYear() - 1980) << 9) |
      ((modified.getUTCMonth() + 1) << 5) |
      modified.getUTCDate();
  }

  /** One entry: its local header, its bytes as they arrive, its data descriptor. Returns its size. */
  async *entry(name: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array, number> {
    // Without the UTF-8 flag only ASCII names read the same in every tool; bundles name no other.
    if (!/^[\x20-\x7e]+$/.test(name)) throw new TypeError(`zip entry names here are ASCII: ${JSON.stringify(name)}`);
    const localOffset = this.offset;
    const nameBytes = new TextEncoder().encode(name);
    yield this.emit(
      record(LOCAL_HEADER_BYTES + nameBytes.length + LOCAL_ZIP64_BYTES, (view, bytes) => {
        view.setUint32(0, LOCAL_HEADER, true);
        view.setUint16(4, VERSION, true);
        view.setUint16(6, FLAG_DATA_DESCRIPTOR, true);
        view.setUint16(8, STORED, true);
        view.setUint16(10, this.time, true);
        view.setUint16(12, this.date, true);
        // CRC-32 0 and sizes in the zip64 field, 0: they follow in the data descriptor.
        view.setUint32(18, MAX_32, true);
        view.setUint32(22, MAX_32, true);
        view.setUint16(26, nameBytes.length, true);
        view.setUint16(28, LOCAL_ZIP64_BYTES, true);
        bytes.set(nameBytes, LOCAL_HEADER_BYTES);
        view.setUint16(LOCAL_HEADER_BYTES + nameBytes.length, ZIP64_EXTRA, true);
        view.setUint16(LOCAL_HEADER_BYTES + nameBytes.length + 2, 16, true);
      }),
    );
    let crc = 0;
    let size = 0;
    for await (const chunk of chunks) {
      crc = this.crc32(chunk, crc);
      size += chunk.length;
      yield this.emit(chunk);
    }
    yield this.emit(
      record(DESCRIPTOR_BYTES, (view) => {
        view.setUint32(0, DATA_DESCRIPTOR, true);
        view.setUint32(4, crc, true);
        setUint64(view, 8, size);
        setUint64(view, 16, size);
      }),
    );
    this.directory.push(this.centralRecord(nameBytes, crc, size, localOffset));
    return size;
  }

  /** The central directory and end records: the archive's last bytes. */
  end(): Uint8Array {
    const entries = this.directory.length;
    const directoryOffset = this.offset;
    const directoryBytes = this.directory.reduce((sum, part) => sum + part.length, 0);
    const zip64 = directoryOffset >= MAX_32 || directoryBytes >= MAX_32 || entries >= MAX_16;
    const zip64End = zip64
      ? [
          record(ZIP64_END_BYTES, (view) => {
            view.setUint32(0, ZIP64_END, true);
            setUint64(view, 4, ZIP64_END_BYTES - 12);
            view.setUint16(12, MADE_BY, true);
            view.setUint16(14, VERSION, true);
            setUint64(view, 24, entries);
            setUint64(view, 32, entries);
            setUint64(view, 40, directoryBytes);
            setUint64(view, 48, directoryOffset);
          }),
          record(ZIP64_LOCATOR_BYTES, (view) => {
            view.setUint32(0, ZIP64_LOCATOR, true);
            setUint64(view, 8, directoryOffset + directoryBytes);
            view.setUint32(16, 1, true);
          }),
        ]
      : [];
    const end = record(END_BYTES, (view) => {
      view.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
      view.setUint16(8, Math.min(entries, MAX_16), true);
      view.setUint16(10, Math.min(entries, MAX_16), true);
      view.setUint32(12, Math.min(directoryBytes, MAX_32), true);
      view.setUint32(16, Math.min(directoryOffset, MAX_32), true);
    });
    const parts = [...this.directory, ...zip64End, end];
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    this.offset += out.length;
    return out;
  }

  private emit(bytes: Uint8Array): Uint8Array {
    this.offset += bytes.length;
    return bytes;
  }

  /** A value that does not fit its 32-bit field goes, as all ones, to the zip64 field instead. */
  private centralRecord(name: Uint8Array, crc: number, size: number, localOffset: number): Uint8Array {
    const wide = [size, size, localOffset].filter((value) => value >= MAX_32);
    const extraBytes = wide.length > 0 ? 4 + 8 * wide.length : 0;
    return record(CENTRAL_HEADER_BYTES + name.length + extraBytes, (view, bytes) => {
      const narrow = (value: number) => Math.min(value, MAX_32);
      view.setUint32(0, CENTRAL_HEADER, true);
      view.setUint16(4, MADE_BY, true);
      view.setUint16(6, VERSION, true);
      view.setUint16(8, FLAG_DATA_DESCRIPTOR, true);
      view.setUint16(10, STORED, true);
      view.setUint16(12, this.time, true);
      view.setUint16(14, this.date, true);
      view.setUint32(16, crc, true);
      view.setUint32(20, narrow(size), true);
      view.setUint32(24, narrow(size), true);
      view.setUint16(28, name.length, true);
      view.setUint16(30, extraBytes, true);
      view.setUint32(38, FILE_MODE >>> 0, true);
      view.setUint32(42, narrow(localOffset), true);
      bytes.set(name, CENTRAL_HEADER_BYTES);
      if (wide.length === 0) return;
      const extra = CENTRAL_HEADER_BYTES + name.length;
      view.setUint16(extra, ZIP64_EXTRA, true);
      view.setUint16(extra + 2, 8 * wide.length, true);
      for (const [index, value] of wide.entries()) setUint64(view, extra + 4 + 8 * index, value);
    });
  }
}

function record(length: number, fill: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const bytes = new Uint8Array(length);
  fill(new DataView(bytes.buffer), bytes);
  return bytes;
}

function setUint64(view: DataView, at: number, value: number): void {
  view.setBigUint64(at, BigInt(value), true);
}
