import { verifyBundle } from '@docket/audit-chain';
import { nodeCryptoProvider } from '@docket/audit-chain/node';
import { blob, unzip, zip } from '@docket/audit-chain/testing';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { holdNewCase } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { expectInvalidFields } from '../testing/problems';
import { aReport } from '../testing/reports';

const t = useTestApp();
let platform: { keyId: string; secret: string };
let auditor: TestSession;

beforeAll(async () => {
  platform = await t.serviceAccount();
  auditor = (await t.signedIn(['auditor'])).session;
});

const decoder = new TextDecoder();
const exportBundle = (query: string, session = auditor) => t.request('GET', `/api/audit/export?${query}`, { session });

async function bundleOf(query: string) {
  const response = await exportBundle(query);
  expect(response.status, await response.clone().text()).toBe(200);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Verifies like an outside auditor: only the bundle and the keys the API publishes are trusted. */
async function verify(bytes: Uint8Array) {
  const keys = await (await t.request('GET', '/api/audit/keys')).json();
  return verifyBundle(blob(bytes), { crypto: nodeCryptoProvider(), trust: { keys } });
}

function lines(entries: Map<string, Uint8Array>, name: string) {
  return decoder
    .decode(entries.get(name))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** A reviewer's case with some history, sealed; returns the case and the report (for its texts). */
async function sealedCase() {
  const reviewer = await t.signedIn(['reviewer']);
  const report = aReport();
  const caseId = await holdNewCase(t, platform, reviewer.session, report);
  await t.request('GET', `/api/cases/${caseId}`, { session: reviewer.session });
  await t.request('POST', `/api/cases/${caseId}/evidence/reveal`, { session: reviewer.session });
  await t.seal();
  return { caseId, report };
}

describe('exporting the audit log', () => {
  it('exports a period as a bundle that verifies against the published keys alone', async () => {
    const before = new Date(Date.now() - 1).toISOString();
    await sealedCase();
    const after = new Date(Date.now() + 1).toISOString();
    await sealedCase(); // more sealed events after the period, so the range has to end at a checkpoint

    const { response, bytes } = await bundleOf(`scope=period&from=${before}&to=${after}`);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="docket-audit-.*\.zip"$/);
    const result = await verify(bytes);
    expect(result).toMatchObject({ ok: true, trust: 'pinned', scope: { kind: 'period', from: before, to: after } });

    const entries = await unzip(bytes);
    const events = lines(entries, 'events.jsonl');
    expect(Number(response.headers.get('x-docket-export-lines'))).toBe(events.length);
    const full = events.filter((line) => line.event);
    expect(full.length).toBeGreaterThan(3);
    for (const line of full) {
      expect(line.event.occurredAt >= before && line.event.occurredAt < after, line.event.occurredAt).toBe(true);
    }
    // Anything else in the range is elided: its place in the chain, nothing about it.
    for (const line of events.filter((l) => !l.event)) expect(Object.keys(line)).toEqual(['seq', 'leaf', 'chain']);
  });

  it('exports a period longer than one read from the database, every seq once and in order', async () => {
    await sealedCase();
    const from = new Date().toISOString();
    // More events than one window of the export's reads (2,500 seqs, in texts of 100 lines).
    await sql`insert into audit_event (actor_type, actor_id, action, outcome, details)
      select 'system', 'bench', 'case.opened', 'success', jsonb_build_object('n', i)
      from generate_series(1, 5300) i`.execute(t.db);
    await t.seal();
    const { bytes } = await bundleOf(`scope=period&from=${from}&to=${new Date(Date.now() + 60_000).toISOString()}`);
    expect(await verify(bytes)).toMatchObject({ ok: true });
    const seqs = lines(await unzip(bytes), 'events.jsonl').map((line) => line.seq as number);
    expect(seqs.length).toBeGreaterThanOrEqual(5300);
    expect(seqs).toEqual(seqs.map((_, index) => (seqs[0] as number) + index));
  });

  it('exports one case, eliding every other case’s events and never carrying content', async () => {
    const other = await sealedCase();
    const { caseId, report } = await sealedCase();
    await sealedCase();

    const { bytes } = await bundleOf(`scope=case&caseId=${caseId}`);
    expect(await verify(bytes)).toMatchObject({ ok: true, scope: { kind: 'case', caseId } });
    const entries = await unzip(bytes);
    const full = lines(entries, 'events.jsonl').filter((line) => line.event);
    expect(full.map((line) => line.event.action)).toEqual(
      expect.arrayContaining(['case.claimed', 'case.opened', 'evidence.revealed']),
    );
    expect(full.every((line) => line.event.caseId === caseId)).toBe(true);

    const text = [...entries.values()].map((entry) => decoder.decode(entry)).join('\n');
    expect(text).not.toContain(other.caseId);
    for (const message of report.messages) expect(text).not.toContain(message.body);
    expect(text).not.toContain(report.reporterText);
  });

  it('adds CSV and OCSF renderings when asked, covered by the signed manifest', async () => {
    const { caseId } = await sealedCase();
    const { bytes } = await bundleOf(`scope=case&caseId=${caseId}&formats=csv,ocsf`);
    const result = await verify(bytes);
    expect(result.ok && result.files).toEqual(expect.arrayContaining(['events.csv', 'events.ocsf.jsonl']));
    const entries = await unzip(bytes);
    const csvRows = decoder.decode(entries.get('events.csv')).trimEnd().split('\r\n');
    const full = lines(entries, 'events.jsonl').filter((line) => line.event);
    expect(csvRows).toHaveLength(full.length + 1); // and the header
    const ocsf = lines(entries, 'events.ocsf.jsonl');
    expect(ocsf).toHaveLength(full.length);
    expect(ocsf.every((event) => typeof event.class_uid === 'number' && event.metadata)).toBe(true);
  });

  it('records the export itself, before streaming it', async () => {
    const { caseId } = await sealedCase();
    const { response } = await bundleOf(`scope=case&caseId=${caseId}`);
    const [event] = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('request_id', '=', response.headers.get('x-request-id'))
      .execute();
    expect(event).toMatchObject({
      action: 'audit.exported',
      case_id: caseId,
      details: { scope: { kind: 'case', caseId }, formats: [] },
    });
  });

  it('fails verification, naming the line, when an exported event is edited', async () => {
    const { caseId } = await sealedCase();
    const { bytes } = await bundleOf(`scope=case&caseId=${caseId}`);
    const entries = await unzip(bytes);
    const text = decoder.decode(entries.get('events.jsonl'));
    const edited = text.replace('"action":"evidence.revealed"', '"action":"evidence.hidden"');
    expect(edited).not.toBe(text);
    entries.set('events.jsonl', new TextEncoder().encode(edited));
    const result = await verify(await zip(entries));
    expect(result.ok).toBe(false);
    const revealed = lines(entries, 'events.jsonl').find((line) => line.event?.action === 'evidence.hidden');
    expect(result).toMatchObject({ ok: false, seq: revealed.seq });
  });

  it('refuses what cannot be exported with a clear problem', async () => {
    const nothing = await exportBundle('scope=case&caseId=00000000-0000-4000-8000-000000000000');
    expect(nothing.status).toBe(404);
    expect((await nothing.json()).detail).toMatch(/No sealed audit events/);

    await expectInvalidFields(
      [
        ['scope=period&from=2026-01-01T00:00:00Z', 'to'],
        ['scope=case', 'caseId'],
        ['scope=period&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
        ['scope=everything', 'scope'],
        ['scope=case&caseId=00000000-0000-4000-8000-000000000000&formats=pdf', 'formats'],
      ] as const,
      (query) => exportBundle(query),
    );

    const reviewer = await t.signedIn(['reviewer']);
    expect(
      (await exportBundle('scope=case&caseId=00000000-0000-4000-8000-000000000000', reviewer.session)).status,
    ).toBe(403);
  });
});
