/** Deterministic synthetic audit records of a few hundred bytes, like the ones the API writes. */
import type { AuditRecord } from '../record';

const STAFF = [
  { id: '101', label: 'ada', roles: ['reviewer'] },
  { id: '102', label: 'grace.hopper', roles: ['reviewer', 'supervisor'] },
  { id: '103', label: 'zoë.ångström', roles: ['auditor'] },
  { id: '104', label: '李雷', roles: ['admin'] },
  { id: '105', label: 'o\'brien "ob"', roles: ['reviewer'] },
];

const ACTIONS: {
  action: string;
  target?: string;
  withCase?: boolean;
  details: (n: number) => Record<string, unknown>;
}[] = [
  {
    action: 'conversation.read',
    target: 'conversation',
    withCase: true,
    details: (n) => ({ messageIds: [`m_${n}`, `m_${n + 1}`, `m_${n + 2}`], scope: 'reported_context' }),
  },
  {
    action: 'case.claimed',
    target: 'case',
    withCase: true,
    details: (n) => ({ queueId: `q_${n % 7}`, leaseMinutes: 10 }),
  },
  { action: 'case.opened', target: 'case', withCase: true, details: () => ({}) },
  {
    action: 'evidence.revealed',
    target: 'message',
    withCase: true,
    details: (n) => ({ category: n % 2 ? 'grooming' : 'spam' }),
  },
  {
    action: 'decision.recorded',
    target: 'case',
    withCase: true,
    details: (n) => ({ action: 'warn', policyCode: `P-${n % 40}`, requiresConfirmation: n % 5 === 0 }),
  },
  {
    action: 'access.requested',
    target: 'access_request',
    withCase: true,
    details: (n) => ({ justificationCode: 'USER_REPORT', durationMinutes: 15 + (n % 60) }),
  },
  { action: 'auth.signed_in', target: 'staff_user', details: () => ({}) },
  {
    action: 'auth.sign_in_failed',
    target: 'staff_user',
    details: (n) => ({ username: `user${n % 9}`, reason: 'wrong_password' }),
  },
  {
    action: 'authz.denied',
    details: () => ({ permission: 'approve:access', method: 'POST', path: '/api/access/requests/9/approve' }),
  },
  { action: 'staff.created', target: 'staff_user', details: () => ({ roles: ['reviewer'] }) },
];

/** Cases whose events a case-scoped export covers: one event in 13 belongs to case 7. */
export const CASE_ID = '7';

export function syntheticRecord(seq: number): AuditRecord {
  const kind = ACTIONS[(seq * 7 + (seq >> 3)) % ACTIONS.length]!;
  const staff = STAFF[seq % STAFF.length]!;
  const failed = kind.action === 'auth.sign_in_failed';
  const service = seq % 31 === 0;
  const caseId = kind.withCase ? (seq % 13 === 0 ? CASE_ID : String(1000 + (seq % 577))) : null;
  const micros = String((seq * 7919) % 1_000_000).padStart(6, '0');
  const time = new Date(Date.UTC(2026, 11, 1, 10) + seq * 250).toISOString().slice(0, 19);
  return {
    seq,
    id: String(5_000_000 + seq * 3 + (seq % 5)),
    occurredAt: `${time}.${micros}Z`,
    actor: failed
      ? { type: 'anonymous', id: null, label: null, roles: [] }
      : service
        ? { type: 'service', id: 'sa_1', label: 'platform intake', roles: [] }
        : { type: 'staff', ...staff },
    action: kind.action,
    outcome: failed ? 'failure' : kind.action === 'authz.denied' ? 'denied' : 'success',
    target: kind.target ? { type: kind.target, id: String(20_000 + (seq % 9973)) } : null,
    caseId,
    grantId: kind.action === 'conversation.read' ? String(300 + (seq % 41)) : null,
    details: kind.details(seq),
    requestId: `req_${(seq * 2654435761).toString(36)}`,
    ip: seq % 17 === 0 ? null : `203.0.113.${seq % 250}`,
    userAgent: seq % 17 === 0 ? null : 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36',
  };
}
