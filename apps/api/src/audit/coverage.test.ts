/**
 * Audit coverage, enumerated from the app itself: every route that changes something or returns
 * content declares what it records (`x-audit`), and calling it writes exactly one event — with
 * that action and the request's id — in the same transaction (and, declared too, the events the
 * platform is told of it). Refusals are events too.
 */
import { AUDIT_ACTIONS, type RecordLegalRequestBody } from '@docket/contracts';
import { ROLES } from '@docket/permissions';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_EVENTS } from '../actions/events';
import { JUSTIFICATION, requestAccess } from '../testing/access';
import { appealAgainst } from '../testing/appeals';
import { aDecision, casesVia, closeOtherOpenCases, holdNewCase } from '../testing/cases';
import { type TestResponse, useTestApp } from '../testing/harness';
import {
  aLegalRequest,
  decide,
  decidedRequest,
  legalOfficers,
  legalRead,
  producedWarrant,
  recordVia,
  step,
} from '../testing/legal';
import { aReport } from '../testing/reports';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

interface ApiRoute {
  key: string;
  method: string;
  path: string;
  audit: string[];
  /** Whether a 2xx response can carry message bodies or reporter texts. */
  returnsContent: boolean;
}

const CONTENT_FIELDS = new Set(['body', 'reporterText']);

function mentionsContent(schema: unknown, seen = new Set<unknown>()): boolean {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return false;
  seen.add(schema);
  const properties = (schema as { properties?: Record<string, unknown> }).properties ?? {};
  if (Object.keys(properties).some((name) => CONTENT_FIELDS.has(name))) return true;
  return Object.values(schema).some((value) => mentionsContent(value, seen));
}

function apiRoutes(): ApiRoute[] {
  const document = t.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'coverage', version: '0' } });
  const resolve = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (_key, node) => {
      const ref = node?.$ref as string | undefined;
      return ref ? document.components?.schemas?.[ref.split('/').pop() as string] : node;
    });
  const routes = new Map<string, ApiRoute>();
  for (const route of t.app.routes) {
    if (!route.path.startsWith('/api/') || route.method === 'ALL') continue;
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    const operation = document.paths?.[openApiPath]?.[route.method.toLowerCase() as 'get'] as
      | { 'x-audit'?: string[]; responses?: Record<string, unknown> }
      | undefined;
    const ok = Object.entries(operation?.responses ?? {}).filter(([status]) => status.startsWith('2'));
    const key = `${route.method} ${route.path}`;
    routes.set(key, {
      key,
      method: route.method,
      path: route.path,
      audit: operation?.['x-audit'] ?? [],
      returnsContent: ok.some(([, response]) => mentionsContent(resolve(response))),
    });
  }
  return [...routes.values()];
}

async function eventsOf(response: TestResponse) {
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  return t.db.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
}

const RATIONALE = 'Repeated unwanted contact after a clear request to stop.';

async function reviewerHolding(category: 'harassment' | 'violent_threat' = 'harassment') {
  const reviewer = await t.signedIn(['reviewer']);
  const caseId = await holdNewCase(t, platform, reviewer.session, aReport({ category }));
  return { ...reviewer, caseId };
}

/** An appeal case against a decided case, held by a reviewer who had no part in the original. */
async function appealHeld() {
  const { session, caseId } = await reviewerHolding();
  const decided = await t.request('POST', `/api/cases/${caseId}/decisions`, {
    session,
    body: { action: 'warn', policyCode: 'HR-1', rationale: RATIONALE },
  });
  const appealed = await (await appealAgainst(t, platform, (await decided.json()).id)).json();
  await closeOtherOpenCases(t, appealed.caseId);
  const second = await t.signedIn(['reviewer']);
  await t.request('POST', '/api/queues/appeals/claim-next', { session: second.session, body: {} });
  return { ...second, caseId: appealed.caseId as string };
}

async function pendingRequest() {
  const held = await reviewerHolding();
  const filed = await requestAccess(t, held.session, held.caseId);
  const supervisor = await t.signedIn(['reviewer', 'supervisor']);
  return { ...held, requestId: (await filed.json()).id as string, supervisor };
}

