import { figureKey, type TransparencyReport, verifyReport } from '@docket/audit-chain';
import { nodeCryptoProvider } from '@docket/audit-chain/node';
import { FIGURES } from '@docket/audit-chain/report';
import { blob } from '@docket/audit-chain/testing';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { JUSTIFICATION, requestAccess } from '../../testing/access';
import { appealAgainst } from '../../testing/appeals';
import { aDecision, holdNewCase } from '../../testing/cases';
import type { TestSession } from '../../testing/harness';
import { useTestApp } from '../../testing/harness';
import { producedWarrant } from '../../testing/legal';
import { aReport } from '../../testing/reports';
import { foldPeriod } from './compute';
import { CSV_COLUMNS } from './csv';
import { EXPECTED_FIGURES_SQL } from './expected-sql';

const t = useTestApp();
let platform: { keyId: string; secret: string };
let auditor: TestSession;
let supervisor: TestSession;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const range = () => `from=${day(-1)}&to=${day(1)}`;
const period = () => ({ from: `${day(-1)}T00:00:00.000Z`, to: `${day(2)}T00:00:00.000Z`, label: 'test' });

async function decideCase(session: TestSession, caseId: string, action: 'warn' | 'remove_messages', policy: string) {
  const decided = await t.request('POST', `/api/cases/${caseId}/decisions`, {
    session,
    body: aDecision(action, policy, 'Clear breach of the policy after reading the context.'),
  });
  expect(decided.status, await decided.clone().text()).toBe(201);
  return (await decided.json()).id as string;
}

/** A period with every pathway: approved, shortened, denied and cancelled requests, reads, break-glass, an appeal, an order. */
async function seedPeriod() {
  const approver = supervisor;
  const reader = await t.signedIn(['reviewer']);
  const first = await holdNewCase(t, platform, reader.session, aReport({ category: 'harassment' }));
  const asked = await (await requestAccess(t, reader.session, first, { durationMinutes: 60 })).json();
  await t.request('POST', `/api/access/requests/${asked.id}/approve`, {
    session: approver,
    body: { durationMinutes: 30 },
  });
  await t.request('GET', `/api/cases/${first}/conversation`, { session: reader.session });
  const warned = await decideCase(reader.session, first, 'warn', 'HR-1');

  const denied = await t.signedIn(['reviewer']);
  const second = await holdNewCase(t, platform, denied.session, aReport({ category: 'harassment' }));
  const refused = await (
    await requestAccess(t, denied.session, second, { justificationCode: 'OWN_INITIATIVE_REVIEW' })
  ).json();
  await t.request('POST', `/api/access/requests/${refused.id}/deny`, {
    session: approver,
    body: { reason: 'The evidence already shows enough.' },
  });
  const again = await (await requestAccess(t, denied.session, second)).json();
  await t.request('POST', `/api/access/requests/${again.id}/cancel`, { session: denied.session, body: {} });

  const urgent = await t.signedIn(['reviewer']);
  const third = await holdNewCase(t, platform, urgent.session, aReport({ category: 'violent_threat' }));
  const glass = await t.request('POST', `/api/cases/${third}/break-glass`, {
    session: urgent.session,
    body: { justification: JUSTIFICATION, durationMinutes: 10 },
  });
  expect(glass.status).toBe(201);
  await t.request('GET', `/api/cases/${third}/conversation`, { session: urgent.session });
  await t.request('POST', `/api/access/break-glass/${(await glass.json()).id}/review`, {
    session: approver,
    body: { outcome: 'justified' },
  });
  await decideCase(urgent.session, third, 'remove_messages', 'VT-1');

  expect((await appealAgainst(t, platform, warned)).status).toBe(200);
  const judge = await t.signedIn(['reviewer']);
  const claimed = await (
    await t.request('POST', '/api/queues/appeals/claim-next', { session: judge.session, body: {} })
  ).json();
  await t.request('POST', `/api/cases/${claimed.case.id}/appeal-outcome`, {
    session: judge.session,
    body: { outcome: 'reversed', publicReason: 'On a second look the messages did not break the harassment rules.' },
  });

  await producedWarrant(t, platform, {
    nonDisclosure: { until: '2027-06-01T00:00:00Z', statute: '18 U.S.C. § 2705(b)' },
  });
  await t.seal();
}

