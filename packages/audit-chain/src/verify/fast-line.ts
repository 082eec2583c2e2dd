/**
 * The verifier's fast path: recognises, straight from the bytes, an events.jsonl line in the form the
 * writer produces — `{"seq":N,"leaf":"…","chain":"…"}` or `…,"event":E}` with E already in RFC 8785
 * form and E.seq = N. For such a line the bytes of E are JCS(E), so they can be hashed as they are.
 *
 * It is only a recogniser: it never rejects. Anything it is not sure of (other member order, escapes,
 * fractions, non-ASCII keys, …) goes to the general path, which parses, re-canonicalises and decides.
 */

export interface FastLine {
  seq: number;
  /** Where the stated leaf and chain are decoded to, 32 bytes each (set by the caller). */
  leafTarget: Uint8Array;
  leafOffset: number;
  chainTarget: Uint8Array;
  chainOffset: number;
  /** The event's bytes, `[eventStart, eventEnd)`; eventStart is -1 for an elided line. */
  eventStart: number;
  eventEnd: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const MAX_DEPTH = 32;
const MAX_INTEGER_DIGITS = 15;

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const SEQ_PREFIX = ascii('{"seq":');
const LEAF_PREFIX = ascii(',"leaf":"');
const CHAIN_PREFIX = ascii('","chain":"');
const EVENT_PREFIX = ascii('","event":');
const SEQ_KEY = ascii('seq');
const TRUE = ascii('true');
const FALSE = ascii('false');
const NULL = ascii('null');

/** Lowercase hex digit values; -1 for any other byte. */
export const HEX_VALUE: Int8Array = (() => {
  const table = new Int8Array(256).fill(-1);
  for (let i = 0; i < 10; i++) table[0x30 + i] = i;
  for (let i = 0; i < 6; i++) table[0x61 + i] = 10 + i;
  return table;
})();

/** The byte two lowercase hex digits stand for, indexed by (first << 8 | second); -1 for anything else. */
const HEX_PAIR: Int16Array = (() => {
  const table = new Int16Array(65536).fill(-1);
  for (let high = 0; high < 256; high++) {
    if (HEX_VALUE[high]! < 0) continue;
    for (let low = 0; low < 256; low++) {
      if (HEX_VALUE[low]! >= 0) table[(high << 8) | low] = (HEX_VALUE[high]! << 4) | HEX_VALUE[low]!;
    }
  }
  return table;
})();

// JSON.stringify's short escapes (\" \\ \b \f \n \r \t); other control characters are \u00xx.
const SHORT_ESCAPE = new Uint8Array(256);
for (const char of '"\\bfnrt') SHORT_ESCAPE[char.charCodeAt(0)] = 1;
const SHORT_ESCAPED_CONTROL = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d]);

function matches(buf: Uint8Array, at: number, expected: Uint8Array, bound: number): boolean {
  if (at + expected.length > bound) return false;
  for (let i = 0; i < expected.length; i++) if (buf[at + i] !== expected[i]) return false;
  return true;
}

/** Decodes 64 lowercase hex digits at `at` into 32 bytes of `target`; false if they are not that. */
function decodeHash(buf: Uint8Array, at: number, end: number, target: Uint8Array, offset: number): boolean {
  if (at + 64 > end) return false;
  let invalid = 0;
  for (let i = 0; i < 32; i++) {
    const value = HEX_PAIR[(buf[at + 2 * i]! << 8) | buf[at + 2 * i + 1]!]!;
    invalid |= value;
    target[offset + i] = value;
  }
  return invalid >= 0;
}

// Scanner state, shared to avoid allocating per line: the text being scanned ends at `limit`, and a
// string just scanned was plain ASCII without escapes (`plain`).
let limit = 0;
let plain = false;
// The top-level event's "seq" member value, `[seqStart, seqEnd)`.
let seqStart = -1;
let seqEnd = -1;

// Bytes that stand for themselves inside a JCS string: printable ASCII but the quote and backslash.
const PLAIN = new Uint8Array(256);
for (let byte = 0x20; byte < 0x80; byte++) PLAIN[byte] = byte === QUOTE || byte === BACKSLASH ? 0 : 1;