async function liveGrant() {
  const pending = await pendingRequest();
  const approved = await t.request('POST', `/api/access/requests/${pending.requestId}/approve`, {
    session: pending.supervisor.session,
    body: {},
  });
  return { ...pending, grantId: (await approved.json()).grantId as string };
}

async function breakGlassUse() {
  const held = await reviewerHolding('violent_threat');
  const opened = await t.request('POST', `/api/cases/${held.caseId}/break-glass`, {
    session: held.session,
    body: { justification: JUSTIFICATION, durationMinutes: 5 },
  });
  return { ...held, grantId: (await opened.json()).id as string };
}

async function pendingSuspension() {
  const held = await reviewerHolding();
  const decided = await t.request('POST', `/api/cases/${held.caseId}/decisions`, {
    session: held.session,
    body: aDecision('suspend_account', 'HR-1', RATIONALE),
  });
  const supervisor = await t.signedIn(['reviewer', 'supervisor']);
  return { decisionId: (await decided.json()).id as string, supervisor };
}

const admin = () => t.signedIn(['admin']);

async function pendingRoleChange() {
  const { session } = await admin();
  const user = await t.staff(['reviewer']);
  const asked = await t.request('POST', `/api/staff/${user.id}/roles`, { session, body: { role: 'supervisor' } });
  return { changeId: (await asked.json()).changeId as string, decider: await admin() };
}

const webhookEndpoint = { url: 'https://platform.example/hooks', eventTypes: ['decision.effective'] };
async function onWebhookEndpoint(action: 'rotate-secret' | 'disable' | 'enable' | 'test') {
  const { session } = await admin();
  const created = await t.request('POST', '/api/webhooks/endpoints', { session, body: webhookEndpoint });
  const { id } = await created.json();
  return t.request('POST', `/api/webhooks/endpoints/${id}/${action}`, { session });
}
const reviewerNames = () => t.signedIn(['reviewer']);
let counter = 0;
const nextNumber = () => {
  counter += 1;
  return counter;
};
const name = (prefix: string) => `${prefix}${Date.now().toString(36)}${nextNumber()}`;