beforeAll(async () => {
  platform = await t.serviceAccount();
  auditor = (await t.signedIn(['auditor'])).session;
  supervisor = (await t.signedIn(['reviewer', 'supervisor'])).session;
  await seedPeriod();
}, 120_000);

describe('a transparency report', () => {
  it('has every figure equal to an independent count in SQL over the period’s sealed events', async () => {
    const { fold, checkpoint } = await foldPeriod(t.db, period());
    const query = EXPECTED_FIGURES_SQL.replace('$1', `'${period().from}'`)
      .replace('$2', `'${period().to}'`)
      .replace('$3', String(checkpoint.seq));
    const computed = await sql.raw<{ key: string; value: string | null }>(query).execute(t.db);
    const sqlFigures = new Map(
      computed.rows.filter((row) => row.value !== null).map((row) => [row.key, Number(row.value)]),
    );
    const folded = new Map(
      fold
        .result()
        .filter((figure) => figure.value !== null && figure.value !== 0)
        .map((figure) => [figureKey(figure), figure.value as number]),
    );
    for (const [key, value] of [...sqlFigures]) if (value === 0) sqlFigures.delete(key);
    expect(Object.fromEntries(folded)).toEqual(Object.fromEntries(sqlFigures));
    expect(folded.size).toBeGreaterThan(40);
    // The seeded period reaches every section.
    for (const prefix of [
      'access.grants[',
      'access.messages_read[',
      'legal.requests_received[',
      'moderation.decisions[',
      'moderation.appeals_decided[',
    ]) {
      expect(
        [...folded.keys()].some((key) => key.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  it('is published as a version whose hash, checkpoint and period the audit log records', async () => {
    const response = await t.request('POST', '/api/transparency/reports', {
      session: auditor,
      body: { from: day(-1), to: day(1), threshold: 3, notes: 'Seeded test period.' },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const published = await response.json();
    expect(published).toMatchObject({ version: 1, changes: null });
    const json = await (await t.request('GET', `/api/transparency/reports/${published.id}/report.json`)).text();
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(json).digest('hex')).toBe(published.sha256);
    const [event] = await t.auditEvents('transparency.report_published');
    expect(event?.details).toMatchObject({
      sha256: published.sha256,
      version: 1,
      checkpoint: {
        seq: published.report.computedAgainst.checkpoint.seq,
        head: published.report.computedAgainst.checkpoint.head,
      },
    });
  });

  it('recomputes offline from the exported period bundle, and names a figure changed in the report', async () => {
    const list = await (await t.request('GET', '/api/transparency/reports')).json();
    const json = await (await t.request('GET', `/api/transparency/reports/${list.items[0].id}/report.json`)).text();
    const report = JSON.parse(json) as TransparencyReport;
    await t.seal();
    const exported = await t.request(
      'GET',
      `/api/audit/export?scope=period&from=${report.period.from}&to=${report.period.to}`,
      {
        session: auditor,
      },
    );
    expect(exported.status).toBe(200);
    const bundle = blob(new Uint8Array(await exported.arrayBuffer()));
    const keys = await (await t.request('GET', '/api/audit/keys')).json();
    const options = { crypto: nodeCryptoProvider(), trust: { keys } };
    const agreed = await verifyReport(new TextEncoder().encode(json), bundle, options);
    expect(agreed).toMatchObject({ ok: true });

    const figures = report.figures.map((figure) =>
      figure.id === 'access.requests_denied' ? { ...figure, status: 'exact', value: 7, range: null } : figure,
    );
    const changed = await verifyReport(
      new TextEncoder().encode(JSON.stringify({ ...report, figures })),
      bundle,
      options,
    );
    expect(changed.ok).toBe(false);
    if (!changed.ok)
      expect(changed.differences?.map((d) => d.key)).toEqual(['access.requests_denied[code=OWN_INITIATIVE_REVIEW]']);
  });

  it('keeps every version: a correction is version 2 and shows what changed', async () => {
    const reader = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(t, platform, reader.session, aReport({ category: 'spam' }));
    for (let i = 0; i < 3; i++) {
      const asked = await (
        await requestAccess(t, reader.session, caseId, { justificationCode: 'APPEAL_REVIEW' })
      ).json();
      await t.request('POST', `/api/access/requests/${asked.id}/cancel`, { session: reader.session, body: {} });
    }
    await t.seal();
    const response = await t.request('POST', '/api/transparency/reports', {
      session: auditor,
      body: { from: day(-1), to: day(1), threshold: 3 },
    });
    const corrected = await response.json();
    expect(corrected.version).toBe(2);
    expect(corrected.changes).toContainEqual(
      expect.objectContaining({
        key: 'access.requests_made[code=APPEAL_REVIEW]',
        before: null,
        after: { status: 'exact', value: 3, range: null },
      }),
    );
    const list = await (await t.request('GET', '/api/transparency/reports')).json();
    expect(list.items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
    await expect(sql`update transparency_report set sha256 = repeat('0', 64)`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from transparency_report`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('validates against its published JSON Schema, and every CSV sheet has the template’s columns', async () => {
    const schema = await (await t.request('GET', '/api/transparency/report-schema.json')).json();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat('base64', /^[A-Za-z0-9+/]*={0,2}$/);
    const validate = ajv.compile(schema);
    const [latest] = (await (await t.request('GET', '/api/transparency/reports')).json()).items;
    const report = await (await t.request('GET', `/api/transparency/reports/${latest.id}/report.json`)).json();
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, figures: [{ ...report.figures[0], id: 'made.up' }] })).toBe(false);
    // Each figure id in the schema carries its one definition.
    const ids = schema.$defs.TransparencyReportFigure.properties.id.oneOf.map(
      (entry: { const: string }) => entry.const,
    );
    expect(ids).toEqual(FIGURES.map((figure) => figure.id));
    for (const [sheet, columns] of Object.entries(CSV_COLUMNS)) {
      const csv = await (await t.request('GET', `/api/transparency/reports/${latest.id}/csv/${sheet}`)).text();
      expect(csv.split('\r\n')[0]).toBe(columns.join(','));
    }
  });

  it('never shows a count below the threshold exactly, in JSON or CSV', async () => {
    const response = await t.request('GET', `/api/transparency/reports/preview?${range()}&threshold=50`, {
      session: auditor,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as TransparencyReport;
    const { fold } = await foldPeriod(t.db, period());
    const small = fold.result().filter((figure) => figure.kind === 'count' && (figure.value as number) > 0);
    expect(small.length).toBeGreaterThan(5);
    for (const raw of small) {
      const shown = report.figures.find((figure) => figureKey(figure) === figureKey(raw));
      expect(shown).toMatchObject({ status: 'suppressed', value: null, range: { min: 1, max: 49 } });
    }
    const publish = await t.request('POST', '/api/transparency/reports', {
      session: auditor,
      body: { from: day(-1), to: day(1), threshold: 50 },
    });
    expect(publish.status).toBe(201);
    const { id } = await publish.json();
    for (const sheet of Object.keys(CSV_COLUMNS).filter((name) => name !== 'qualitative')) {
      const csv = await (await t.request('GET', `/api/transparency/reports/${id}/csv/${sheet}`)).text();
      const cells = csv
        .split('\r\n')
        .slice(1)
        .flatMap((line) => line.split(','));
      const numbers = cells.filter((cell) => /^\d+(\.\d+)?$/.test(cell)).map(Number);
      expect(
        numbers.filter((value) => value > 0 && value < 50),
        sheet,
      ).toEqual([]);
      expect(
        cells.some((cell) => cell === '1-49'),
        sheet,
      ).toBe(sheet !== 'human_resources' || cells.includes('1-49'));
    }
  });

  it('refuses a period it cannot read, naming the field, and lets only auditors preview or publish', async () => {
    const bad = await t.request('GET', `/api/transparency/reports/preview?from=${day(1)}&to=${day(-1)}`, {
      session: auditor,
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual([expect.objectContaining({ field: 'to' })]);
    const both = await t.request('POST', '/api/transparency/reports', {
      session: auditor,
      body: { period: '2026', from: day(0), to: day(0) },
    });
    expect(both.status).toBe(400);
    const reviewer = await t.signedIn(['reviewer']);
    const refused = await t.request('POST', '/api/transparency/reports', {
      session: reviewer.session,
      body: { period: '2026' },
    });
    expect(refused.status).toBe(403);
  });
});
