/**
 * One pass over events.jsonl: every line in seq order, its leaf, its link to the previous chain value,
 * and the signed heads it must reach — while hashing the file for the manifest. Memory stays flat: the
 * only state carried from line to line is the previous chain value.
 */

import { EVENTS_FILE, MAX_LINE_BYTES } from '../bundle/format';
import { equalBytes } from '../bytes';
import { canonicalJson } from '../canonical';
import { LineError, parseLine } from './event-line';
import { VerificationFailure } from './failure';
import { type FastLine, HEX_VALUE, recogniseLine } from './fast-line';
import { LineReader, LineTooLong } from './lines';
import type { CryptoProvider } from './provider';

export interface Head {
  seq: number;
  /** chain(seq), 32 bytes. */
  head: Uint8Array;
}

export interface ChainWalkInput {
  provider: CryptoProvider;
  chunks: AsyncIterator<Uint8Array>;
  anchor: number;
  /** chain(anchor): 32 zero bytes at genesis, else the anchor checkpoint's head. */
  anchorHead: Uint8Array;
  /** The signed heads after the anchor, ascending; the last one is the range's end. */
  checkpoints: AsyncIterator<Head>;
  lastSeq: number;
  /** Heads witnessed outside Docket, inside (anchor, lastSeq], ascending. */
  saved?: Head[];
  /** The witnessed seq at the anchor that agreed, if any: where a rewrite is known not to reach. */
  agreedAtAnchor?: number | null;
  onBytes?: (bytes: number) => void;
  /**
   * Each full event once its leaf has matched: its canonical bytes (valid only during the call) when
   * the line took the fast path, else the parsed event.
   */
  onEvent?: EventSink;
  /** A seq whose chain value the caller wants back (`ChainWalk.headAt`). */
  headAt?: number;
}

export type EventSink = (event: Uint8Array | Record<string, unknown>) => void;

export interface ChainWalk {
  events: number;
  elided: number;
  bytes: number;
  sha256: Uint8Array;
  /** chain(input.headAt), when the walk passed it. */
  headAt?: Uint8Array;
}

import { rewriteReason } from './witnessed';

const fail = (seq: number, reason: string) => new VerificationFailure(EVENTS_FILE, reason, seq);

function hexTextInto(text: string, target: Uint8Array, offset: number): void {
  for (let i = 0; i < 32; i++) {
    target[offset + i] = (HEX_VALUE[text.charCodeAt(2 * i)]! << 4) | HEX_VALUE[text.charCodeAt(2 * i + 1)]!;
  }
}

/** Whether the 32-byte hash `hash` equals `buf[offset, offset + 32)`. */
function sameHash(hash: Uint8Array, buf: Uint8Array, offset: number): boolean {
  for (let i = 0; i < 32; i++) if (hash[i] !== buf[offset + i]) return false;
  return true;
}

const encoder = new TextEncoder();
const PREVIOUS = 1;
const LEAF = 33;

export async function walkChain(input: ChainWalkInput): Promise<ChainWalk> {
  try {
    return await walk(input);
  } finally {
    // Stop reading both files when the walk ends early.
    await Promise.allSettled([input.chunks.return?.(), input.checkpoints.return?.()]);
  }
}

