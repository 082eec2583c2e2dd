/**
 * Streams an audit bundle (docs/audit-bundle.md) as a zip of stored entries. Lines go out as they
 * arrive, hashed and counted on the way; memory holds one batch of lines, whatever the export's size.
 * The feeder (the API export, from the database) supplies finished lines; this checks their order.
 */
import { createHash } from 'node:crypto';
import { Uint8ArrayReader, ZipWriter } from '@zip.js/zip.js/lib/zip-core-custom.js';
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
  /** events.jsonl lines without newlines (`eventLine` / `elidedLine`), seq anchor + 1 onwards. */
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

interface FileStats {
  lines: number;
  bytes: number;
  sha256: string;
}

export class BundleWriteError extends Error {}

export function writeBundle(input: BundleInput): ReadableStream<Uint8Array> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const open = new Set<AsyncIterator<unknown>>();
  void write(input, writable, open).catch(async (error: unknown) => {
    await Promise.allSettled([...open].map((iterator) => iterator.return?.()));
    await writable.abort(error).catch(() => {});
  });
  return readable;
}

async function write(input: BundleInput, writable: WritableStream<Uint8Array>, open: Set<AsyncIterator<unknown>>) {
  const { anchor, signer } = input;
  if (!input.keys.some((key) => key.keyId === signer.keyId)) {
    throw new BundleWriteError(`the signer ${signer.keyId} is not among the bundle's keys`);
  }
  const zip = new ZipWriter(writable, {
    level: 0,
    useWebWorkers: false,
    lastModDate: new Date(input.exportedAt),
  });
  const files: ManifestFileEntry[] = [];
  const add = async (name: BundleFileName, lines: AsyncIterator<string>, terminator = '\n') => {
    const stats = await addLines(zip, name, lines, terminator, input.onProgress, open);
    files.push({ name, bytes: stats.bytes, sha256: stats.sha256 });
    return stats;
  };

  await add(KEYS_FILE, single(`${JSON.stringify({ format: KEYS_FORMAT, keys: input.keys }, null, 2)}`));

  let checkpoints = 0;
  let lastCheckpoint = 0;
  await add(
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
  );
  if (lastCheckpoint <= anchor) throw new BundleWriteError('no checkpoint after the anchor');

  let seq = anchor;
  let elided = 0;
  const events = await add(
    EVENTS_FILE,
    mapLines(input.events, (line) => {
      seq++;
      if (seq > lastCheckpoint) throw new BundleWriteError(`seq ${seq} is after the last checkpoint ${lastCheckpoint}`);
      if (isElided(line, seq)) elided++;
      return line;
    }),
  );
  if (seq !== lastCheckpoint)
    throw new BundleWriteError(`events end at ${seq} but the last checkpoint is ${lastCheckpoint}`);
  const full = events.lines - elided;

  // CSV rows may hold newlines inside quoted fields; JSON lines may not.
  for (const [name, lines, header, terminator, check] of [
    [CSV_FILE, input.csv, [auditCsvHeader()], '\r\n', (row: string) => row],
    [OCSF_FILE, input.ocsf, [], '\n', singleLine],
  ] as const) {
    if (!lines) continue;
    const stats = await add(name, prepend(header, mapLines(lines, check)), terminator);
    if (stats.lines - header.length !== full) {
      throw new BundleWriteError(`${name} has ${stats.lines - header.length} records for ${full} full events`);
    }
  }

  const unsigned: UnsignedManifest = {
    format: BUNDLE_FORMAT,
    exportedAt: input.exportedAt,
    exportedBy: input.exportedBy,
    scope: input.scope,
    range: { anchor, firstSeq: anchor + 1, lastSeq: seq },
    counts: { events: full, elided, checkpoints },
    files,
    keyId: signer.keyId,
  };
  const manifest: BundleManifest = { ...unsigned, signature: toBase64(await signer.sign(manifestMessage(unsigned))) };
  await zip.add(MANIFEST_FILE, new Uint8ArrayReader(encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`)));
  await zip.close();
}

/** `{"seq":N,"leaf":"…","chain":"…"}` exactly, or a full line for seq N; anything else is a feeder bug. */
function isElided(line: string, seq: number): boolean {
  const prefix = `{"seq":${seq},"leaf":"`;
  const afterChain = prefix.length + 64 + 11 + 64;
  if (!line.startsWith(prefix) || line.includes('\n'))
    throw new BundleWriteError(`the line for seq ${seq} is malformed`);
  if (line.length === afterChain + 2 && line.endsWith('"}')) return true;
  if (line.startsWith('","event":{', afterChain) && line.endsWith('}')) return false;
  throw new BundleWriteError(`the line for seq ${seq} is malformed`);
}

function singleLine(line: string): string {
  if (line.includes('\n')) throw new BundleWriteError('an OCSF line holds a newline');
  return line;
}

async function addLines(
  zip: ZipWriter<unknown>,
  name: BundleFileName,
  lines: AsyncIterator<string>,
  terminator: string,
  onProgress: BundleInput['onProgress'],
  open: Set<AsyncIterator<unknown>>,
): Promise<FileStats> {
  const hash = createHash('sha256');
  const stats = { lines: 0, bytes: 0 };
  open.add(lines);
  const source = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let batch = '';
        let done = false;
        while (batch.length < BATCH_CHARS) {
          const next = await lines.next();
          if (next.done) {
            done = true;
            break;
          }
          batch += next.value + terminator;
          stats.lines++;
        }
        if (batch.length > 0) {
          const bytes = encoder.encode(batch);
          hash.update(bytes);
          stats.bytes += bytes.length;
          controller.enqueue(bytes);
          onProgress?.({ file: name, ...stats });
        }
        if (done) controller.close();
      },
      async cancel() {
        await lines.return?.();
      },
    },
    { highWaterMark: 0 },
  );
  await zip.add(name, source);
  open.delete(lines);
  return { ...stats, sha256: hash.digest('hex') };
}

async function* mapLines<T>(source: Iterable<T> | AsyncIterable<T>, map: (item: T) => string): AsyncGenerator<string> {
  for await (const item of source) yield map(item);
}

async function* prepend(head: readonly string[], rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield* head;
  yield* rest;
}

async function* single(text: string): AsyncGenerator<string> {
  yield text;
}
