/** Staff scenarios through the API: an admin creates someone, they enrol, a second admin confirms. */
import type { Role } from '@docket/permissions';
import { expect } from 'vitest';
import type { AuditContext } from '../audit/record';
import type { SignedInStaff } from '../context';
import type { TestResponse, TestSession, useTestApp } from './harness';

type Harness = ReturnType<typeof useTestApp>;

export const NEW_PASSWORD = 'a long enough password';

/** A staff member as domain code receives them, signed in and as the audit's actor, to call it directly. */
export function actingAs(person: { id: string; username: string }, roles: Role[]) {
  const staff: SignedInStaff = { id: person.id, username: person.username, displayName: person.username, roles };
  const who: AuditContext = {
    actor: { type: 'staff', id: person.id, label: person.username, roles },
    requestId: null,
    ip: null,
    userAgent: null,
  };
  return { staff, who };
}

/** The token from a link's path (`/enrol#token`), as the console's page reads it. */
export const tokenOf = (link: { path: string }) => link.path.split('#')[1] ?? '';

export async function createViaApi(t: Harness, session: TestSession, username: string, roles: Role[]) {
  const response = await t.request('POST', '/api/staff', {
    session,
    body: { username, displayName: 'Casey Case', roles },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const created = await response.json();
  return { id: created.user.id as string, username, token: tokenOf(created.link), link: created.link };
}

export function redeem(
  t: Harness,
  token: string,
  options: { password?: string; ip?: string; session?: TestSession } = {},
) {
  return t.request('POST', '/api/enrolment', {
    body: { token, password: options.password ?? NEW_PASSWORD },
    session: options.session,
    headers: { 'user-agent': 'Enrolling browser', ...(options.ip ? { 'x-forwarded-for': options.ip } : {}) },
  });
}

/** Pending role changes of one account, as the admins' list shows them. */
export async function pendingFor(t: Harness, session: TestSession, staffId: string) {
  const list = await (await t.request('GET', '/api/role-changes', { session })).json();
  return (list.items as { id: string; role: Role; staff: { id: string } }[]).filter((c) => c.staff.id === staffId);
}

export function decide(t: Harness, session: TestSession, changeId: string, outcome: 'confirm' | 'reject') {
  return t.request('POST', `/api/role-changes/${changeId}/${outcome}`, { session });
}

/** The audit events one request wrote, refusals included. */
export async function eventsOf(t: Harness, response: TestResponse) {
  const requestId = response.headers.get('x-request-id') ?? '';
  return t.db.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
}
