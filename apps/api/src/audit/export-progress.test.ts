import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { holdNewCase } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();
let auditor: TestSession;

beforeAll(async () => {
  const platform = await t.serviceAccount();
  auditor = (await t.signedIn(['auditor'])).session;
  const reviewer = await t.signedIn(['reviewer']);
  await holdNewCase(t, platform, reviewer.session, aReport());
  await t.seal();
});

const period = () =>
  `scope=period&from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;
const progressOf = (id: string, session = auditor) => t.request('GET', `/api/audit/export/progress/${id}`, { session });

describe('an export saved by the browser’s own download', () => {
  it('records how far it got under the id the page chose, until every line has left', async () => {
    const id = randomUUID();
    const response = await t.request('GET', `/api/audit/export?${period()}&progressId=${id}`, { session: auditor });
    expect(response.status).toBe(200);
    const total = Number(response.headers.get('x-docket-export-lines'));
    const bytes = (await response.arrayBuffer()).byteLength;
    const progress = await (await progressOf(id)).json();
    expect(progress).toMatchObject({ status: 'done', linesTotal: total, linesSent: total, bytesSent: bytes });
  });

  it('tells the polling page why an export was refused', async () => {
    const id = randomUUID();
    const from = new Date(Date.now() + 86_400_000).toISOString();
    const to = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const refused = await t.request('GET', `/api/audit/export?scope=period&from=${from}&to=${to}&progressId=${id}`, {
      session: auditor,
    });
    expect(refused.status).toBe(404);
    expect(await (await progressOf(id)).json()).toMatchObject({
      status: 'failed',
      problem: { status: 404, detail: expect.stringContaining('No sealed audit events') },
    });
  });

  it('shows an export’s progress to no one but its exporter, and refuses a reused id', async () => {
    const id = randomUUID();
    expect(
      (await t.request('GET', `/api/audit/export?${period()}&progressId=${id}`, { session: auditor })).status,
    ).toBe(200);
    const other = (await t.signedIn(['auditor'])).session;
    expect((await progressOf(id, other)).status).toBe(404);
    const reused = await t.request('GET', `/api/audit/export?${period()}&progressId=${id}`, { session: other });
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ errors: [{ field: 'progressId' }] });
  });
});
