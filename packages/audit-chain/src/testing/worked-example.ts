/**
 * The worked example of docs/audit-bundle.md §9: fixed records, the RFC 8032 test key 1, and every
 * value derived from them. A test recomputes them and checks the document shows the same hex.
 */
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import {
  BUNDLE_FORMAT,
  type BundleKey,
  elidedLine,
  eventLine,
  manifestMessage,
  type UnsignedManifest,
} from '../bundle/format';
import { fromHex, toBase64, toHex } from '../bytes';
import { canonicalJson } from '../canonical';
import { GENESIS, leafPreimage, linkPreimage, recordText } from '../chain';
import { checkpointMessage, keyIdFromDigest } from '../checkpoint';
import type { AuditRecord } from '../record';

// RFC 8032 §7.1, test 1.
const SECRET = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const base64url = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');

export const EXAMPLE_RECORDS: AuditRecord[] = [
  {
    seq: 1,
    id: '41',
    occurredAt: '2026-12-01T10:00:00.123456Z',
    actor: { type: 'staff', id: '7', label: 'Zoë', roles: ['reviewer'] },
    action: 'case.claimed',
    outcome: 'success',
    target: { type: 'case', id: '12' },
    caseId: '12',
    grantId: null,
    details: { leaseMinutes: 10, queueId: 'urgent' },
    requestId: 'req_1',
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0',
  },
  {
    seq: 2,
    id: '40',
    occurredAt: '2026-12-01T10:00:01.000001Z',
    actor: { type: 'system', id: null, label: 'system', roles: [] },
    action: 'access.expired',
    outcome: 'success',
    target: { type: 'access_request', id: '3' },
    caseId: '9',
    grantId: null,
    details: {},
    requestId: null,
    ip: null,
    userAgent: null,
  },
];

export function workedExample() {
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: base64url(SECRET), x: base64url(PUBLIC) },
    format: 'jwk',
  });
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdFromDigest(sha256(fromHex(PUBLIC)));
  const key: BundleKey = {
    keyId,
    algorithm: 'Ed25519',
    publicKey: toBase64(fromHex(PUBLIC)),
    createdAt: '2026-11-01T00:00:00.000Z',
    retiredAt: null,
  };

  let previous = GENESIS;
  const steps = EXAMPLE_RECORDS.map((record) => {
    const text = recordText(record);
    const leaf = sha256(leafPreimage(text));
    const chain = sha256(linkPreimage(previous, leaf));
    previous = chain;
    return { text, leaf: toHex(leaf), chain: toHex(chain) };
  });
  const [first, second] = steps as [(typeof steps)[0], (typeof steps)[0]];

  const statement = { seq: 2, head: second.chain, issuedAt: '2026-12-01T10:00:05.000Z', keyId };
  const checkpointText = new TextDecoder().decode(checkpointMessage(statement));
  const checkpoint = { ...statement, signature: toBase64(sign(null, checkpointMessage(statement), privateKey)) };

  // The export of case 12: event 1 in full, event 2 (case 9) elided.
  const eventsJsonl = `${eventLine(1, first.leaf, first.chain, first.text)}\n${elidedLine(2, second.leaf, second.chain)}\n`;
  const checkpointsJsonl = `${JSON.stringify(checkpoint)}\n`;
  const keysJson = `${JSON.stringify({ format: 'docket.audit.keys.v1', keys: [key] }, null, 2)}\n`;
  const file = (name: 'events.jsonl' | 'checkpoints.jsonl' | 'keys.json', text: string) => ({
    name,
    bytes: new TextEncoder().encode(text).length,
    sha256: toHex(sha256(new TextEncoder().encode(text))),
  });
  const unsigned: UnsignedManifest = {
    format: BUNDLE_FORMAT,
    exportedAt: '2026-12-24T09:00:00.000Z',
    exportedBy: { id: '5', label: 'auditor' },
    scope: { kind: 'case', caseId: '12' },
    range: { anchor: 0, firstSeq: 1, lastSeq: 2 },
    counts: { events: 1, elided: 1, checkpoints: 1 },
    files: [
      file('keys.json', keysJson),
      file('checkpoints.jsonl', checkpointsJsonl),
      file('events.jsonl', eventsJsonl),
    ],
    keyId,
  };
  const manifestText = new TextDecoder().decode(manifestMessage(unsigned));
  const manifestSignature = toBase64(sign(null, manifestMessage(unsigned), privateKey));

  return {
    publicKey,
    key,
    keyId,
    steps,
    leafPreimageHex: toHex(leafPreimage(first.text)).slice(0, 16),
    linkPreimageHex: toHex(linkPreimage(GENESIS, fromHex(first.leaf))),
    checkpointText,
    checkpoint,
    eventsJsonl,
    checkpointsJsonl,
    keysJson,
    manifestText,
    manifest: { ...unsigned, signature: manifestSignature },
    canonicalRecord1: canonicalJson(EXAMPLE_RECORDS[0]),
  };
}
