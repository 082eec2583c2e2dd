/**
 * checkpoints.jsonl: every line a signed checkpoint, ascending, inside the bundle's range, by a key
 * that may sign; read once to check the signatures and again, beside events.jsonl, for the heads.
 */

import { CHECKPOINTS_FILE, MAX_LINE_BYTES } from '../bundle/format';
import { FormatError, parseSignedCheckpoint } from '../bundle/parse';
import { parseStrictJson, StrictJsonError } from '../bundle/strict-json';
import { fromHex } from '../bytes';
import { checkpointMessage, type SignedCheckpoint } from '../checkpoint';
import type { Head } from './chain-walk';
import { VerificationFailure } from './failure';
import { assertKeyValidAt, type KeyRing, signatureValid } from './keys';
import { LineReader, LineTooLong } from './lines';
import type { CryptoProvider } from './provider';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const fail = (reason: string, seq?: number) => new VerificationFailure(CHECKPOINTS_FILE, reason, seq);

/** Parses a checkpoint from JSON text; `where` names it in the reason. */
export function parseCheckpointText(text: string, where: string, file: string): SignedCheckpoint {
  let value: unknown;
  try {
    value = parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError) throw new VerificationFailure(file, `${where} ${error.message}`);
    throw new VerificationFailure(file, `${where} is not valid JSON`);
  }
  try {
    return parseSignedCheckpoint(value);
  } catch (error) {
    if (error instanceof FormatError) throw new VerificationFailure(file, `${where}: ${error.message}`);
    throw error;
  }
}

/** Every checkpoint line in order; `onChunk` sees the raw bytes (for the file's digest). */
async function* readCheckpoints(
  chunks: AsyncIterator<Uint8Array>,
  onChunk?: (chunk: Uint8Array) => void,
): AsyncGenerator<SignedCheckpoint> {
  const reader = new LineReader(chunks, MAX_LINE_BYTES, onChunk);
  try {
    yield* checkpointLines(reader);
  } finally {
    await chunks.return?.();
  }
}

async function* checkpointLines(reader: LineReader): AsyncGenerator<SignedCheckpoint> {
  for (;;) {
    const where = `line ${reader.lines + 1}`;
    let more: boolean;
    try {
      more = await reader.nextLine();
    } catch (error) {
      if (error instanceof LineTooLong) throw fail(`${where} is longer than ${MAX_LINE_BYTES} bytes`);
      throw error;
    }
    if (!more) break;
    let text: string;
    try {
      text = decoder.decode(reader.buf.subarray(reader.start, reader.end));
    } catch {
      throw fail(`${where} is not valid UTF-8`);
    }
    yield parseCheckpointText(text, where, CHECKPOINTS_FILE);
  }
  if (reader.unterminated > 0) throw fail(`line ${reader.lines + 1} is cut off (no newline at the end)`);
}

export interface CheckpointSummary {
  count: number;
  /** chain(anchor): the anchor checkpoint's head, or genesis. */
  anchorHead: Uint8Array;
  keyIds: Set<string>;
  /** When the range's last checkpoint was signed. */
  lastIssuedAt: string;
  bytes: number;
  sha256: Uint8Array;
}

/** Checks a checkpoint's key, date and signature. */
export async function checkCheckpointSignature(
  checkpoint: SignedCheckpoint,
  keys: KeyRing,
  provider: CryptoProvider,
  what: string,
  file: string,
): Promise<void> {
  const { seq } = checkpoint;
  const key = await keys.signer(checkpoint.keyId, what, file, provider, seq);
  assertKeyValidAt(key, Date.parse(checkpoint.issuedAt), what, file, seq);
  if (!(await signatureValid(provider, key, checkpointMessage(checkpoint), checkpoint.signature))) {
    throw new VerificationFailure(file, `${what}: bad signature`, seq);
  }
}

export async function checkCheckpoints(input: {
  chunks: AsyncIterator<Uint8Array>;
  keys: KeyRing;
  provider: CryptoProvider;
  anchor: number;
  lastSeq: number;
  onBytes?: (bytes: number) => void;
}): Promise<CheckpointSummary> {
  const { keys, provider, anchor, lastSeq } = input;
  const fileHash = provider.createSha256();
  let bytes = 0;
  const onChunk = (chunk: Uint8Array) => {
    fileHash.update(chunk);
    bytes += chunk.length;
    input.onBytes?.(bytes);
  };
  let count = 0;
  let previous = 0;
  let anchorHead: Uint8Array = new Uint8Array(32);
  const keyIds = new Set<string>();
  let lastIssuedAt = '';
  for await (const checkpoint of readCheckpoints(input.chunks, onChunk)) {
    const { seq } = checkpoint;
    const what = `checkpoint ${seq}`;
    if (count === 0 && anchor > 0 && seq !== anchor) {
      throw fail(`the anchor checkpoint ${anchor} is missing (the first line is checkpoint ${seq})`, anchor);
    }
    if (seq < anchor) throw fail(`${what} lies before the range's anchor ${anchor}`, seq);
    if (seq <= previous) throw fail(`${what} is out of order (after checkpoint ${previous})`, seq);
    if (seq > lastSeq) throw fail(`${what} lies after the range's last seq ${lastSeq}`, seq);
    await checkCheckpointSignature(checkpoint, keys, provider, what, CHECKPOINTS_FILE);
    if (seq === anchor) anchorHead = fromHex(checkpoint.head);
    keyIds.add(checkpoint.keyId);
    previous = seq;
    lastIssuedAt = checkpoint.issuedAt;
    count++;
  }
  if (count === 0) throw fail('holds no checkpoint');
  if (previous !== lastSeq) throw fail(`the last checkpoint is ${previous} but the range ends at ${lastSeq}`, previous);
  return { count, anchorHead, keyIds, lastIssuedAt, bytes, sha256: await fileHash.digest() };
}

/** The heads after the anchor, ascending, from a checkpoints.jsonl already checked. */
export async function* checkpointHeads(chunks: AsyncIterator<Uint8Array>, anchor: number): AsyncGenerator<Head> {
  for await (const checkpoint of readCheckpoints(chunks)) {
    if (checkpoint.seq > anchor) yield { seq: checkpoint.seq, head: fromHex(checkpoint.head) };
  }
}