/** One successful call of every audited route; each returns the response to inspect. */
const SCENARIOS: Record<string, () => Promise<TestResponse>> = {
  'POST /api/auth/sign-in': async () => {
    const user = await t.staff(['reviewer']);
    return t.request('POST', '/api/auth/sign-in', { body: { username: user.username, password: user.password } });
  },
  'POST /api/auth/sign-out': async () => {
    const { session } = await reviewerNames();
    return t.request('POST', '/api/auth/sign-out', { session });
  },
  'GET /api/cases/:id': async () => {
    const { session, caseId } = await reviewerHolding();
    return t.request('GET', `/api/cases/${caseId}`, { session });
  },
  'GET /api/accounts/:id': async () => {
    const { session } = await reviewerHolding();
    return t.request('GET', '/api/accounts/acct-reported', { session });
  },
  'GET /api/dashboard/team': async () => {
    const { session } = await t.signedIn(['reviewer', 'supervisor']);
    return t.request('GET', '/api/dashboard/team', { session });
  },
  'GET /api/dashboard/reviewers/:id': async () => {
    const { session, id } = await t.signedIn(['reviewer']);
    return t.request('GET', `/api/dashboard/reviewers/${id}`, { session });
  },
  'POST /api/cases/:id/lease': async () => {
    const { session, caseId } = await reviewerHolding();
    return t.request('POST', `/api/cases/${caseId}/lease`, { session });
  },
  'POST /api/cases/:id/release': async () => {
    const { session, caseId } = await reviewerHolding();
    return t.request('POST', `/api/cases/${caseId}/release`, { session });
  },
  'POST /api/cases/:id/evidence/reveal': async () => {
    const { session, caseId } = await reviewerHolding();
    return t.request('POST', `/api/cases/${caseId}/evidence/reveal`, { session });
  },
  'POST /api/cases/:id/decisions': async () => {
    const { session, caseId } = await reviewerHolding();
    return t.request('POST', `/api/cases/${caseId}/decisions`, {
      session,
      body: { action: 'warn', policyCode: 'HR-1', rationale: RATIONALE },
    });
  },
  'POST /api/cases/:id/appeal-outcome': async () => {
    const { session, caseId } = await appealHeld();
    return t.request('POST', `/api/cases/${caseId}/appeal-outcome`, {
      session,
      body: { outcome: 'upheld', publicReason: 'The warning stands: the messages broke the harassment rules.' },
    });
  },
  'POST /api/intake/appeals': async () => {
    const { session, caseId } = await reviewerHolding();
    const decided = await t.request('POST', `/api/cases/${caseId}/decisions`, {
      session,
      body: { action: 'warn', policyCode: 'HR-1', rationale: RATIONALE },
    });
    return appealAgainst(t, platform, (await decided.json()).id);
  },
  'POST /api/cases/:id/reassign': async () => {
    const { caseId } = await reviewerHolding();
    const colleague = await t.staff(['reviewer']);
    const supervisor = await t.signedIn(['reviewer', 'supervisor']);
    return t.request('POST', `/api/cases/${caseId}/reassign`, {
      session: supervisor.session,
      body: { assigneeId: colleague.id },
    });
  },
  'POST /api/cases/:id/unassign': async () => {
    const { caseId } = await reviewerHolding();
    const supervisor = await t.signedIn(['reviewer', 'supervisor']);
    return t.request('POST', `/api/cases/${caseId}/unassign`, { session: supervisor.session });
  },
  'POST /api/cases/bulk-decisions/preview': async () => {
    const { session, caseId } = await reviewerHolding();
    return t.request('POST', '/api/cases/bulk-decisions/preview', {
      session,
      body: { caseIds: [caseId], action: 'warn', policyCode: 'HR-1', rationale: RATIONALE },
    });
  },
  'POST /api/cases/bulk-decisions': async () => {
    const { session, caseId } = await reviewerHolding();
    return t.request('POST', '/api/cases/bulk-decisions', {
      session,
      body: { caseIds: [caseId], action: 'warn', policyCode: 'HR-1', rationale: RATIONALE },
    });
  },
  'POST /api/decisions/undo': async () => {
    const { session, caseId } = await reviewerHolding();
    const decided = await t.request('POST', `/api/cases/${caseId}/decisions`, {
      session,
      body: { action: 'escalate', policyCode: 'HR-1', rationale: RATIONALE },
    });
    const { id } = await decided.json();
    // This app decides with no undo window (the harness's default): open one on the escalation.
    await sql`update decision set undo_until = now() + interval '1 minute' where id = ${id}`.execute(t.db);
    return t.request('POST', '/api/decisions/undo', { session, body: { decisionIds: [id] } });
  },
  'POST /api/decisions/:id/confirm': async () => {
    const { decisionId, supervisor } = await pendingSuspension();
    return t.request('POST', `/api/decisions/${decisionId}/confirm`, { session: supervisor.session, body: {} });
  },
  'POST /api/decisions/:id/reject': async () => {
    const { decisionId, supervisor } = await pendingSuspension();
    return t.request('POST', `/api/decisions/${decisionId}/reject`, {
      session: supervisor.session,
      body: { reason: 'The messages do not reach the suspension threshold.' },
    });
  },
  'POST /api/queues/:queueId/claim-next': async () => {
    const { session } = await reviewerNames();
    await casesVia(t, platform, [aReport({ category: 'spam' })]);
    return t.request('POST', '/api/queues/scams_spam/claim-next', { session, body: {} });
  },
  'POST /api/queues': async () => {
    const { session } = await admin();
    return t.request('POST', '/api/queues', {
      session,
      body: { id: name('q_'), name: 'Coverage', categories: [], slaMinutes: 60, position: 900 },
    });
  },
  'PATCH /api/queues/:queueId': async () => {
    const { session } = await admin();
    const id = name('q_');
    await t.request('POST', '/api/queues', {
      session,
      body: { id, name: 'Coverage', categories: [], slaMinutes: 60, position: 901 },
    });
    return t.request('PATCH', `/api/queues/${id}`, {
      session,
      body: { name: 'Coverage renamed', categories: [], slaMinutes: 90, position: 901 },
    });
  },
  'POST /api/policies': async () => {
    const { session } = await admin();
    return t.request('POST', '/api/policies', {
      session,
      body: { code: `CV-${nextNumber()}`, title: 'Coverage' },
    });
  },
  'PATCH /api/policies/:code': async () => {
    const { session } = await admin();
    return t.request('PATCH', '/api/policies/HR-1', { session, body: { title: 'Harassment', active: true } });
  },
  'PUT /api/me/preferences': async () => {
    const { session } = await reviewerNames();
    return t.request('PUT', '/api/me/preferences', { session, body: { blurUrgentEvidence: false } });
  },
  'POST /api/cases/:id/access-requests': async () => {
    const { session, caseId } = await reviewerHolding();
    return t.request('POST', `/api/cases/${caseId}/access-requests`, {
      session,
      body: {
        justificationCode: 'USER_REPORT',
        justification: JUSTIFICATION,
        scope: { kind: 'reported_context', context: 2 },
        durationMinutes: 30,
      },
    });
  },
  'POST /api/cases/:id/break-glass': async () => {
    const { session, caseId } = await reviewerHolding('violent_threat');
    return t.request('POST', `/api/cases/${caseId}/break-glass`, {
      session,
      body: { justification: JUSTIFICATION, durationMinutes: 5 },
    });
  },
  'GET /api/cases/:id/conversation': async () => {
    const { session, caseId } = await liveGrant();
    return t.request('GET', `/api/cases/${caseId}/conversation`, { session });
  },
  'POST /api/access/requests/:id/approve': async () => {
    const { requestId, supervisor } = await pendingRequest();
    return t.request('POST', `/api/access/requests/${requestId}/approve`, { session: supervisor.session, body: {} });
  },
  'POST /api/access/requests/:id/deny': async () => {
    const { requestId, supervisor } = await pendingRequest();
    return t.request('POST', `/api/access/requests/${requestId}/deny`, {
      session: supervisor.session,
      body: { reason: 'The reported messages are enough to decide.' },
    });
  },
  'POST /api/access/requests/:id/cancel': async () => {
    const { requestId, session } = await pendingRequest();
    return t.request('POST', `/api/access/requests/${requestId}/cancel`, { session });
  },
  'POST /api/access/grants/:id/revoke': async () => {
    const { grantId, supervisor } = await liveGrant();
    return t.request('POST', `/api/access/grants/${grantId}/revoke`, { session: supervisor.session });
  },
  'POST /api/access/break-glass/:id/review': async () => {
    const { grantId } = await breakGlassUse();
    const supervisor = await t.signedIn(['reviewer', 'supervisor']);
    return t.request('POST', `/api/access/break-glass/${grantId}/review`, {
      session: supervisor.session,
      body: { outcome: 'justified' },
    });
  },
  'POST /api/staff': async () => {
    const { session } = await admin();
    return t.request('POST', '/api/staff', {
      session,
      body: { username: name('cov'), displayName: 'Coverage', roles: ['auditor'] },
    });
  },
  'PATCH /api/staff/:id': async () => {
    const { session } = await admin();
    const user = await t.staff(['reviewer']);
    return t.request('PATCH', `/api/staff/${user.id}`, { session, body: { displayName: 'Renamed' } });
  },
  'POST /api/staff/:id/roles': async () => {
    const { session } = await admin();
    const user = await t.staff(['reviewer']);
    return t.request('POST', `/api/staff/${user.id}/roles`, { session, body: { role: 'supervisor' } });
  },
  'DELETE /api/staff/:id/roles/:role': async () => {
    const { session } = await admin();
    const user = await t.staff(['reviewer', 'supervisor']);
    return t.request('DELETE', `/api/staff/${user.id}/roles/supervisor`, { session });
  },
  'POST /api/staff/:id/disable': async () => {
    const { session } = await admin();
    const user = await t.staff(['reviewer']);
    return t.request('POST', `/api/staff/${user.id}/disable`, { session });
  },
  'POST /api/staff/:id/enable': async () => {
    const { session } = await admin();
    const user = await t.staff(['reviewer'], { disabled: true });
    return t.request('POST', `/api/staff/${user.id}/enable`, { session });
  },
  'POST /api/staff/:id/reset-link': async () => {
    const { session } = await admin();
    const user = await t.staff(['reviewer']);
    return t.request('POST', `/api/staff/${user.id}/reset-link`, { session });
  },
  'POST /api/role-changes/:id/confirm': async () => {
    const { changeId, decider } = await pendingRoleChange();
    return t.request('POST', `/api/role-changes/${changeId}/confirm`, { session: decider.session });
  },
  'POST /api/role-changes/:id/reject': async () => {
    const { changeId, decider } = await pendingRoleChange();
    return t.request('POST', `/api/role-changes/${changeId}/reject`, { session: decider.session });
  },
  'POST /api/enrolment': async () => {
    const { session } = await admin();
    const created = await t.request('POST', '/api/staff', {
      session,
      body: { username: name('enrol'), displayName: 'Coverage', roles: ['auditor'] },
    });
    const { link } = await created.json();
    return t.request('POST', '/api/enrolment', {
      body: { token: link.path.split('#')[1], password: 'a long enough passphrase' },
    });
  },
  'POST /api/service-accounts': async () => {
    const { session } = await admin();
    return t.request('POST', '/api/service-accounts', { session, body: { name: 'Coverage platform' } });
  },
  'POST /api/service-accounts/:id/disable': async () => {
    const { session } = await admin();
    const account = await t.serviceAccount('Coverage platform');
    return t.request('POST', `/api/service-accounts/${account.id}/disable`, { session });
  },
  'POST /api/service-accounts/:id/enable': async () => {
    const { session } = await admin();
    const account = await t.serviceAccount('Coverage platform');
    await t.request('POST', `/api/service-accounts/${account.id}/disable`, { session });
    return t.request('POST', `/api/service-accounts/${account.id}/enable`, { session });
  },
  'POST /api/webhooks/endpoints': async () => {
    const { session } = await admin();
    return t.request('POST', '/api/webhooks/endpoints', { session, body: webhookEndpoint });
  },
  'POST /api/webhooks/endpoints/:id/rotate-secret': () => onWebhookEndpoint('rotate-secret'),
  'POST /api/webhooks/endpoints/:id/disable': () => onWebhookEndpoint('disable'),
  'POST /api/webhooks/endpoints/:id/enable': () => onWebhookEndpoint('enable'),
  'POST /api/webhooks/endpoints/:id/test': () => onWebhookEndpoint('test'),
  'POST /api/webhooks/deliveries/:id/redeliver': async () => {
    const { session } = await admin();
    const created = await t.request('POST', '/api/webhooks/endpoints', { session, body: webhookEndpoint });
    const { id } = await created.json();
    await t.request('POST', `/api/webhooks/endpoints/${id}/test`, { session });
    const delivery = await t.db
      .updateTable('webhook_delivery')
      .set({ status: 'dead' })
      .where('endpoint_id', '=', id)
      .returning('id')
      .executeTakeFirstOrThrow();
    return t.request('POST', `/api/webhooks/deliveries/${delivery.id}/redeliver`, { session });
  },
  'GET /api/audit/export': async () => {
    const { caseId } = await reviewerHolding();
    await t.seal();
    const { session } = await t.signedIn(['auditor']);
    return t.request('GET', `/api/audit/export?scope=case&caseId=${caseId}`, { session });
  },
  'POST /api/transparency/reports': async () => {
    await reviewerHolding();
    await t.seal();
    const { session } = await t.signedIn(['auditor']);
    return t.request('POST', '/api/transparency/reports', { session, body: { period: '2026' } });
  },
  'POST /api/holds': async () => {
    const { session } = await t.signedIn(['legal']);
    return t.request('POST', '/api/holds', { session, body: aHold });
  },
  'POST /api/holds/:id/extend': () => onHold('extend', { days: 30 }),
  'POST /api/holds/:id/release': () => onHold('release', { reason: 'The authority withdrew its request.' }),
  'POST /api/intake/reports': () => t.signedPost('/api/intake/reports', aReport(), platform),
  'POST /api/intake/reports/batch': () =>
    t.signedPost('/api/intake/reports/batch', { reports: [aReport(), aReport()] }, platform),
  'POST /api/legal/requests': async () => {
    const { recorder } = await legalOfficers(t);
    return t.request('POST', '/api/legal/requests', { session: recorder.session, body: aLegalRequest(LEGAL_TARGETS) });
  },
  'POST /api/legal/requests/:id/steps': async () => {
    const { recorder } = await legalOfficers(t);
    const id = await recordVia(t, recorder.session, aLegalRequest(LEGAL_TARGETS));
    return step(t, recorder.session, id, 'acknowledge');
  },
  'POST /api/legal/requests/:id/decision': async () => {
    const officers = await legalOfficers(t);
    const id = await recordVia(t, officers.recorder.session, aLegalRequest(LEGAL_TARGETS));
    await step(t, officers.recorder.session, id, 'review');
    return decide(t, officers.second.session, id, { outcome: 'accepted' });
  },
  'POST /api/legal/requests/:id/emergency-review': async () => {
    const officers = await legalOfficers(t);
    const id = await recordVia(
      t,
      officers.recorder.session,
      aLegalRequest(LEGAL_TARGETS, {
        emergency: { facts: 'A credible threat to life tonight.', attestation: 'I attest.' },
      }),
    );
    return t.request('POST', `/api/legal/requests/${id}/emergency-review`, {
      session: officers.second.session,
      body: { outcome: 'justified', note: 'The facts supported an emergency.' },
    });
  },
  'POST /api/legal/requests/:id/read': async () => {
    const officers = await legalOfficers(t);
    const id = await decidedRequest(t, officers, aLegalRequest(LEGAL_TARGETS));
    return legalRead(t, officers.recorder.session, id, { category: 'metadata' });
  },
  'POST /api/legal/requests/:id/production': async () => {
    const officers = await legalOfficers(t);
    const id = await decidedRequest(t, officers, aLegalRequest(LEGAL_TARGETS));
    return t.request('POST', `/api/legal/requests/${id}/production`, { session: officers.recorder.session });
  },
  'POST /api/legal/requests/:id/notices': async () => {
    const { recorder, people, id } = await producedWarrant(t, platform);
    return t.request('POST', `/api/legal/requests/${id}/notices`, {
      session: recorder.session,
      body: { accountId: people.target, decision: 'never', reason: 'The account was closed by a court order.' },
    });
  },
};

