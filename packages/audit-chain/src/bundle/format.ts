/**
 * The audit bundle (docs/audit-bundle.md): entry names, the JSON documents it holds, the line forms
 * of events.jsonl and the limits a verifier enforces.
 */
import { utf8 } from '../bytes';
import { canonicalJson } from '../canonical';

export const BUNDLE_FORMAT = 'docket.audit.bundle.v1';
export const KEYS_FORMAT = 'docket.audit.keys.v1';

export const EVENTS_FILE = 'events.jsonl';
export const CHECKPOINTS_FILE = 'checkpoints.jsonl';
export const KEYS_FILE = 'keys.json';
export const CSV_FILE = 'events.csv';
export const OCSF_FILE = 'events.ocsf.jsonl';
export const MANIFEST_FILE = 'manifest.json';

export const REQUIRED_FILES = [KEYS_FILE, CHECKPOINTS_FILE, EVENTS_FILE] as const;
export const OPTIONAL_FILES = [CSV_FILE, OCSF_FILE] as const;
export type BundleFileName = (typeof REQUIRED_FILES)[number] | (typeof OPTIONAL_FILES)[number];

/** Longest line a verifier accepts in a JSON Lines file; bounds its memory on hostile input. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** Largest manifest.json or keys.json (and saved checkpoint or published keys file) a verifier reads. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

export type BundleScope = { kind: 'period'; from: string; to: string } | { kind: 'case'; caseId: string };

export interface BundleKey {
  /** `keyIdFromDigest(SHA-256(raw public key))`. */
  keyId: string;
  algorithm: 'Ed25519';
  /** The raw 32-byte public key, base64. */
  publicKey: string;
  createdAt: string;
  /** When the key stopped signing; null while it is current. */
  retiredAt: string | null;
}

export interface KeysDocument {
  format: typeof KEYS_FORMAT;
  keys: BundleKey[];
}

export interface ManifestFileEntry {
  name: BundleFileName;
  bytes: number;
  /** SHA-256 of the entry's uncompressed content, lowercase hex. */
  sha256: string;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  exportedAt: string;
  exportedBy: { id: string; label: string };
  scope: BundleScope;
  /** `anchor` is 0 (genesis) or the seq of a checkpoint; events run from anchor + 1 to lastSeq. */
  range: { anchor: number; firstSeq: number; lastSeq: number };
  /** `events` full events and `elided` elided lines; together lastSeq − anchor. */
  counts: { events: number; elided: number; checkpoints: number };
  files: ManifestFileEntry[];
  keyId: string;
  /** Ed25519 over `manifestMessage(manifest)`, base64. */
  signature: string;
}

export type UnsignedManifest = Omit<BundleManifest, 'signature'>;

/** The exact bytes a manifest signature covers: JCS of the manifest without its signature. */
export function manifestMessage(manifest: UnsignedManifest | BundleManifest): Uint8Array {
  const { signature: _signature, ...unsigned } = manifest as BundleManifest;
  return utf8(canonicalJson(unsigned));
}

/** A line of events.jsonl for an event inside the export's scope; `recordText` is its canonical text. */
export function eventLine(seq: number, leaf: string, chain: string, recordText: string): string {
  return `{"seq":${seq},"leaf":"${leaf}","chain":"${chain}","event":${recordText}}`;
}

/** A line of events.jsonl for an event outside the export's scope: its place in the chain, nothing else. */
export function elidedLine(seq: number, leaf: string, chain: string): string {
  return `{"seq":${seq},"leaf":"${leaf}","chain":"${chain}"}`;
}
