/**
 * Shape checks for the bundle's JSON documents, with reasons a person can act on. Unknown members are
 * refused: a signed document means exactly what the verifier checked, nothing rides along.
 */
import type { SignedCheckpoint } from '../checkpoint';
import {
  BUNDLE_FORMAT,
  type BundleFileName,
  type BundleKey,
  type BundleManifest,
  type BundleScope,
  KEYS_FORMAT,
  type KeysDocument,
  OPTIONAL_FILES,
  REQUIRED_FILES,
} from './format';

export class FormatError extends Error {}

type Json = Record<string, unknown>;

const HEX_32 = /^[0-9a-f]{64}$/;
const KEY_ID = /^ed25519:[0-9a-f]{32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
const FILE_NAMES: readonly string[] = [...REQUIRED_FILES, ...OPTIONAL_FILES];

function object(value: unknown, what: string, members: readonly string[], optional: readonly string[] = []): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FormatError(`${what} is not a JSON object`);
  }
  for (const key of Object.keys(value)) {
    if (!members.includes(key) && !optional.includes(key))
      throw new FormatError(`${what} has an unknown member "${key}"`);
  }
  for (const key of members) {
    if (!(key in value)) throw new FormatError(`${what} lacks "${key}"`);
  }
  return value as Json;
}

function string(value: unknown, what: string, pattern?: RegExp): string {
  if (typeof value !== 'string') throw new FormatError(`${what} is not a string`);
  if (pattern && !pattern.test(value)) throw new FormatError(`${what} is malformed`);
  return value;
}

/** A UTC timestamp such as 2026-12-01T10:00:00.123Z; returns its milliseconds. */
export function utcMillis(value: unknown, what: string): number {
  const text = string(value, what, UTC);
  const millis = Date.parse(text);
  // Date.parse rolls 2026-02-30 over to March; a time must name a real instant as written.
  if (Number.isNaN(millis) || new Date(millis).toISOString().slice(0, 19) !== text.slice(0, 19)) {
    throw new FormatError(`${what} is not a valid time`);
  }
  return millis;
}

export function sequenceNumber(value: unknown, what: string, min = 1): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new FormatError(`${what} is not an integer ≥ ${min}`);
  }
  return value;
}

export const isHash = (value: unknown): value is string => typeof value === 'string' && HEX_32.test(value);

function hash(value: unknown, what: string): string {
  if (!isHash(value)) throw new FormatError(`${what} is not 64 lowercase hex digits`);
  return value;
}

function scope(value: unknown): BundleScope {
  const kind = object(value, 'scope', ['kind'], ['from', 'to', 'caseId']).kind;
  if (kind === 'period') {
    const period = object(value, 'scope', ['kind', 'from', 'to']);
    if (utcMillis(period.from, 'scope.from') > utcMillis(period.to, 'scope.to')) {
      throw new FormatError('scope.from is after scope.to');
    }
    return { kind, from: period.from as string, to: period.to as string };
  }
  if (kind === 'case') {
    const forCase = object(value, 'scope', ['kind', 'caseId']);
    return { kind, caseId: string(forCase.caseId, 'scope.caseId') };
  }
  throw new FormatError('scope.kind is neither "period" nor "case"');
}

