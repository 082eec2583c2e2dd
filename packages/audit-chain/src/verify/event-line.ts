/**
 * The general path for an events.jsonl line: any JSON text with exactly the members seq, leaf, chain
 * and (for a full event) event. The spec's definition; the fast path only ever agrees with it.
 */
import { isHash } from '../bundle/parse';
import { parseStrictJson, StrictJsonError } from '../bundle/strict-json';

export interface ParsedLine {
  seq: number;
  leaf: string;
  chain: string;
  /** Absent for an elided line. */
  event?: Record<string, unknown>;
}

/** What is wrong with a line, without its seq (the caller names the place). */
export class LineError extends Error {}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function parseLine(buf: Uint8Array, start: number, end: number): ParsedLine {
  let text: string;
  try {
    text = decoder.decode(buf.subarray(start, end));
  } catch {
    throw new LineError('line is not valid UTF-8');
  }
  return parseLineText(text);
}

export function parseLineText(text: string): ParsedLine {
  let value: unknown;
  try {
    value = parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError) throw new LineError(`line ${error.message}`);
    throw new LineError(text.length === 0 ? 'line is empty' : 'line is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LineError('line is not a JSON object');
  }
  const line = value as Record<string, unknown>;
  for (const key of Object.keys(line)) {
    if (key !== 'seq' && key !== 'leaf' && key !== 'chain' && key !== 'event') {
      throw new LineError(`line has an unknown member "${key}"`);
    }
  }
  const { seq, leaf, chain, event } = line;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) throw new LineError('line has no valid seq');
  if (!isHash(leaf)) throw new LineError('leaf is not 64 lowercase hex digits');
  if (!isHash(chain)) throw new LineError('chain is not 64 lowercase hex digits');
  if (!('event' in line)) return { seq, leaf, chain };
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new LineError('event is not a JSON object');
  }
  return { seq, leaf, chain, event: event as Record<string, unknown> };
}
