import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../record';
import { auditOcsf } from './ocsf';

const base: AuditRecord = {
  seq: 7,
  id: '501',
  occurredAt: '2026-12-01T10:00:00.123456Z',
  actor: { type: 'staff', id: '7', label: 'ada', roles: ['reviewer'] },
  action: 'conversation.read',
  outcome: 'success',
  target: { type: 'conversation', id: 'c_1' },
  caseId: '12',
  grantId: '3',
  details: { messageIds: ['m_1'] },
  requestId: 'req_1',
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0',
};

const ocsf = (change: Partial<AuditRecord>) => auditOcsf({ ...base, ...change });

describe('events.ocsf.jsonl', () => {
  it('renders a read as API Activity: Read, with the resources it touched', () => {
    expect(auditOcsf(base)).toEqual({
      class_uid: 6003,
      class_name: 'API Activity',
      category_uid: 6,
      category_name: 'Application Activity',
      activity_id: 2,
      activity_name: 'Read',
      type_uid: 600302,
      type_name: 'API Activity: Read',
      time: Date.parse('2026-12-01T10:00:00.123Z'),
      severity_id: 1,
      severity: 'Informational',
      status_id: 1,
      status: 'Success',
      message: 'conversation.read',
      metadata: {
        version: '1.3.0',
        product: { name: 'Docket', vendor_name: 'Docket' },
        uid: '501',
        event_code: 'conversation.read',
        original_time: '2026-12-01T10:00:00.123456Z',
        sequence: 7,
        correlation_uid: 'req_1',
        log_name: 'audit',
      },
      actor: { user: { uid: '7', name: 'ada', type_id: 1, type: 'User', groups: [{ name: 'reviewer' }] } },
      src_endpoint: { ip: '203.0.113.7' },
      http_request: { uid: 'req_1', user_agent: 'Mozilla/5.0' },
      api: { operation: 'conversation.read', request: { uid: 'req_1' } },
      resources: [
        { type: 'conversation', uid: 'c_1' },
        { type: 'case', uid: '12' },
        { type: 'access_grant', uid: '3' },
      ],
      unmapped: {
        actor_type: 'staff',
        outcome: 'success',
        case_id: '12',
        grant_id: '3',
        details: { messageIds: ['m_1'] },
      },
    });
  });

  it.each([
    ['access.requested', 1, 'Create'],
    ['decision.recorded', 1, 'Create'],
    ['access.approved', 3, 'Update'],
    ['access.denied', 3, 'Update'],
    ['case.claimed', 3, 'Update'],
    ['evidence.revealed', 2, 'Read'],
    ['audit.exported', 2, 'Read'],
  ])('classes %s as API Activity: %s', (action, activityId, activityName) => {
    expect(ocsf({ action })).toMatchObject({
      class_uid: 6003,
      activity_id: activityId,
      activity_name: activityName,
      type_uid: 600300 + activityId,
    });
  });

  it('classes a refused request by its method and reports the failure', () => {
    expect(
      ocsf({
        action: 'authz.denied',
        outcome: 'denied',
        target: null,
        details: { permission: 'approve:access', method: 'POST', path: '/api/x' },
      }),
    ).toMatchObject({
      class_uid: 6003,
      activity_id: 1,
      status_id: 2,
      status: 'Failure',
      status_detail: 'denied',
      http_request: { http_method: 'POST', url: { path: '/api/x' } },
    });
  });

  it('renders sign-ins, failed sign-ins and sign-outs as Authentication about the account', () => {
    const target = { type: 'staff_user', id: '7' };
    expect(ocsf({ action: 'auth.signed_in', target, caseId: null, grantId: null })).toMatchObject({
      class_uid: 3002,
      category_uid: 3,
      activity_id: 1,
      activity_name: 'Logon',
      type_uid: 300201,
      status_id: 1,
      user: { uid: '7', name: 'ada', type: 'staff_user' },
      auth_protocol: 'Password',
    });
    const failed = ocsf({
      action: 'auth.sign_in_failed',
      outcome: 'failure',
      actor: { type: 'anonymous', id: null, label: null, roles: [] },
      target,
      details: { username: 'ada', reason: 'wrong_password' },
    });
    expect(failed).toMatchObject({
      class_uid: 3002,
      activity_id: 1,
      status_id: 2,
      user: { uid: '7', name: 'ada' },
      actor: {},
    });
    expect(failed).not.toHaveProperty('actor.user');
    expect(ocsf({ action: 'auth.signed_out', target })).toMatchObject({
      class_uid: 3002,
      activity_id: 2,
      activity_name: 'Logoff',
    });
    expect(
      ocsf({ action: 'intake.signature_rejected', outcome: 'denied', target: { type: 'service_key', id: 'dk_1' } }),
    ).toMatchObject({
      class_uid: 3002,
      status_id: 2,
      user: { uid: 'dk_1', type: 'service_key' },
      auth_protocol: 'HMAC request signature',
    });
  });

  it('renders staff and service-account lifecycle as Account Change', () => {
    const target = { type: 'staff_user', id: '9' };
    const admin = { type: 'staff' as const, id: '1', label: 'root', roles: ['admin'] };
    expect(ocsf({ action: 'staff.created', actor: admin, target })).toMatchObject({
      class_uid: 3001,
      activity_id: 1,
      user: { uid: '9', type: 'staff_user' },
      actor: { user: { uid: '1', type_id: 2, type: 'Admin' } },
    });
    expect(ocsf({ action: 'staff.disabled', target })).toMatchObject({
      class_uid: 3001,
      activity_id: 5,
      activity_name: 'Disable',
    });
    expect(ocsf({ action: 'staff.password_set', target })).toMatchObject({ class_uid: 3001, activity_id: 4 });
    expect(ocsf({ action: 'service_account.created', target: { type: 'service_account', id: 's' } })).toMatchObject({
      class_uid: 3001,
      type_uid: 300101,
    });
  });

  it('names system and service actors by their kind', () => {
    expect(
      ocsf({ action: 'access.expired', actor: { type: 'system', id: null, label: 'system', roles: [] } }),
    ).toMatchObject({
      actor: { user: { name: 'system', type_id: 3, type: 'System' } },
    });
    expect(
      ocsf({ action: 'report.received', actor: { type: 'service', id: 'sa_1', label: 'intake', roles: [] } }),
    ).toMatchObject({
      actor: { user: { uid: 'sa_1', type_id: 99, type: 'Service' } },
    });
  });

  it('leaves out what is unknown rather than writing nulls', () => {
    const event = ocsf({ ip: null, userAgent: null, requestId: null, caseId: null, grantId: null, target: null });
    expect(JSON.stringify(event)).not.toContain('null');
    expect(event).toMatchObject({ src_endpoint: {}, resources: [] });
    expect(event).not.toHaveProperty('http_request');
  });
});