async function walk(input: ChainWalkInput): Promise<ChainWalk> {
  const { provider, anchor, lastSeq } = input;
  const saved = input.saved ?? [];
  let witness = 0;
  let lastAgreed = input.agreedAtAnchor ?? null;
  const fileHash = provider.createSha256();
  let reported = 0;
  const reader = new LineReader(input.chunks, MAX_LINE_BYTES, (chunk) => {
    fileHash.update(chunk);
    reported += chunk.length;
    input.onBytes?.(reported);
  });

  // The link preimage 0x01 ‖ chain(n−1) ‖ leaf(n), kept in place: after each line its middle holds
  // the chain value just checked, ready for the next line.
  const link = new Uint8Array(65);
  link[0] = 0x01;
  link.set(input.anchorHead, PREVIOUS);
  const statedChain = new Uint8Array(32);
  let preimage = new Uint8Array(4096);
  const fast: FastLine = {
    seq: 0,
    leafTarget: link,
    leafOffset: LEAF,
    chainTarget: statedChain,
    chainOffset: 0,
    eventStart: -1,
    eventEnd: -1,
  };

  let checkpoint = await input.checkpoints.next();
  let expected = anchor + 1;
  let events = 0;
  let elided = 0;
  let headAt: Uint8Array | undefined;

  for (;;) {
    let more: boolean;
    try {
      more = reader.next();
    } catch (error) {
      if (error instanceof LineTooLong)
        throw fail(expected, `seq ${expected}: line is longer than ${MAX_LINE_BYTES} bytes`);
      throw error;
    }
    if (!more) {
      if (await reader.fill()) continue;
      break;
    }
    const { buf, start, end } = reader;
    if (expected > lastSeq) {
      throw fail(expected, `seq ${expected}: events go on after the last checkpoint (${lastSeq}), unsigned`);
    }

    // The leaf preimage 0x00 ‖ UTF-8(JCS(event)) lands in `preimage[0, length)`; 0 for an elided line.
    let length = 0;
    let seq: number;
    let parsed: Record<string, unknown> | undefined;
    if (recogniseLine(buf, start, end, fast)) {
      seq = fast.seq;
      if (fast.eventStart >= 0) {
        length = fast.eventEnd - fast.eventStart + 1;
        if (length > preimage.length) preimage = new Uint8Array(Math.max(length, preimage.length * 2));
        preimage.set(buf.subarray(fast.eventStart, fast.eventEnd), 1);
      }
    } else {
      let line: ReturnType<typeof parseLine>;
      try {
        line = parseLine(buf, start, end);
      } catch (error) {
        if (error instanceof LineError) throw fail(expected, `seq ${expected}: ${error.message}`);
        throw error;
      }
      seq = line.seq;
      parsed = line.event;
      if (seq === expected && line.event) {
        if (line.event.seq !== seq) {
          throw fail(seq, `seq ${seq}: the event inside says seq ${JSON.stringify(line.event.seq) ?? 'nothing'}`);
        }
        let text: string;
        try {
          text = canonicalJson(line.event);
        } catch {
          throw fail(seq, `seq ${seq}: the event cannot be canonicalised`);
        }
        const room = text.length * 3 + 1;
        if (room > preimage.length) preimage = new Uint8Array(Math.max(room, preimage.length * 2));
        length = encoder.encodeInto(text, preimage.subarray(1)).written + 1;
      }
      hexTextInto(line.leaf, link, LEAF);
      hexTextInto(line.chain, statedChain, 0);
    }

    if (seq !== expected) {
      throw fail(
        expected,
        seq > expected
          ? `seq ${expected} missing (the next line is seq ${seq})`
          : `seq ${expected} expected, found seq ${seq} (lines repeated or out of order)`,
      );
    }

    if (length > 0) {
      preimage[0] = 0x00;
      const hashed = provider.sha256(preimage.subarray(0, length));
      const leaf = hashed instanceof Uint8Array ? hashed : await hashed;
      if (!sameHash(leaf, link, LEAF)) throw fail(seq, `seq ${seq}: event does not match its leaf hash (edited?)`);
      events++;
      input.onEvent?.(parsed ?? buf.subarray(fast.eventStart, fast.eventEnd));
    } else {
      elided++;
    }
    const linked = provider.sha256(link);
    const chain = linked instanceof Uint8Array ? linked : await linked;
    if (!equalBytes(chain, statedChain)) {
      throw fail(seq, `seq ${seq}: chain does not follow from seq ${seq - 1} (a line edited, inserted or removed?)`);
    }
    link.set(chain, PREVIOUS);
    if (seq === input.headAt) headAt = chain.slice();

    if (!checkpoint.done && checkpoint.value.seq === seq) {
      if (!sameHash(checkpoint.value.head, link, PREVIOUS)) {
        throw fail(seq, `checkpoint ${seq}: its signed head does not match the chain at seq ${seq}`);
      }
      checkpoint = await input.checkpoints.next();
    }
    const witnessed = saved[witness];
    if (witnessed && witnessed.seq === seq) {
      if (!sameHash(witnessed.head, link, PREVIOUS)) throw fail(seq, rewriteReason(seq, lastAgreed));
      lastAgreed = seq;
      witness++;
    }
    expected++;
  }

  if (reader.unterminated > 0)
    throw fail(expected, `seq ${expected}: the last line is cut off (no newline at the end)`);
  if (expected - 1 < lastSeq)
    throw fail(expected, `events end at ${expected - 1} but the last checkpoint is ${lastSeq}`);
  return { events, elided, bytes: reader.bytes, sha256: await fileHash.digest(), ...(headAt && { headAt }) };
}
