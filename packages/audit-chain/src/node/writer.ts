/**
 * Streams an audit bundle (docs/audit-bundle.md) as a zip of stored entries (../zip/write.ts). Lines
 * go out as they arrive, hashed and counted on the way; memory holds one batch of lines (or one block
 * of them from the feeder), whatever the export's size. The feeder (the API export, from the
 * database) supplies finished lines; this checks their order and shape, and parses none of them.
 */
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import {
  BUNDLE_FORMAT,
  type BundleFileName,
  type BundleKey,
  type BundleManifest,
  type BundleScope,
  CHECKPOINTS_FILE,
  CSV_FILE,
  EVENTS_FILE,
  KEYS_FILE,
  KEYS_FORMAT,
  MANIFEST_FILE,
  type ManifestFileEntry,
  manifestMessage,
  OCSF_FILE,
  type UnsignedManifest,
} from '../bundle/format';
import { toBase64 } from '../bytes';
import type { SignedCheckpoint } from '../checkpoint';
import { auditCsvHeader } from '../render/csv';
import { crc32 as portableCrc32 } from '../zip/crc32';
import { StoredZip } from '../zip/write';

type Lines = Iterable<string> | AsyncIterable<string>;

export interface BundleSigner {
  keyId: string;
  /** Ed25519 over `message`: 64 bytes. */
  sign(message: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

export interface BundleProgress {
  file: BundleFileName;
  /** Lines (records) written to this file so far. */
  lines: number;
  bytes: number;
}

export interface BundleInput {
  exportedAt: string;
  exportedBy: { id: string; label: string };
  scope: BundleScope;
  /** 0 (genesis) or the seq of the first checkpoint given. */
  anchor: number;
  keys: BundleKey[];
  /** Ascending, from the anchor's (if any) to the one at the last event. */
  checkpoints: Iterable<SignedCheckpoint> | AsyncIterable<SignedCheckpoint>;
  /**
   * events.jsonl lines without newlines (`eventLine` / `elidedLine`), seq anchor + 1 onwards; an item
   * may also be a block of consecutive lines joined by newlines, checked line by line all the same.
   */
  events: Lines;
  /** events.csv rows (`auditCsvRow`), one per full event; the header row is written here. */
  csv?: Lines;
  /** events.ocsf.jsonl lines (`JSON.stringify(auditOcsf(record))`), one per full event. */
  ocsf?: Lines;
  signer: BundleSigner;
  onProgress?: (progress: BundleProgress) => void;
}

/** Characters of lines gathered before they are encoded and written as one chunk. */
const BATCH_CHARS = 64 * 1024;
const encoder = new TextEncoder();
// zlib's is native (Node 20.15 and later), many times the JavaScript one's speed.
const crc32 = zlib.crc32 ?? portableCrc32;

export class BundleWriteError extends Error {}

export function writeBundle(input: BundleInput): ReadableStream<Uint8Array> {
  // Pulled chunk by chunk: nothing is read from the feeder before the client has taken what came
  // before. A failure or a cancel ends the generators, and so closes the feeder's sources too.
  const chunks = bundleChunks(input);
  return new ReadableStream(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

async function* bundleChunks(input: BundleInput): AsyncGenerator<Uint8Array> {
  const { anchor, signer } = input;
  if (!input.keys.some((key) => key.keyId === signer.keyId)) {
    throw new BundleWriteError(`the signer ${signer.keyId} is not among the bundle's keys`);
  }
  const zip = new StoredZip(new Date(input.exportedAt), crc32);
  const files: ManifestFileEntry[] = [];
  /** One entry of lines; `count` checks an item and says how many lines it holds. */
  async function* add(name: BundleFileName, items: Lines, count: (item: string) => number, terminator = '\n') {
    const stats = { lines: 0, bytes: 0 };
    const hash = createHash('sha256');
    const chunks = encodeLines(items, terminator, (item) => {
      stats.lines += count(item);
    });
    yield* zip.entry(
      name,
      (async function* () {
        for await (const chunk of chunks) {
          hash.update(chunk);
          stats.bytes += chunk.length;
          input.onProgress?.({ file: name, ...stats });
          yield chunk;
        }
      })(),
    );
    const sha256 = hash.digest('hex');
    files.push({ name, bytes: stats.bytes, sha256 });
    return stats;
  }

  yield* add(KEYS_FILE, [JSON.stringify({ format: KEYS_FORMAT, keys: input.keys }, null, 2)], one);

  let checkpoints = 0;
  let lastCheckpoint = 0;
  yield* add(
    CHECKPOINTS_FILE,
    mapLines(input.checkpoints, (checkpoint) => {
      if (checkpoints === 0 && anchor > 0 && checkpoint.seq !== anchor) {
        throw new BundleWriteError(`the first checkpoint is ${checkpoint.seq}, not the anchor ${anchor}`);
      }
      if (checkpoint.seq <= lastCheckpoint || checkpoint.seq < anchor) {
        throw new BundleWriteError(`checkpoint ${checkpoint.seq} is out of order`);
      }
      lastCheckpoint = checkpoint.seq;
      checkpoints++;
      const { seq, head, issuedAt, keyId, signature } = checkpoint;
      return JSON.stringify({ seq, head, issuedAt, keyId, signature });
    }),
    one,
  );
  if (lastCheckpoint <= anchor) throw new BundleWriteError('no checkpoint after the anchor');

  const lines = new EventLineCheck(anchor, lastCheckpoint);
  const events = yield* add(EVENTS_FILE, input.events, (block) => lines.check(block));
  if (lines.seq !== lastCheckpoint)
    throw new BundleWriteError(`events end at ${lines.seq} but the last checkpoint is ${lastCheckpoint}`);
  const full = events.lines - lines.elided;

  // CSV rows may hold newlines inside quoted fields; JSON lines may not.
  for (const [name, rows, header, terminator, count] of [
    [CSV_FILE, input.csv, [auditCsvHeader()], '\r\n', one],
    [OCSF_FILE, input.ocsf, [], '\n', singleLine],
  ] as const) {
    if (!rows) continue;
    const stats = yield* add(name, prepend(header, rows), count, terminator);
    if (stats.lines - header.length !== full) {
      throw new BundleWriteError(`${name} has ${stats.lines - header.length} records for ${full} full events`);
    }
  }

  const unsigned: UnsignedManifest = {
    format: BUNDLE_FORMAT,
    exportedAt: input.exportedAt,
    exportedBy: input.exportedBy,
    scope: input.scope,
    range: { anchor, firstSeq: anchor + 1, lastSeq: lines.seq },
    counts: { events: full, elided: lines.elided, checkpoints },
    files,
    keyId: signer.keyId,
  };
  const manifest: BundleManifest = { ...unsigned, signature: toBase64(await signer.sign(manifestMessage(unsigned))) };
  yield* zip.entry(MANIFEST_FILE, single(encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`)));
  yield zip.end();
}

/**
 * Checks events.jsonl lines as they pass, in place (a block of many lines is never split into
 * strings): `{"seq":N,"leaf":"…","chain":"…"}` exactly or a full line, for seq anchor + 1 onwards.
 */
class EventLineCheck {
  seq: number;
  elided = 0;

  constructor(
    anchor: number,
    private readonly lastCheckpoint: number,
  ) {
    this.seq = anchor;
  }

  /** The lines of `block` (one, or several joined by newlines); anything else is a feeder bug. */
  check(block: string): number {
    let start = 0;
    let count = 0;
    for (;;) {
      const newline = block.indexOf('\n', start);
      const end = newline === -1 ? block.length : newline;
      this.line(block, start, end);
      count++;
      if (newline === -1) return count;
      start = newline + 1;
    }
  }

  private line(text: string, start: number, end: number): void {
    const seq = ++this.seq;
    if (seq > this.lastCheckpoint) {
      throw new BundleWriteError(`seq ${seq} is after the last checkpoint ${this.lastCheckpoint}`);
    }
    const prefix = `{"seq":${seq},"leaf":"`;
    const afterChain = start + prefix.length + 64 + 11 + 64;
    if (text.startsWith(prefix, start)) {
      if (end === afterChain + 2 && text.startsWith('"}', afterChain)) {
        this.elided++;
        return;
      }
      // Bounded by `end`: a short line must not borrow the next line's characters.
      if (end > afterChain + 11 && text.startsWith('","event":{', afterChain) && text.charCodeAt(end - 1) === 0x7d) {
        return;
      }
    }
    throw new BundleWriteError(`the line for seq ${seq} is malformed`);
  }
}

const one = () => 1;

function singleLine(line: string): number {
  if (line.includes('\n')) throw new BundleWriteError('an OCSF line holds a newline');
  return 1;
}

/**
 * Items, each checked and counted by `onItem`, as UTF-8 chunks with `terminator` after each: small
 * items gathered up to BATCH_CHARS, a large one (a block of many lines) encoded as one chunk.
 */
async function* encodeLines(items: Lines, terminator: string, onItem: (item: string) => void) {
  let batch: string[] = [];
  let chars = 0;
  for await (const item of items) {
    onItem(item);
    batch.push(item, terminator);
    chars += item.length + terminator.length;
    if (chars >= BATCH_CHARS) {
      yield encodeAll(batch);
      batch = [];
      chars = 0;
    }
  }
  if (chars > 0) yield encodeAll(batch);
}

/** One copy per string, straight into the chunk (no joined string first). */
function encodeAll(parts: string[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += Buffer.byteLength(part);
  const bytes = Buffer.allocUnsafe(length);
  let at = 0;
  for (const part of parts) at += bytes.write(part, at);
  return bytes;
}

async function* mapLines<T>(source: Iterable<T> | AsyncIterable<T>, map: (item: T) => string): AsyncGenerator<string> {
  for await (const item of source) yield map(item);
}

async function* prepend(head: readonly string[], rest: Lines): AsyncGenerator<string> {
  yield* head;
  yield* rest;
}

async function* single(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
