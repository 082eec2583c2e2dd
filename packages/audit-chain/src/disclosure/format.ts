/**
 * A disclosure package (ADR 032): what a legal officer handed to an authority, as a zip of stored
 * entries — the items and a signed `manifest.json` that lists each item's SHA-256. The API records
 * the SHA-256 of the manifest file in the audit log (`legal.produced`), so the package, an audit
 * bundle covering that event and nothing else prove offline what was handed over.
 */
import { utf8 } from '../bytes';
import { canonicalJson } from '../canonical';

export const DISCLOSURE_FORMAT = 'docket.disclosure.v1';
export const DISCLOSURE_MANIFEST = 'manifest.json';
/** The audit action whose details carry `manifestSha256`, targeting the legal request. */
export const DISCLOSURE_EVENT = 'legal.produced';

export interface DisclosureItem {
  path: string;
  sha256: string;
  bytes: number;
  /** The target account the item is about; null for the order's own summary. */
  accountId: string | null;
  category: 'order' | 'subscriber' | 'metadata' | 'content';
  /** How many messages it holds (0 for subscriber data and the order). */
  messages: number;
}

export interface DisclosureManifest {
  format: typeof DISCLOSURE_FORMAT;
  legalRequestId: string;
  producedAt: string;
  items: DisclosureItem[];
  keyId: string;
  /** Ed25519 over `disclosureMessage(manifest)`, base64. */
  signature: string;
}

export type UnsignedDisclosureManifest = Omit<DisclosureManifest, 'signature'>;

/** The bytes the signature covers: JCS of the manifest without its signature. */
export function disclosureMessage(manifest: UnsignedDisclosureManifest | DisclosureManifest): Uint8Array {
  const { signature: _signature, ...unsigned } = manifest as DisclosureManifest;
  return utf8(canonicalJson(unsigned));
}
