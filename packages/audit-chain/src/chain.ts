/**
 * The hash chain, as preimages: callers hash them with SHA-256 (node:crypto on the server and in
 * the CLI, Web Crypto in the browser). Leaf and link hashes are domain-separated by their first
 * byte, so a leaf can never be passed off as a link or the other way round.
 *
 *   leaf(n)  = SHA-256(0x00 || UTF-8(JCS(record n)))
 *   chain(n) = SHA-256(0x01 || chain(n-1) || leaf(n)),   chain(0) = 32 zero bytes
 */
import { concatBytes, utf8 } from './bytes';
import { canonicalJson } from './canonical';
import type { AuditRecord } from './record';

export const HASH_BYTES = 32;
export const GENESIS: Uint8Array = new Uint8Array(HASH_BYTES);

const LEAF = Uint8Array.of(0x00);
const LINK = Uint8Array.of(0x01);

const str = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/**
 * The record's canonical text: what the sealer stores and what an export's `event` holds. The
 * same bytes as `canonicalJson(record)` (a property test holds them equal), written with the
 * record's keys already in RFC 8785 order: the sealer spends most of its time here otherwise.
 * Only `details`, whose shape varies, goes through the general canonicaliser.
 */
export function recordText(record: AuditRecord): string {
  const { actor, target } = record;
  return (
    `{"action":${str(record.action)},"actor":{"id":${str(actor.id)},"label":${str(actor.label)},` +
    `"roles":[${actor.roles.map((role) => JSON.stringify(role)).join(',')}],"type":${str(actor.type)}},` +
    `"caseId":${str(record.caseId)},"details":${canonicalJson(record.details)},"grantId":${str(record.grantId)},` +
    `"id":${str(record.id)},"ip":${str(record.ip)},"occurredAt":${str(record.occurredAt)},` +
    `"outcome":${str(record.outcome)},"requestId":${str(record.requestId)},"seq":${JSON.stringify(record.seq)},` +
    `"target":${target === null ? 'null' : `{"id":${str(target.id)},"type":${str(target.type)}}`},` +
    `"userAgent":${str(record.userAgent)}}`
  );
}

export function leafPreimage(recordCanonicalText: string): Uint8Array {
  return concatBytes(LEAF, utf8(recordCanonicalText));
}

export function linkPreimage(previous: Uint8Array, leaf: Uint8Array): Uint8Array {
  if (previous.length !== HASH_BYTES || leaf.length !== HASH_BYTES) throw new TypeError('hashes are 32 bytes');
  return concatBytes(LINK, previous, leaf);
}