/** A JCS string starting at `at` (the quote); the index after its closing quote, or -1. */
function scanString(buf: Uint8Array, at: number): number {
  let i = at + 1;
  let ascii = true;
  const stop = limit; // a local: the loop below is the verifier's hottest
  while (i < stop) {
    const byte = buf[i]!;
    if (PLAIN[byte]) {
      i++;
      continue;
    }
    if (byte === QUOTE) {
      plain = ascii;
      return i + 1;
    }
    if (byte < 0x20) return -1;
    ascii = false;
    if (byte === BACKSLASH) {
      if (i + 1 >= stop) return -1;
      if (SHORT_ESCAPE[buf[i + 1]!]) {
        i += 2;
        continue;
      }
      // \u00xx for a control character without a short form, lowercase hex.
      if (buf[i + 1] !== 0x75 || i + 5 >= stop || buf[i + 2] !== ZERO || buf[i + 3] !== ZERO) return -1;
      const high = HEX_VALUE[buf[i + 4]!]!;
      const low = HEX_VALUE[buf[i + 5]!]!;
      if (high < 0 || high > 1 || low < 0 || SHORT_ESCAPED_CONTROL.has(high * 16 + low)) return -1;
      i += 6;
      continue;
    }
    const length = utf8SequenceLength(buf, i);
    if (length === 0) return -1;
    i += length;
  }
  return -1;
}

const inRange = (buf: Uint8Array, at: number, low: number, high: number) =>
  at < limit && buf[at]! >= low && buf[at]! <= high;

/** The length of a well-formed UTF-8 sequence (Unicode table 3-7) at `at`, or 0. */
function utf8SequenceLength(buf: Uint8Array, at: number): number {
  const lead = buf[at]!;
  if (lead < 0xc2 || lead > 0xf4) return 0;
  if (lead <= 0xdf) return inRange(buf, at + 1, 0x80, 0xbf) ? 2 : 0;
  if (lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return inRange(buf, at + 1, low, high) && inRange(buf, at + 2, 0x80, 0xbf) ? 3 : 0;
  }
  const low = lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xf4 ? 0x8f : 0xbf;
  return inRange(buf, at + 1, low, high) && inRange(buf, at + 2, 0x80, 0xbf) && inRange(buf, at + 3, 0x80, 0xbf)
    ? 4
    : 0;
}

/** An integer in ECMAScript's shortest form with at most 15 digits; the index after it, or -1. */
function scanInteger(buf: Uint8Array, at: number): number {
  let i = at;
  if (buf[i] === MINUS) i++;
  const first = i;
  if (i >= limit) return -1;
  if (buf[i] === ZERO) {
    i++;
    if (i - at === 2) return -1; // "-0" prints as "0"
  } else {
    while (i < limit && buf[i]! >= ZERO && buf[i]! <= NINE) i++;
    if (i === first || i - first > MAX_INTEGER_DIGITS) return -1;
  }
  // Fractions and exponents are left to the general path.
  const next = buf[i];
  if (
    i < limit &&
    next !== undefined &&
    (next === 0x2e || next === 0x65 || next === 0x45 || (next >= ZERO && next <= NINE))
  ) {
    return -1;
  }
  return i;
}

function scanValue(buf: Uint8Array, at: number, depth: number): number {
  if (at >= limit) return -1;
  const byte = buf[at]!;
  if (byte === QUOTE) return scanString(buf, at);
  if (byte === OPEN_BRACE) return scanObject(buf, at, depth + 1);
  if (byte === OPEN_BRACKET) return scanArray(buf, at, depth + 1);
  if (byte === 0x74) return matches(buf, at, TRUE, limit) ? at + 4 : -1;
  if (byte === 0x66) return matches(buf, at, FALSE, limit) ? at + 5 : -1;
  if (byte === 0x6e) return matches(buf, at, NULL, limit) ? at + 4 : -1;
  return scanInteger(buf, at);
}

function scanArray(buf: Uint8Array, at: number, depth: number): number {
  if (depth > MAX_DEPTH) return -1;
  let i = at + 1;
  if (i >= limit) return -1;
  if (buf[i] === CLOSE_BRACKET) return i + 1;
  for (;;) {
    i = scanValue(buf, i, depth);
    if (i < 0 || i >= limit) return -1;
    if (buf[i] === CLOSE_BRACKET) return i + 1;
    if (buf[i] !== COMMA) return -1;
    i++;
  }
}

