/**
 * The offline verifier, shared by the CLI and the console: checks a bundle in the order of
 * docs/audit-bundle.md §6 and stops at the first failure, naming its file, its seq and why.
 */

import {
  type BundleScope,
  CHECKPOINTS_FILE,
  CSV_FILE,
  EVENTS_FILE,
  KEYS_FILE,
  type KeysDocument,
  MANIFEST_FILE,
  MAX_DOCUMENT_BYTES,
  manifestMessage,
  OCSF_FILE,
} from '../bundle/format';
import { FormatError, parseKeysDocument, parseManifest } from '../bundle/parse';
import { parseStrictJson, StrictJsonError } from '../bundle/strict-json';
import { toHex } from '../bytes';
import type { SignedCheckpoint } from '../checkpoint';
import type { RandomAccessBytes } from '../zip/read';
import { type BundleArchive, openBundle } from './archive';
import { type EventSink, walkChain } from './chain-walk';
import { checkCheckpointSignature, checkCheckpoints, checkpointHeads } from './checkpoints';
import { failureResult, VerificationFailure } from './failure';
import { assertMatchesManifest, digestChunks, recordCounter } from './files';
import { assertKeyValidAt, KeyRing, signatureValid, type Trust } from './keys';
import type { CryptoProvider } from './provider';
import { orderWitnessed, planWitnessed } from './witnessed';

export interface VerifyProgress {
  file: string;
  bytes: number;
  totalBytes: number;
}

export interface VerifyOptions {
  crypto: CryptoProvider;
  /** Pin trust: only these keys (ids and/or a published keys file) may sign. */
  trust?: Trust;
  /** A checkpoint saved earlier: the bundle must extend it. */
  savedCheckpoint?: SignedCheckpoint;
  /** Checkpoints witnessed outside Docket (a platform keeps every one): the bundle must agree with each it covers. */
  savedCheckpoints?: readonly SignedCheckpoint[];
  onProgress?: (progress: VerifyProgress) => void;
  /** Each full event of events.jsonl, in seq order, once its leaf matched (for `docket-verify --report`). */
  onEvent?: EventSink;
  /** A seq whose chain value to return as `headAt` (the checkpoint a report was computed against). */
  headAt?: number;
}

export interface VerifySuccess {
  ok: true;
  anchor: number;
  firstSeq: number;
  lastSeq: number;
  events: number;
  elided: number;
  checkpoints: number;
  /** Every key that signed the manifest or a checkpoint. */
  keyIds: string[];
  manifestKeyId: string;
  /** `pinned`: signed by keys the caller trusts; `bundle`: only by keys the bundle itself names. */
  trust: 'pinned' | 'bundle';
  /** The seq of the saved checkpoint the bundle was found to extend. */
  extends?: number;
  scope: BundleScope;
  exportedAt: string;
  exportedBy: { id: string; label: string };
  files: string[];
  /** chain(headAt) as lowercase hex, when asked for and inside the range. */
  headAt?: string;
}

export interface VerifyFailureResult {
  ok: false;
  file: string;
  seq?: number;
  reason: string;
}

export type VerifyResult = VerifySuccess | VerifyFailureResult;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Parses a small JSON document (manifest, keys file, saved checkpoint) from bytes. */
export function parseDocument<T>(bytes: Uint8Array, file: string, parse: (value: unknown) => T): T {
  let value: unknown;
  try {
    value = parseStrictJson(decoder.decode(bytes));
  } catch (error) {
    if (error instanceof StrictJsonError) throw new VerificationFailure(file, error.message);
    throw new VerificationFailure(file, 'is not valid UTF-8 JSON');
  }
  try {
    return parse(value);
  } catch (error) {
    if (error instanceof FormatError) throw new VerificationFailure(file, error.message);
    throw error;
  }
}

export async function verifyBundle(blob: RandomAccessBytes, options: VerifyOptions): Promise<VerifyResult> {
  try {
    return await verifyArchive(await openBundle(blob, options.crypto), options);
  } catch (error) {
    return failureResult(error);
  }
}

