/**
 * Lays out a zip byte by byte as the bundle writer does (stored entries, a zip64 local field, a data
 * descriptor after each entry, then the central directory and the end record), with the knobs an
 * attacker would turn: entries only a streaming reader sees, bytes around or between entries, and
 * headers or descriptors that disagree with the directory.
 */
import { concatBytes } from '../bytes';
import { crc32 } from '../zip/crc32';
import * as zip from '../zip/structure';

export interface CraftedEntry {
  name: string;
  data: Uint8Array;
  /** false: a local entry with no central directory record, which only a streaming reader finds. */
  listed?: boolean;
  /** Bytes written just before the entry's local header. */
  before?: Uint8Array;
  /** The CRC-32 stated everywhere (local descriptor and central directory); the true one by default. */
  crc32?: number;
  /** What the data descriptor alone states. */
  descriptor?: { crc32?: number; size?: number };
  /** The size the local header alone states. */
  localSize?: number;
}

export interface CraftedZip {
  entries: CraftedEntry[];
  leading?: Uint8Array;
  trailing?: Uint8Array;
}

const encoder = new TextEncoder();

function record(length: number, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(length);
  fill(new DataView(bytes.buffer));
  return bytes;
}

export function craftZip({ entries, leading = new Uint8Array(), trailing = new Uint8Array() }: CraftedZip): Uint8Array {
  const parts: Uint8Array[] = [leading];
  const directory: Uint8Array[] = [];
  let offset = leading.length;
  const write = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.length;
  };
  for (const entry of entries) {
    if (entry.before) write(entry.before);
    const name = encoder.encode(entry.name);
    const size = entry.data.length;
    const crc = entry.crc32 ?? crc32(entry.data, 0);
    const localOffset = offset;
    write(
      record(zip.LOCAL_HEADER_BYTES + name.length + 20, (view) => {
        view.setUint32(0, zip.LOCAL_HEADER, true);
        view.setUint16(4, 45, true);
        view.setUint16(6, zip.FLAG_DATA_DESCRIPTOR, true);
        view.setUint16(8, zip.STORED, true);
        view.setUint32(18, zip.MAX_32, true);
        view.setUint32(22, zip.MAX_32, true);
        view.setUint16(26, name.length, true);
        view.setUint16(28, 20, true);
        new Uint8Array(view.buffer).set(name, zip.LOCAL_HEADER_BYTES);
        const extra = zip.LOCAL_HEADER_BYTES + name.length;
        view.setUint16(extra, zip.ZIP64_EXTRA, true);
        view.setUint16(extra + 2, 16, true);
        view.setBigUint64(extra + 4, BigInt(entry.localSize ?? 0), true);
        view.setBigUint64(extra + 12, BigInt(entry.localSize ?? 0), true);
      }),
    );
    write(entry.data);
    write(
      record(24, (view) => {
        view.setUint32(0, zip.DATA_DESCRIPTOR, true);
        view.setUint32(4, entry.descriptor?.crc32 ?? crc, true);
        view.setBigUint64(8, BigInt(entry.descriptor?.size ?? size), true);
        view.setBigUint64(16, BigInt(entry.descriptor?.size ?? size), true);
      }),
    );
    if (entry.listed === false) continue;
    directory.push(
      record(zip.CENTRAL_HEADER_BYTES + name.length, (view) => {
        view.setUint32(0, zip.CENTRAL_HEADER, true);
        view.setUint16(4, 0x032d, true);
        view.setUint16(6, 45, true);
        view.setUint16(8, zip.FLAG_DATA_DESCRIPTOR, true);
        view.setUint16(10, zip.STORED, true);
        view.setUint32(16, crc, true);
        view.setUint32(20, size, true);
        view.setUint32(24, size, true);
        view.setUint16(28, name.length, true);
        view.setUint32(42, localOffset, true);
        new Uint8Array(view.buffer).set(name, zip.CENTRAL_HEADER_BYTES);
      }),
    );
  }
  const central = concatBytes(...directory);
  const end = record(zip.END_BYTES, (view) => {
    view.setUint32(0, zip.END_OF_CENTRAL_DIRECTORY, true);
    view.setUint16(8, directory.length, true);
    view.setUint16(10, directory.length, true);
    view.setUint32(12, central.length, true);
    view.setUint32(16, offset, true);
  });
  return concatBytes(...parts, central, end, trailing);
}
