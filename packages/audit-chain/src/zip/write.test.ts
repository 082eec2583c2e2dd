import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../bytes';
import { storedChunks } from './data';
import { type RandomAccessBytes, readZipDirectory } from './read';
import { StoredZip } from './write';

const modified = new Date('2026-12-07T03:00:00.000Z');
const text = (value: string) => new TextEncoder().encode(value);

async function* chunksOf(...parts: Uint8Array[]) {
  yield* parts;
}

/** The archive as a file the strict reader reads by range, where a long run of zeros costs no memory. */
class LaidOutZip implements RandomAccessBytes {
  private readonly parts: { at: number; bytes?: Uint8Array; zeros?: number }[] = [];
  size = 0;

  add(chunk: Uint8Array, zeros?: Uint8Array) {
    this.parts.push(chunk === zeros ? { at: this.size, zeros: chunk.length } : { at: this.size, bytes: chunk });
    this.size += chunk.length;
  }

  slice(start: number, end: number) {
    const out = new Uint8Array(end - start);
    for (const part of this.parts) {
      const length = part.bytes?.length ?? part.zeros ?? 0;
      const from = Math.max(start, part.at);
      const to = Math.min(end, part.at + length);
      if (from < to && part.bytes) out.set(part.bytes.subarray(from - part.at, to - part.at), from - start);
    }
    return { arrayBuffer: async () => out.buffer };
  }
}

describe('the stored zip writer', () => {
  it('lays out entries the strict reader accepts, with their bytes and CRC-32s', async () => {
    const zip = new StoredZip(modified, crc32);
    const file = new LaidOutZip();
    for (const [name, parts] of [
      ['keys.json', [text('{}\n')]],
      ['events.jsonl', [text('{"seq":1}\n'), text('{"seq":2}\n')]],
      ['empty.csv', []],
    ] as const) {
      for await (const chunk of zip.entry(name, chunksOf(...parts))) file.add(chunk);
    }
    file.add(zip.end());

    const entries = await readZipDirectory(file);
    expect(entries.map(({ name, size }) => [name, size])).toEqual([
      ['keys.json', 3],
      ['events.jsonl', 20],
      ['empty.csv', 0],
    ]);
    const events = entries[1]!;
    const read: Uint8Array[] = [];
    for await (const chunk of storedChunks(file, events, crc32)) read.push(chunk);
    expect(new TextDecoder().decode(concatBytes(...read))).toBe('{"seq":1}\n{"seq":2}\n');
  });

  it('goes to zip64 records once an entry passes 4 GiB, and the reader still finds every entry', async () => {
    const zip = new StoredZip(modified, crc32);
    const file = new LaidOutZip();
    const zeros = new Uint8Array(256 * 2 ** 20);
    const big = (async function* () {
      for (let i = 0; i < 17; i++) yield zeros; // 4.25 GiB
    })();
    for await (const chunk of zip.entry('events.jsonl', big)) file.add(chunk, zeros);
    for await (const chunk of zip.entry('manifest.json', chunksOf(text('{}\n')))) file.add(chunk);
    file.add(zip.end());

    const entries = await readZipDirectory(file);
    expect(entries.map(({ name, size }) => [name, size])).toEqual([
      ['events.jsonl', 17 * 256 * 2 ** 20],
      ['manifest.json', 3],
    ]);
    expect(entries[1]!.dataOffset).toBeGreaterThan(2 ** 32);
  });

  it('refuses names that would read differently in other tools', async () => {
    const entry = new StoredZip(modified, crc32).entry('ëvents.jsonl', chunksOf());
    await expect(entry.next()).rejects.toThrow(/ASCII/);
  });
});