const LEGAL_TARGETS = [
  { accountId: 'acct-reported', from: '2026-01-01T00:00:00Z', until: '2027-01-01T00:00:00Z', categories: ['metadata'] },
] satisfies RecordLegalRequestBody['targets'];

/**
 * Beyond its own event, a route may record what follows from it by rule, each declared with it:
 * the grants it ends, and each item a production discloses.
 */
const FOLLOW_ON_EVENTS = ['access.ended', 'legal.item_disclosed', 'hold.placed'];
const aHold = { targetType: 'account', targetId: 'acct-held', reason: 'Preservation letter ref 2026-117.' };

async function onHold(action: 'extend' | 'release', body: object) {
  const { session } = await t.signedIn(['legal']);
  const { id } = await (await t.request('POST', '/api/holds', { session, body: aHold })).json();
  return t.request('POST', `/api/holds/${id}/${action}`, { session, body });
}

describe('audit coverage', () => {
  it('has every route that changes something or returns content declare what it records', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const silent = routes.filter((r) => (r.method !== 'GET' || r.returnsContent) && r.audit.length === 0);
    expect(silent.map((r) => r.key)).toEqual([]);
    // The detector itself: the two content routes are recognised as such.
    expect(routes.filter((r) => r.returnsContent).map((r) => r.key)).toEqual(
      expect.arrayContaining(['GET /api/cases/:id', 'GET /api/cases/:id/conversation']),
    );
  });

  it('lists every declared action in the auditor’s vocabulary', () => {
    const declared = apiRoutes().flatMap((r) => r.audit);
    expect(declared.filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });

  it('exercises every audited route below (a new one must be added here)', () => {
    const audited = apiRoutes()
      .filter((r) => r.audit.length > 0)
      .map((r) => r.key)
      .sort();
    expect(Object.keys(SCENARIOS).sort()).toEqual(audited);
  });

  it.each(Object.keys(SCENARIOS).map((key) => [key]))('%s writes exactly one event, in its own name', async (key) => {
    const route = apiRoutes().find((r) => r.key === key) as ApiRoute;
    const response = await (SCENARIOS[key] as () => Promise<TestResponse>)();
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    const [own, ...told] = await eventsOf(response);
    expect(route.audit).toContain(own?.action);
    expect(own?.outcome).toBe('success');
    // Beyond its own event, an action records only what the platform was told of it (a decision
    // taking effect) and its follow-on events, each declared with the route.
    for (const event of told) {
      expect([...Object.keys(PLATFORM_EVENTS), ...FOLLOW_ON_EVENTS]).toContain(event.action);
      expect(route.audit).toContain(event.action);
    }
  });
});

