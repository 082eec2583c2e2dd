/**
 * The deployment's access limits come from configuration: the API enforces them on every
 * request, approval and break-glass, and publishes them for the console's forms.
 */
import { beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { type TestSession, useTestApp } from '../testing/harness';
import { fileRequest, heldCase, JUSTIFICATION } from './test-helpers';

const t = useTestApp({
  ACCESS_MIN_MINUTES: '5',
  ACCESS_MAX_MINUTES: '60',
  ACCESS_PENDING_HOURS: '2',
  BREAK_GLASS_MAX_MINUTES: '3',
});
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const approve = (session: TestSession, id: string, body: object) =>
  t.request('POST', `/api/access/requests/${id}/approve`, { session, body });

it('publishes the configured limits', async () => {
  const { session } = await t.signedIn(['reviewer']);
  const response = await t.request('GET', '/api/access/policy', { session });
  expect(await response.json()).toEqual({
    minMinutes: 5,
    maxMinutes: 60,
    pendingHours: 2,
    breakGlassMaxMinutes: 3,
    justificationMinLength: 40,
    maxContext: 50,
  });
});

it('refuses requested durations outside the configured range, and pends for the configured time', async () => {
  const reviewer = await t.signedIn(['reviewer']);
  const caseId = await heldCase(t, platform, reviewer.session);
  for (const durationMinutes of [4, 61]) {
    const refused = await fileRequest(t, reviewer.session, caseId, { durationMinutes });
    expect(refused.status, `${durationMinutes} minutes`).toBe(400);
    expect((await refused.json()).errors).toEqual([{ field: 'durationMinutes', message: 'between 5 and 60 minutes' }]);
  }
  const filed = await (await fileRequest(t, reviewer.session, caseId, { durationMinutes: 60 })).json();
  const pendingFor = Date.parse(filed.pendingUntil) - Date.parse(filed.createdAt);
  expect(pendingFor).toBe(2 * 60 * 60 * 1000);
});

it('refuses an approval shortened below the configured minimum', async () => {
  const reviewer = await t.signedIn(['reviewer']);
  const supervisor = await t.signedIn(['supervisor']);
  const caseId = await heldCase(t, platform, reviewer.session);
  const filed = await (await fileRequest(t, reviewer.session, caseId, { durationMinutes: 30 })).json();
  expect((await approve(supervisor.session, filed.id, { durationMinutes: 4 })).status).toBe(400);
  const approved = await approve(supervisor.session, filed.id, { durationMinutes: 5 });
  expect(approved.status).toBe(200);
  const grant = await t.db
    .selectFrom('access_grant')
    .select(['starts_at', 'expires_at'])
    .where('request_id', '=', filed.id)
    .executeTakeFirstOrThrow();
  expect(grant.expires_at.getTime() - grant.starts_at.getTime()).toBe(5 * 60 * 1000);
});

it('caps break-glass at the configured maximum', async () => {
  const reviewer = await t.signedIn(['reviewer']);
  const caseId = await heldCase(t, platform, reviewer.session, 'violent_threat');
  const breakGlass = (durationMinutes: number) =>
    t.request('POST', `/api/cases/${caseId}/break-glass`, {
      session: reviewer.session,
      body: { justification: JUSTIFICATION, durationMinutes },
    });
  expect((await breakGlass(4)).status).toBe(400);
  expect((await breakGlass(3)).status).toBe(201);
});

it('refuses a configuration whose minimum exceeds its maximum, or a break-glass cap past the hard limit', () => {
  expect(() => loadConfig({ ACCESS_MIN_MINUTES: '90', ACCESS_MAX_MINUTES: '60' })).toThrow(/ACCESS_MIN_MINUTES/);
  expect(() => loadConfig({ BREAK_GLASS_MAX_MINUTES: '61' })).toThrow(/BREAK_GLASS_MAX_MINUTES/);
  expect(loadConfig({}).access).toMatchObject({
    minMinutes: 15,
    maxMinutes: 1440,
    pendingHours: 24,
    breakGlassMaxMinutes: 15,
  });
});