async function verifyArchive(archive: BundleArchive, options: VerifyOptions): Promise<VerifySuccess> {
  const { crypto: provider } = options;
  const witnessed = orderWitnessed([
    ...(options.savedCheckpoints ?? []),
    ...(options.savedCheckpoint ? [options.savedCheckpoint] : []),
  ]);
  const chunks = (name: string) => archive.chunks(name)[Symbol.asyncIterator]();
  const progress = (file: string) => (bytes: number) =>
    options.onProgress?.({ file, bytes, totalBytes: archive.size(file) });

  // 1. The container and the manifest.
  if (!archive.names.includes(MANIFEST_FILE)) throw new VerificationFailure('bundle', `${MANIFEST_FILE} is missing`);
  const manifest = parseDocument(await archive.read(MANIFEST_FILE, MAX_DOCUMENT_BYTES), MANIFEST_FILE, parseManifest);
  const listed = new Set<string>(manifest.files.map((file) => file.name));
  for (const name of archive.names) {
    if (name !== MANIFEST_FILE && !listed.has(name)) {
      throw new VerificationFailure('bundle', `${name} is not listed in the manifest`);
    }
  }
  for (const name of listed) {
    if (!archive.names.includes(name))
      throw new VerificationFailure('bundle', `${name} is listed in the manifest but missing`);
  }

  // 2. The manifest's signature, by a key of keys.json (a trusted one when pinned).
  const keysBytes = await archive.read(KEYS_FILE, MAX_DOCUMENT_BYTES);
  const keysDocument: KeysDocument = parseDocument(keysBytes, KEYS_FILE, parseKeysDocument);
  const keys = await KeyRing.build(keysDocument, provider, options.trust ?? {});
  const manifestKey = await keys.signer(manifest.keyId, 'the manifest', MANIFEST_FILE, provider);
  assertKeyValidAt(manifestKey, Date.parse(manifest.exportedAt), 'the manifest', MANIFEST_FILE);
  if (!(await signatureValid(provider, manifestKey, manifestMessage(manifest), manifest.signature))) {
    throw new VerificationFailure(MANIFEST_FILE, 'bad signature');
  }

  // 3. keys.json: every key matches its fingerprint; then the file matches the manifest.
  await keys.checkFingerprints(provider);
  assertMatchesManifest(manifest, KEYS_FILE, keysBytes.length, await provider.sha256(keysBytes));

  // 4. checkpoints.jsonl: order, range, keys and every signature; then the file.
  const { anchor, lastSeq } = manifest.range;
  const checkpoints = await checkCheckpoints({
    chunks: chunks(CHECKPOINTS_FILE),
    keys,
    provider,
    anchor,
    lastSeq,
    onBytes: progress(CHECKPOINTS_FILE),
  });
  if (checkpoints.count !== manifest.counts.checkpoints) {
    throw new VerificationFailure(
      CHECKPOINTS_FILE,
      `holds ${checkpoints.count} checkpoints but the manifest says ${manifest.counts.checkpoints}`,
    );
  }
  assertMatchesManifest(manifest, CHECKPOINTS_FILE, checkpoints.bytes, checkpoints.sha256);

  // 5. The saved checkpoints: genuine, and placed against the range (a rollback shows here).
  for (const saved of witnessed) {
    await checkCheckpointSignature(saved, keys, provider, `saved checkpoint ${saved.seq}`, 'saved checkpoint');
  }
  const witness = planWitnessed(witnessed, {
    anchor,
    lastSeq,
    anchorHead: checkpoints.anchorHead,
    lastIssuedAt: checkpoints.lastIssuedAt,
  });

  // 6. The chain, line by line, against every signed head; then the file.
  const walk = await walkChain({
    provider,
    chunks: chunks(EVENTS_FILE),
    anchor,
    anchorHead: checkpoints.anchorHead,
    checkpoints: checkpointHeads(chunks(CHECKPOINTS_FILE), anchor),
    lastSeq,
    saved: witness.inside,
    agreedAtAnchor: witness.agreedAtAnchor,
    onBytes: progress(EVENTS_FILE),
    ...(options.onEvent && { onEvent: options.onEvent }),
    ...(options.headAt !== undefined && { headAt: options.headAt }),
  });

  // 7. What was found agrees with what the manifest states.
  const { counts } = manifest;
  if (walk.events !== counts.events || walk.elided !== counts.elided) {
    throw new VerificationFailure(
      EVENTS_FILE,
      `holds ${walk.events} full and ${walk.elided} elided events but the manifest says ${counts.events} and ${counts.elided}`,
    );
  }
  assertMatchesManifest(manifest, EVENTS_FILE, walk.bytes, walk.sha256);

  // 8. The renderings for spreadsheets and SIEMs: one record per full event, as signed.
  for (const [name, quoted, header] of [
    [CSV_FILE, true, 1],
    [OCSF_FILE, false, 0],
  ] as const) {
    if (!listed.has(name)) continue;
    const counter = recordCounter(quoted);
    const onBytes = progress(name);
    const { bytes, sha256 } = await digestChunks(archive.chunks(name), provider, (chunk, total) => {
      counter.update(chunk);
      onBytes(total);
    });
    if (counter.records !== walk.events + header) {
      throw new VerificationFailure(
        name,
        `has ${counter.records - header} records but events.jsonl has ${walk.events} full events`,
      );
    }
    assertMatchesManifest(manifest, name, bytes, sha256);
  }

  return {
    ok: true,
    anchor,
    firstSeq: anchor + 1,
    lastSeq,
    events: walk.events,
    elided: walk.elided,
    checkpoints: checkpoints.count,
    keyIds: [...new Set([manifest.keyId, ...checkpoints.keyIds])].sort(),
    manifestKeyId: manifest.keyId,
    trust: keys.pinned ? 'pinned' : 'bundle',
    ...(witness.extends === null ? {} : { extends: witness.extends }),
    scope: manifest.scope,
    exportedAt: manifest.exportedAt,
    exportedBy: manifest.exportedBy,
    files: [...listed],
    ...(walk.headAt && { headAt: toHex(walk.headAt) }),
  };
}