describe('refusals are events', () => {
  const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

  it('records a claim that finds the case already held, and one that finds nothing, once each', async () => {
    const { session, caseId } = await reviewerHolding();
    const { queue_id } = await t.db
      .selectFrom('case')
      .select('queue_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const again = await t.request('POST', `/api/queues/${queue_id}/claim-next`, { session, body: {} });
    expect((await again.json()).case.id).toBe(caseId);
    expect((await eventsOf(again)).map((e) => [e.action, e.case_id, e.details])).toEqual([
      ['case.claimed', caseId, { queueId: queue_id, alreadyHeld: true }],
    ]);

    const other = await reviewerNames();
    const empty = await t.request('POST', `/api/queues/${queue_id}/claim-next`, { session: other.session, body: {} });
    expect((await empty.json()).case).toBeNull();
    expect((await eventsOf(empty)).map((e) => [e.action, e.outcome])).toEqual([['case.claimed', 'failure']]);
  });

  it('records an anonymous call of a protected route once, naming the route', async () => {
    const response = await t.request('GET', `/api/cases/${SAMPLE_ID}`);
    expect(response.status).toBe(401);
    const events = await eventsOf(response);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'request.refused',
      outcome: 'denied',
      actor_type: 'anonymous',
      case_id: SAMPLE_ID,
      target_type: 'case',
      details: { status: 401, code: 'unauthenticated', method: 'GET', route: '/api/cases/:id' },
    });
  });

  it('records a missing permission once (as authz.denied) for every role', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const { session } = await t.signedIn([role]);
      const response = await t.request('GET', '/api/staff', { session });
      expect(response.status).toBe(403);
      expect((await eventsOf(response)).map((e) => e.action)).toEqual(['authz.denied']);
    }
  });

  it('records a 404 on a protected resource, and a conflict, once each', async () => {
    const { session } = await reviewerNames();
    const missing = await t.request('GET', `/api/cases/${SAMPLE_ID}`, { session });
    expect(missing.status).toBe(404);
    expect((await eventsOf(missing)).map((e) => [e.action, e.details])).toEqual([
      ['request.refused', { status: 404, code: 'not_found', method: 'GET', route: '/api/cases/:id' }],
    ]);

    const { requestId, supervisor } = await pendingRequest();
    await t.request('POST', `/api/access/requests/${requestId}/deny`, {
      session: supervisor.session,
      body: { reason: 'The reported messages are enough to decide.' },
    });
    const again = await t.request('POST', `/api/access/requests/${requestId}/approve`, {
      session: supervisor.session,
      body: {},
    });
    expect(again.status).toBe(409);
    const [event] = await eventsOf(again);
    expect(event).toMatchObject({ action: 'request.refused', target_type: 'access_request', target_id: requestId });
  });

  it('records a refused self-approval, and nothing of the approval survives', async () => {
    const both = await t.signedIn(['reviewer', 'supervisor']);
    const caseId = await holdNewCase(t, platform, both.session, aReport());
    const filed = await requestAccess(t, both.session, caseId);
    const requestId = (await filed.json()).id;
    const refused = await t.request('POST', `/api/access/requests/${requestId}/approve`, {
      session: both.session,
      body: {},
    });
    expect(refused.status).toBe(403);
    expect((await eventsOf(refused)).map((e) => [e.action, e.outcome, e.actor_id])).toEqual([
      ['request.refused', 'denied', both.id],
    ]);
    const grants = await t.db.selectFrom('access_grant').select('id').where('request_id', '=', requestId).execute();
    expect(grants).toEqual([]);
  });

  it('records a read after the grant was revoked as one refused read', async () => {
    const { session, caseId, grantId, supervisor } = await liveGrant();
    await t.request('POST', `/api/access/grants/${grantId}/revoke`, { session: supervisor.session });
    const response = await t.request('GET', `/api/cases/${caseId}/conversation`, { session });
    expect(response.status).toBe(403);
    expect((await eventsOf(response)).map((e) => [e.action, e.outcome])).toEqual([
      ['conversation.read_denied', 'denied'],
    ]);
  });
});

