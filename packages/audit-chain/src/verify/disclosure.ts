/**
 * Checks a disclosure package against an audit bundle, offline: the bundle verifies; it holds the
 * `legal.produced` event for the package's request whose `manifestSha256` is the SHA-256 of the
 * package's manifest.json; a key of the bundle signed the manifest; every item hashes as listed,
 * and the package holds nothing else. One changed byte anywhere fails one of these.
 */
import { EVENTS_FILE, KEYS_FILE, MAX_DOCUMENT_BYTES } from '../bundle/format';
import { parseKeysDocument } from '../bundle/parse';
import { fromBase64, toHex } from '../bytes';
import {
  DISCLOSURE_EVENT,
  DISCLOSURE_FORMAT,
  DISCLOSURE_MANIFEST,
  type DisclosureManifest,
  disclosureMessage,
} from '../disclosure/format';
import type { RandomAccessBytes } from '../zip/read';
import { openBundle } from './archive';
import { failureResult, VerificationFailure } from './failure';
import { parseDocument, type VerifyOptions, type VerifySuccess, verifyBundle } from './verify';

export interface DisclosureSuccess {
  ok: true;
  legalRequestId: string;
  producedAt: string;
  manifestSha256: string;
  /** The seq of the audit event that recorded the manifest's hash. */
  loggedAt: number;
  items: number;
  keyId: string;
  bundle: VerifySuccess;
}

export interface DisclosureFailure {
  ok: false;
  file: string;
  reason: string;
  seq?: number;
}

export async function verifyDisclosure(
  pkg: RandomAccessBytes,
  bundle: RandomAccessBytes,
  options: VerifyOptions,
): Promise<DisclosureSuccess | DisclosureFailure> {
  const verified = await verifyBundle(bundle, options);
  if (!verified.ok) return { ...verified, file: `bundle: ${verified.file}` };
  try {
    return await checkPackage(pkg, bundle, verified, options);
  } catch (error) {
    return failureResult(error);
  }
}

function parseManifest(value: unknown): DisclosureManifest {
  const manifest = value as DisclosureManifest;
  if (
    manifest?.format !== DISCLOSURE_FORMAT ||
    typeof manifest.legalRequestId !== 'string' ||
    typeof manifest.keyId !== 'string' ||
    typeof manifest.signature !== 'string' ||
    !Array.isArray(manifest.items)
  ) {
    throw new VerificationFailure(DISCLOSURE_MANIFEST, `is not a ${DISCLOSURE_FORMAT} manifest`);
  }
  return manifest;
}

async function checkPackage(
  pkg: RandomAccessBytes,
  bundle: RandomAccessBytes,
  verified: VerifySuccess,
  options: VerifyOptions,
) {
  const crypto = options.crypto;
  const archive = await openBundle(pkg, crypto);
  const manifestBytes = await archive.read(DISCLOSURE_MANIFEST, MAX_DOCUMENT_BYTES);
  const manifest = parseDocument(manifestBytes, DISCLOSURE_MANIFEST, parseManifest);
  const manifestSha256 = toHex(await crypto.sha256(manifestBytes));

  // The log recorded this very manifest for this request.
  const bundleArchive = await openBundle(bundle, crypto);
  const loggedAt = await findProducedEvent(bundleArchive.chunks(EVENTS_FILE), manifest.legalRequestId, manifestSha256);
  if (loggedAt === null) {
    throw new VerificationFailure(
      DISCLOSURE_MANIFEST,
      `its SHA-256 ${manifestSha256} is not the one the audit log recorded for request ${manifest.legalRequestId}`,
    );
  }

  // Signed by a key of the verified bundle (one the caller pinned, when they pinned any).
  const keys = parseDocument(await bundleArchive.read(KEYS_FILE, MAX_DOCUMENT_BYTES), KEYS_FILE, parseKeysDocument);
  const key = keys.keys.find((each) => each.keyId === manifest.keyId);
  const pinned = [...(options.trust?.keyIds ?? []), ...(options.trust?.keys?.keys.map((each) => each.keyId) ?? [])];
  if (!key || (pinned.length > 0 && !pinned.includes(manifest.keyId))) {
    throw new VerificationFailure(
      DISCLOSURE_MANIFEST,
      `signed by ${manifest.keyId}, which the bundle does not vouch for`,
    );
  }
  const signed = await crypto.verifyEd25519(
    fromBase64(key.publicKey),
    disclosureMessage(manifest),
    fromBase64(manifest.signature),
  );
  if (!signed) throw new VerificationFailure(DISCLOSURE_MANIFEST, 'the signature does not verify');

  // Every item as listed, and nothing unlisted.
  const listed = new Set(manifest.items.map((item) => item.path));
  for (const name of archive.names) {
    if (name !== DISCLOSURE_MANIFEST && !listed.has(name)) {
      throw new VerificationFailure(name, 'is not listed in the manifest');
    }
  }
  for (const item of manifest.items) {
    if (!archive.names.includes(item.path)) throw new VerificationFailure(item.path, 'is listed but missing');
    const stream = crypto.createSha256();
    for await (const chunk of archive.chunks(item.path)) stream.update(chunk);
    const digest = toHex(await stream.digest());
    if (digest !== item.sha256) throw new VerificationFailure(item.path, `hashes to ${digest}, not ${item.sha256}`);
  }
  return {
    ok: true as const,
    legalRequestId: manifest.legalRequestId,
    producedAt: manifest.producedAt,
    manifestSha256,
    loggedAt,
    items: manifest.items.length,
    keyId: manifest.keyId,
    bundle: verified,
  };
}

async function findProducedEvent(
  chunks: AsyncIterable<Uint8Array>,
  legalRequestId: string,
  manifestSha256: string,
): Promise<number | null> {
  const decoder = new TextDecoder();
  let rest = '';
  const match = (line: string): number | null => {
    if (!line.includes(DISCLOSURE_EVENT)) return null;
    const { seq, event } = JSON.parse(line) as {
      seq: number;
      event?: { action: string; target: { id: string } | null; details: Record<string, unknown> };
    };
    return event?.action === DISCLOSURE_EVENT &&
      event.target?.id === legalRequestId &&
      event.details.manifestSha256 === manifestSha256
      ? seq
      : null;
  };
  for await (const chunk of chunks) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const seq = match(line);
      if (seq !== null) return seq;
    }
  }
  return rest ? match(rest) : null;
}
