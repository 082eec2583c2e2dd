/**
 * Production (ADR 032): the signed package holds what the order reaches and nothing else, each item
 * is logged by its message ids, and the package verifies offline against an audit bundle — while
 * one changed byte fails it.
 */
import { verifyDisclosure } from '@docket/audit-chain';
import { nodeCryptoProvider } from '@docket/audit-chain/node';
import { blob, unzip } from '@docket/audit-chain/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { legalRead, producedWarrant } from '../testing/legal';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const decoder = new TextDecoder();

async function bundleSince(from: string) {
  await t.seal();
  const auditor = await t.signedIn(['auditor']);
  const to = new Date(Date.now() + 1000).toISOString();
  await t.seal();
  const response = await t.request('GET', `/api/audit/export?scope=period&from=${from}&to=${to}`, {
    session: auditor.session,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function verify(pkg: Uint8Array, bundle: Uint8Array) {
  const keys = await (await t.request('GET', '/api/audit/keys')).json();
  return verifyDisclosure(blob(pkg), blob(bundle), { crypto: nodeCryptoProvider(), trust: { keys } });
}

/** The package with one byte changed at the first occurrence of `text`. */
function flipped(pkg: Uint8Array, text: string): Uint8Array {
  const copy = pkg.slice();
  const at = Buffer.from(copy).indexOf(text);
  expect(at).toBeGreaterThan(0);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
}

describe('producing a disclosure', () => {
  it('packages what the narrowed order reaches, logs each item by id, and ends the grant', async () => {
    const { recorder, people, id, pkg } = await producedWarrant(t, platform);
    const entries = await unzip(pkg);
    expect([...entries.keys()].sort()).toEqual([
      'content.json',
      'manifest.json',
      'metadata.json',
      'order.json',
      'subscriber.json',
    ]);
    const content = JSON.parse(decoder.decode(entries.get('content.json')));
    expect(content.map((m: { id: string; body: string }) => [m.id, m.body])).toEqual([
      ['nov1', 'November reply from the friend.'],
      ['nov2', 'November message from the target.'],
    ]);
    expect(decoder.decode(pkg)).not.toMatch(/October message|stranger’s message/);
    const subscribers = JSON.parse(decoder.decode(entries.get('subscriber.json')));
    expect(subscribers).toEqual([expect.objectContaining({ accountId: people.target })]);

    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('target_id', '=', id)
      .where('action', 'in', ['legal.produced', 'legal.item_disclosed'])
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.action, e.details.category ?? null])).toEqual([
      ['legal.produced', null],
      ['legal.item_disclosed', 'subscriber'],
      ['legal.item_disclosed', 'metadata'],
      ['legal.item_disclosed', 'content'],
    ]);
    expect(events[3]?.details.messageRefs).toEqual([
      [people.withTarget, 'nov1'],
      [people.withTarget, 'nov2'],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/November/);
    const request = await t.db.selectFrom('legal_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(request.status).toBe('produced');
    expect(events[0]?.details.manifestSha256).toBe(request.manifest_sha256);
    // Produced: the grant ended with it.
    expect((await legalRead(t, recorder.session, id, { category: 'metadata' })).status).toBe(403);
    const grant = await t.db
      .selectFrom('access_grant')
      .select('end_reason')
      .where('legal_request_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(grant.end_reason).toBe('produced');
  });

  it('verifies offline against an audit bundle, and one changed byte fails it', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const { pkg } = await producedWarrant(t, platform);
    const bundle = await bundleSince(from);
    const verified = await verify(pkg, bundle);
    expect(verified).toMatchObject({ ok: true, items: 4 });

    const changedItem = await verify(flipped(pkg, 'November reply'), bundle);
    expect(changedItem.ok).toBe(false);
    const changedManifest = await verify(flipped(pkg, '"producedAt"'), bundle);
    expect(changedManifest.ok).toBe(false);
    // A package the log never recorded fails too, however well it is signed.
    const { pkg: other } = await producedWarrant(t, platform);
    const unlogged = await verify(other, bundle);
    expect(unlogged).toMatchObject({ ok: false, file: 'manifest.json' });
  });
});