describe('no audit, no action', () => {
  /** Makes every insert of `action` into the audit log fail, for the duration of `run`. */
  async function withFailingAudit<T>(action: string, run: () => Promise<T>): Promise<T> {
    await sql`
      create or replace function test_refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit store unavailable'; end $$`.execute(t.db);
    await sql`
      create trigger test_refuse_audit before insert on audit_event for each row
      when (new.action = ${sql.lit(action)}) execute function test_refuse_audit()`.execute(t.db);
    try {
      return await run();
    } finally {
      await sql`drop trigger test_refuse_audit on audit_event`.execute(t.db);
    }
  }

  it('leaves the case undecided when the decision cannot be audited', async () => {
    const { session, caseId } = await reviewerHolding();
    const response = await withFailingAudit('decision.recorded', () =>
      t.request('POST', `/api/cases/${caseId}/decisions`, {
        session,
        body: { action: 'warn', policyCode: 'HR-1', rationale: RATIONALE },
      }),
    );
    expect(response.status).toBe(500);
    expect(await t.db.selectFrom('decision').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
    const { status } = await t.db
      .selectFrom('case')
      .select('status')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(status).toBe('open');
  });

  it('grants nothing when the approval cannot be audited', async () => {
    const { requestId, supervisor } = await pendingRequest();
    const response = await withFailingAudit('access.approved', () =>
      t.request('POST', `/api/access/requests/${requestId}/approve`, { session: supervisor.session, body: {} }),
    );
    expect(response.status).toBe(500);
    const request = await t.db
      .selectFrom('access_request')
      .select('status')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe('pending');
    expect(await t.db.selectFrom('access_grant').select('id').where('request_id', '=', requestId).execute()).toEqual(
      [],
    );
  });

  it('returns no content when the read cannot be audited', async () => {
    const { session, caseId } = await liveGrant();
    const response = await withFailingAudit('conversation.read', () =>
      t.request('GET', `/api/cases/${caseId}/conversation`, { session }),
    );
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/messag/i);
  });

  it('leaves the case unclaimed when the claim cannot be audited', async () => {
    const { session } = await reviewerNames();
    const [caseId] = (await casesVia(t, platform, [aReport({ category: 'spam' })])) as [string];
    await closeOtherOpenCases(t, caseId);
    const response = await withFailingAudit('case.claimed', () =>
      t.request('POST', '/api/queues/scams_spam/claim-next', { session, body: {} }),
    );
    expect(response.status).toBe(500);
    const row = await t.db.selectFrom('case').select('assignee_id').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.assignee_id).toBeNull();
  });

  it('stores no report when intake cannot be audited', async () => {
    const report = aReport();
    const response = await withFailingAudit('intake.reports_received', () =>
      t.signedPost('/api/intake/reports', report, platform),
    );
    expect(response.status).toBe(500);
    expect(await t.db.selectFrom('report').select('id').where('external_id', '=', report.externalId).execute()).toEqual(
      [],
    );
  });

  it('creates no account when the creation cannot be audited', async () => {
    const { session } = await admin();
    const username = name('nocov');
    const response = await withFailingAudit('staff.created', () =>
      t.request('POST', '/api/staff', {
        session,
        body: { username, displayName: 'No audit', roles: ['auditor'] },
      }),
    );
    expect(response.status).toBe(500);
    expect(await t.db.selectFrom('staff_user').select('id').where('username', '=', username).execute()).toEqual([]);
  });
});