/** Whether key `[a, aEnd)` sorts strictly before key `[b, bEnd)` (plain ASCII: bytes are UTF-16 units). */
function before(buf: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  const length = Math.min(aEnd - a, bEnd - b);
  for (let i = 0; i < length; i++) {
    const difference = buf[a + i]! - buf[b + i]!;
    if (difference !== 0) return difference < 0;
  }
  return aEnd - a < bEnd - b;
}

function scanObject(buf: Uint8Array, at: number, depth: number): number {
  if (depth > MAX_DEPTH) return -1;
  let i = at + 1;
  if (i >= limit) return -1;
  if (buf[i] === CLOSE_BRACE) return i + 1;
  let previousStart = -1;
  let previousEnd = -1;
  for (;;) {
    if (i >= limit || buf[i] !== QUOTE) return -1;
    const keyStart = i + 1;
    const afterKey = scanString(buf, i);
    // Keys with escapes or beyond ASCII need UTF-16 comparison: the general path sorts those.
    if (afterKey < 0 || !plain) return -1;
    const keyEnd = afterKey - 1;
    if (previousStart >= 0 && !before(buf, previousStart, previousEnd, keyStart, keyEnd)) return -1;
    previousStart = keyStart;
    previousEnd = keyEnd;
    if (buf[afterKey] !== COLON) return -1;
    const valueStart = afterKey + 1;
    i = scanValue(buf, valueStart, depth);
    if (i < 0 || i >= limit) return -1;
    if (depth === 1 && keyEnd - keyStart === 3 && matches(buf, keyStart, SEQ_KEY, limit)) {
      seqStart = valueStart;
      seqEnd = i;
    }
    if (buf[i] === CLOSE_BRACE) return i + 1;
    if (buf[i] !== COMMA) return -1;
    i++;
  }
}

/**
 * Fills `out` (and decodes the stated leaf and chain) and returns true when `buf[start, end)` is a
 * line in the writer's form whose event (if any) is canonical and carries the line's seq; false
 * means "not sure", never "invalid".
 */
export function recogniseLine(buf: Uint8Array, start: number, end: number, out: FastLine): boolean {
  if (!matches(buf, start, SEQ_PREFIX, end)) return false;
  limit = end;
  const digits = start + SEQ_PREFIX.length;
  const afterSeq = scanInteger(buf, digits);
  if (afterSeq < 0 || buf[digits] === MINUS) return false;
  let seq = 0;
  for (let i = digits; i < afterSeq; i++) seq = seq * 10 + buf[i]! - ZERO;
  if (seq === 0 || !matches(buf, afterSeq, LEAF_PREFIX, end)) return false;
  const leaf = afterSeq + LEAF_PREFIX.length;
  if (!decodeHash(buf, leaf, end, out.leafTarget, out.leafOffset)) return false;
  if (!matches(buf, leaf + 64, CHAIN_PREFIX, end)) return false;
  const chain = leaf + 64 + CHAIN_PREFIX.length;
  if (!decodeHash(buf, chain, end, out.chainTarget, out.chainOffset)) return false;
  out.seq = seq;
  const afterChain = chain + 64;
  if (end === afterChain + 2 && buf[afterChain] === QUOTE && buf[afterChain + 1] === CLOSE_BRACE) {
    out.eventStart = -1;
    out.eventEnd = -1;
    return true;
  }
  if (!matches(buf, afterChain, EVENT_PREFIX, end)) return false;
  const eventStart = afterChain + EVENT_PREFIX.length;
  if (buf[eventStart] !== OPEN_BRACE || buf[end - 1] !== CLOSE_BRACE) return false;
  limit = end - 1;
  seqStart = -1;
  const eventEnd = scanObject(buf, eventStart, 1);
  if (eventEnd !== end - 1 || seqEnd - seqStart !== afterSeq - digits) return false;
  for (let i = 0; i < afterSeq - digits; i++) if (buf[seqStart + i] !== buf[digits + i]) return false;
  out.eventStart = eventStart;
  out.eventEnd = eventEnd;
  return true;
}