export function parseManifest(value: unknown): BundleManifest {
  const manifest = object(value, 'the manifest', [
    'format',
    'exportedAt',
    'exportedBy',
    'scope',
    'range',
    'counts',
    'files',
    'keyId',
    'signature',
  ]);
  if (manifest.format !== BUNDLE_FORMAT) throw new FormatError(`format is not "${BUNDLE_FORMAT}"`);
  utcMillis(manifest.exportedAt, 'exportedAt');
  const by = object(manifest.exportedBy, 'exportedBy', ['id', 'label']);
  string(by.id, 'exportedBy.id');
  string(by.label, 'exportedBy.label');
  scope(manifest.scope);

  const range = object(manifest.range, 'range', ['anchor', 'firstSeq', 'lastSeq']);
  const anchor = sequenceNumber(range.anchor, 'range.anchor', 0);
  if (sequenceNumber(range.firstSeq, 'range.firstSeq') !== anchor + 1) {
    throw new FormatError('range.firstSeq is not range.anchor + 1');
  }
  const lastSeq = sequenceNumber(range.lastSeq, 'range.lastSeq');
  if (lastSeq < anchor + 1) throw new FormatError('range.lastSeq is before range.firstSeq');

  const counts = object(manifest.counts, 'counts', ['events', 'elided', 'checkpoints']);
  const events = sequenceNumber(counts.events, 'counts.events', 0);
  const elided = sequenceNumber(counts.elided, 'counts.elided', 0);
  sequenceNumber(counts.checkpoints, 'counts.checkpoints');
  if (events + elided !== lastSeq - anchor) {
    throw new FormatError('counts.events + counts.elided is not the number of seqs in range');
  }

  if (!Array.isArray(manifest.files)) throw new FormatError('files is not an array');
  const seen = new Set<string>();
  for (const [index, entry] of manifest.files.entries()) {
    const file = object(entry, `files[${index}]`, ['name', 'bytes', 'sha256']);
    const name = string(file.name, `files[${index}].name`);
    if (!FILE_NAMES.includes(name))
      throw new FormatError(`files[${index}] names "${name}", which is not a bundle file`);
    if (seen.has(name)) throw new FormatError(`files lists "${name}" twice`);
    seen.add(name);
    sequenceNumber(file.bytes, `files[${index}].bytes`, 0);
    hash(file.sha256, `files[${index}].sha256`);
  }
  for (const name of REQUIRED_FILES) if (!seen.has(name)) throw new FormatError(`files does not list ${name}`);

  string(manifest.keyId, 'keyId', KEY_ID);
  string(manifest.signature, 'signature', BASE64);
  return manifest as unknown as BundleManifest;
}

export function parseKeysDocument(value: unknown): KeysDocument {
  const document = object(value, 'the keys file', ['format', 'keys']);
  if (document.format !== KEYS_FORMAT) throw new FormatError(`format is not "${KEYS_FORMAT}"`);
  if (!Array.isArray(document.keys) || document.keys.length === 0)
    throw new FormatError('keys is not a non-empty array');
  const ids = new Set<string>();
  for (const [index, entry] of document.keys.entries()) {
    const key = object(entry, `keys[${index}]`, ['keyId', 'algorithm', 'publicKey', 'createdAt', 'retiredAt']);
    const keyId = string(key.keyId, `keys[${index}].keyId`, KEY_ID);
    if (ids.has(keyId)) throw new FormatError(`key ${keyId} is listed twice`);
    ids.add(keyId);
    if (key.algorithm !== 'Ed25519') throw new FormatError(`key ${keyId}: algorithm is not "Ed25519"`);
    string(key.publicKey, `key ${keyId}: publicKey`, BASE64);
    const created = utcMillis(key.createdAt, `key ${keyId}: createdAt`);
    if (key.retiredAt !== null && utcMillis(key.retiredAt, `key ${keyId}: retiredAt`) < created) {
      throw new FormatError(`key ${keyId}: retiredAt is before createdAt`);
    }
  }
  return document as unknown as KeysDocument;
}

export function parseSignedCheckpoint(value: unknown): SignedCheckpoint {
  const checkpoint = object(value, 'the checkpoint', ['seq', 'head', 'issuedAt', 'keyId', 'signature']);
  sequenceNumber(checkpoint.seq, 'seq');
  hash(checkpoint.head, 'head');
  utcMillis(checkpoint.issuedAt, 'issuedAt');
  string(checkpoint.keyId, 'keyId', KEY_ID);
  string(checkpoint.signature, 'signature', BASE64);
  return checkpoint as unknown as SignedCheckpoint;
}

/** Whether `key` may have signed at `millis`: from its creation until its retirement, both included. */
export function keyValidAt(key: BundleKey, millis: number): boolean {
  return Date.parse(key.createdAt) <= millis && (key.retiredAt === null || millis <= Date.parse(key.retiredAt));
}

export const isBundleFileName = (name: string): name is BundleFileName => FILE_NAMES.includes(name);
