/**
 * Builds genuine bundles for tests and benchmarks: synthetic records sealed into a chain, checkpoints
 * every K events signed by a real Ed25519 key, and an export of any range and scope.
 */
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { type BundleKey, type BundleScope, elidedLine, eventLine } from '../bundle/format';
import { toBase64, toHex } from '../bytes';
import { GENESIS, leafPreimage, linkPreimage, recordText } from '../chain';
import { checkpointMessage, type SignedCheckpoint } from '../checkpoint';
import { bundleKey, ed25519Signer } from '../node/keys';
import { type BundleInput, type BundleSigner, writeBundle } from '../node/writer';
import type { AuditRecord } from '../record';
import { auditCsvRow } from '../render/csv';
import { auditOcsf } from '../render/ocsf';
import { syntheticRecord } from './records';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

export interface TestKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  entry: BundleKey;
  signer: BundleSigner;
}

export function testKey(createdAt = '2026-01-01T00:00:00.000Z', retiredAt: string | null = null): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey,
    publicKey,
    entry: bundleKey(publicKey, createdAt, retiredAt),
    signer: ed25519Signer(privateKey, publicKey),
  };
}

export function signCheckpoint(key: TestKey, seq: number, head: string, issuedAt: string): SignedCheckpoint {
  const statement = { seq, head, issuedAt, keyId: key.entry.keyId };
  return { ...statement, signature: toBase64(sign(null, checkpointMessage(statement), key.privateKey)) };
}

export interface Sealed {
  record: AuditRecord;
  text: string;
  leaf: string;
  chain: string;
}

/** Seals records 1…`count` in order, as the sealer does. */
export function* sealRecords(count: number, record: (seq: number) => AuditRecord = syntheticRecord): Generator<Sealed> {
  let previous: Uint8Array = GENESIS;
  for (let seq = 1; seq <= count; seq++) {
    const value = record(seq);
    const text = recordText(value);
    const leaf = sha256(leafPreimage(text));
    const chain = sha256(linkPreimage(previous, leaf));
    previous = chain;
    yield { record: value, text, leaf: toHex(leaf), chain: toHex(chain) };
  }
}

/** The issue time of checkpoint `seq`: after the event it covers. */
export const checkpointTime = (seq: number) => new Date(Date.UTC(2026, 11, 1, 10) + seq * 250 + 5_000).toISOString();

export interface LedgerOptions {
  events: number;
  checkpointEvery: number;
  key?: TestKey;
  /** The records to seal (a history someone rewrote); synthetic ones by default. */
  record?: (seq: number) => AuditRecord;
  /** Shifts every checkpoint's issue time (a chain re-signed later). */
  signedLaterMs?: number;
}

/** A sealed chain in memory, with its checkpoints: the database a test exports from. */
export class TestLedger {
  readonly sealed: Sealed[];
  readonly checkpoints: SignedCheckpoint[] = [];
  readonly key: TestKey;

  constructor(options: LedgerOptions) {
    this.key = options.key ?? testKey();
    this.sealed = [...sealRecords(options.events, options.record)];
    const shift = options.signedLaterMs ?? 0;
    for (const { record, chain } of this.sealed) {
      if (record.seq % options.checkpointEvery === 0 || record.seq === options.events) {
        const issuedAt = new Date(Date.parse(checkpointTime(record.seq)) + shift).toISOString();
        this.checkpoints.push(signCheckpoint(this.key, record.seq, chain, issuedAt));
      }
    }
  }

  get lastSeq(): number {
    return this.sealed.length;
  }

  /** An export's input: events in (anchor, lastSeq], those outside `inScope` elided. */
  input(options: ExportOptions = {}): BundleInput {
    const anchor = options.anchor ?? 0;
    const lastSeq = options.lastSeq ?? this.lastSeq;
    const inScope = options.inScope ?? (() => true);
    const slice = this.sealed.slice(anchor, lastSeq);
    const full = slice.filter(({ record }) => inScope(record));
    return {
      exportedAt: '2026-12-24T09:00:00.000Z',
      exportedBy: { id: '103', label: 'zoë.ångström' },
      scope: options.scope ?? { kind: 'period', from: '2026-12-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' },
      anchor,
      keys: options.keys ?? [this.key.entry],
      checkpoints: this.checkpoints.filter((checkpoint) => checkpoint.seq >= anchor && checkpoint.seq <= lastSeq),
      events: slice.map(({ record, text, leaf, chain }) =>
        inScope(record) ? eventLine(record.seq, leaf, chain, text) : elidedLine(record.seq, leaf, chain),
      ),
      ...(options.csv === false ? {} : { csv: full.map(({ record }) => auditCsvRow(record)) }),
      ...(options.ocsf === false ? {} : { ocsf: full.map(({ record }) => JSON.stringify(auditOcsf(record))) }),
      signer: options.signer ?? this.key.signer,
    };
  }

  /** A whole bundle as bytes. */
  async bundle(options: ExportOptions = {}): Promise<Uint8Array> {
    return collect(writeBundle(this.input(options)));
  }
}

export interface ExportOptions {
  anchor?: number;
  lastSeq?: number;
  inScope?: (record: AuditRecord) => boolean;
  scope?: BundleScope;
  keys?: BundleKey[];
  signer?: BundleSigner;
  csv?: boolean;
  ocsf?: boolean;
}

export async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
