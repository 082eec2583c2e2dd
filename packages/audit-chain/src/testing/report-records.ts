/**
 * Deterministic audit records that fill every section of a transparency report: grants requested,
 * approved, read under and ended; break-glass and its reviews; legal requests through their steps;
 * reports, decisions, suspensions and appeals; and the noise around them. For tests and benchmarks.
 */
import type { AuditRecord } from '../record';

const CODES = ['USER_REPORT', 'CHILD_SAFETY_ESCALATION', 'IMMINENT_HARM', 'APPEAL_REVIEW'];
const CATEGORIES = ['child_safety', 'harassment', 'spam', 'scam_fraud', 'hate', 'self_harm'];
const SOURCES = ['user_report', 'automated', 'user_report', 'legal_request'];
const ACTIONS = ['no_violation', 'warn', 'remove_messages', 'suspend_account', 'restrict_account', 'escalate'];
const COUNTRIES = ['DE', 'FR', 'US', 'IE'];
const INSTRUMENTS = [
  'subpoena',
  'search_warrant',
  'preservation_request',
  'eu_production_order',
  'emergency_disclosure',
];
const STAFF = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 's12'];

export interface ReportRecordOptions {
  /** Time of seq 0, ms since the epoch. */
  start: number;
  /** Time between consecutive events, ms. */
  stepMs: number;
}

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 23)}000Z`;

export function reportRecord(seq: number, options: ReportRecordOptions): AuditRecord {
  const at = options.start + seq * options.stepMs;
  const cycle = Math.floor(seq / 20);
  const grant = `00000000-0000-4000-8000-${String(cycle).padStart(12, '0')}`;
  const breakGlass = `00000000-0000-4000-9000-${String(cycle).padStart(12, '0')}`;
  const legal = `legal-${cycle}`;
  const code = CODES[cycle % CODES.length] as string;
  const staff = STAFF[cycle % STAFF.length] as string;
  const base: AuditRecord = {
    seq,
    id: String(9_000_000 + seq),
    occurredAt: iso(at),
    actor: { type: 'staff', id: staff, label: `staff ${staff}`, roles: ['reviewer', 'supervisor'] },
    action: 'auth.signed_in',
    outcome: 'success',
    target: null,
    caseId: null,
    grantId: null,
    details: {},
    requestId: `req_${seq.toString(36)}`,
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
  };
  const event = (action: string, fields: Partial<AuditRecord>): AuditRecord => ({ ...base, action, ...fields });
  const conversation = { type: 'conversation', id: `conv-${cycle % 700}` };
  // Legal orders are rare beside moderation: one cycle in 25 carries one.
  const legalCycle = cycle % 25 === 0;
  if (!legalCycle && [12, 13, 14, 15].includes(seq % 20)) {
    return event('case.lease_renewed', { target: { type: 'case', id: `case-${cycle}` } });
  }
  switch (seq % 20) {
    case 0:
      return event('intake.reports_received', {
        actor: { type: 'service', id: 'sa', label: 'platform', roles: [] },
        details: {
          reports: 3,
          created: 3,
          duplicates: 0,
          messagesStored: 12,
          counts: [
            [CATEGORIES[cycle % CATEGORIES.length], SOURCES[cycle % SOURCES.length], 2],
            [CATEGORIES[(cycle + 1) % CATEGORIES.length], 'user_report', 1],
          ],
        },
      });
    case 1:
      return event('access.requested', {
        target: { type: 'access_request', id: `req-${cycle}` },
        details: { justificationCode: code, scope: { kind: 'full_conversation' }, durationMinutes: 30 + (cycle % 90) },
      });
    case 2:
      return cycle % 9 === 4
        ? event('access.denied', {
            target: { type: 'access_request', id: `req-${cycle}` },
            details: { justificationCode: code, reason: 'Not needed for this decision.' },
          })
        : event('access.approved', {
            target: { type: 'access_request', id: `req-${cycle}` },
            grantId: grant,
            details: {
              justificationCode: code,
              durationMinutes: 30 + (cycle % 60),
              scope: { kind: 'full_conversation' },
              shortened: cycle % 5 === 0,
              narrowed: false,
            },
          });
    case 3:
    case 4:
    case 5:
      return cycle % 7 === 3
        ? event('case.claimed', { target: { type: 'case', id: `case-${cycle}` }, details: { queueId: 'q' } })
        : event('conversation.read', {
            target: conversation,
            grantId: grant,
            details: { messageIds: [`m${seq % 11}`, `m${(seq + 1) % 11}`, `m${cycle % 5}`], pathway: 'user_report' },
          });
    case 6:
      return cycle % 10 === 1
        ? event('access.revoked', { grantId: grant, target: { type: 'access_grant', id: grant }, details: {} })
        : event('access.ended', {
            grantId: grant,
            target: { type: 'access_grant', id: grant },
            details: { reason: 'decided', holderId: staff },
          });
    case 7: {
      const action = ACTIONS[cycle % ACTIONS.length] as string;
      const restricting = ['remove_messages', 'suspend_account', 'restrict_account'].includes(action);
      return event('decision.recorded', {
        target: { type: 'decision', id: `dec-${cycle}` },
        details: {
          action,
          policyCode: action === 'no_violation' ? 'NONE' : `P-${cycle % 6}`,
          requiresConfirmation: false,
          firstReportAt: iso(at - (1 + (cycle % 48)) * 3_600_000),
          sources: cycle % 8 === 5 ? ['automated'] : ['user_report'],
          ...(restricting && { statement: { ground: cycle % 3 === 0 ? 'illegal' : 'terms' } }),
        },
      });
    }
    case 8:
      return event('decision.effective', {
        target: { type: 'decision', id: `dec-${cycle}` },
        details: {
          accountId: `acct-${cycle % 300}`,
          action: cycle % 3 === 0 ? 'suspend_account' : 'warn',
          policyCode: 'P-1',
          priorStrikes: cycle % 4,
        },
      });
    case 9:
      return cycle % 3 === 0
        ? event('access.break_glass', {
            grantId: breakGlass,
            target: { type: 'access_grant', id: breakGlass },
            details: { durationMinutes: 15, justification: 'Imminent harm stated in the report.' },
          })
        : event('case.claimed', { target: { type: 'case', id: `case-${cycle}` }, details: { queueId: 'q' } });
    case 10:
      return cycle % 3 === 0
        ? event('conversation.read', {
            target: conversation,
            grantId: breakGlass,
            details: { messageIds: [`m${cycle % 13}`], pathway: 'break_glass' },
          })
        : event('evidence.revealed', { target: { type: 'message', id: `m${cycle}` }, details: {} });
    case 11:
      return cycle % 6 === 0
        ? event('access.break_glass_reviewed', {
            grantId: breakGlass,
            target: { type: 'access_grant', id: breakGlass },
            details: { outcome: cycle % 12 === 0 ? 'unjustified' : 'justified' },
          })
        : event('case.lease_renewed', { target: { type: 'case', id: `case-${cycle}` } });
    case 12:
      return event('legal.recorded', {
        target: { type: 'legal_request', id: legal },
        details: {
          instrument: INSTRUMENTS[cycle % INSTRUMENTS.length],
          receivedAt: iso(at - 6 * 3_600_000),
          authority: { type: 'police', country: COUNTRIES[cycle % COUNTRIES.length] },
          targets: [
            { accountId: `acct-${cycle % 50}` },
            ...(cycle % 2 ? [{ accountId: `acct-${(cycle + 1) % 50}` }] : []),
          ],
          emergency: INSTRUMENTS[cycle % INSTRUMENTS.length] === 'emergency_disclosure',
          nonDisclosureUntil: cycle % 3 === 0 ? '2027-06-30T00:00:00.000Z' : null,
          documentSha256: null,
        },
      });
    case 13:
      return event('legal.acknowledged', {
        target: { type: 'legal_request', id: legal },
        details: { from: 'received' },
      });
    case 14: {
      const outcome = cycle % 5;
      if (outcome === 0)
        return event('legal.rejected', {
          target: { type: 'legal_request', id: legal },
          details: { ground: 'overbroad' },
        });
      if (outcome === 1) return event('legal.no_data', { target: { type: 'legal_request', id: legal }, details: {} });
      return event(outcome === 2 ? 'legal.narrowed' : 'legal.accepted', {
        target: { type: 'legal_request', id: legal },
        details: { scope: [] },
      });
    }
    case 15:
      return cycle % 5 >= 2
        ? event('legal.produced', {
            target: { type: 'legal_request', id: legal },
            details: {
              manifestSha256: '0'.repeat(64),
              items: [
                { path: 'order', category: 'order' },
                { path: 'subscriber.json', category: 'subscriber' },
                ...(cycle % 2 ? [{ path: 'content.json', category: 'content' }] : []),
              ],
            },
          })
        : event('hold.placed', {
            target: { type: 'preservation_hold', id: `hold-${cycle}` },
            details: { targetType: 'account', targetId: `acct-${cycle % 50}`, legalRequestId: legal },
          });
    case 16:
      return event('appeal.received', {
        target: { type: 'appeal', id: `appeal-${cycle}` },
        details: { appellant: cycle % 4 === 0 ? 'reporter' : 'affected_user' },
      });
    case 17:
      return event('appeal.decided', {
        target: { type: 'appeal', id: `appeal-${cycle}` },
        details: {
          outcome: ['upheld', 'reversed', 'partly_reversed'][cycle % 3],
          receivedAt: iso(at - (2 + (cycle % 30)) * 3_600_000),
        },
      });
    case 18:
      return legalCycle
        ? event('legal.notice_decided', {
            target: { type: 'legal_request', id: legal },
            details: { accountId: `acct-${cycle % 50}`, decision: cycle % 50 === 0 ? 'never' : 'defer' },
          })
        : event('access.notice', {
            actor: { type: 'system', id: null, label: 'access-notices', roles: [] },
            target: { type: 'access_grant', id: grant },
            grantId: grant,
            details: { pathway: 'user_report', messagesRead: 3, readDates: ['2026-12-01'] },
          });
    case 19:
      // A break-glass window runs out 15 minutes after it opened, as the expiry sweep records it:
      // every grant ends, so the fold holds only the grants open at a time.
      return cycle % 3 === 0
        ? event('access.expired', {
            actor: { type: 'system', id: null, label: 'expiry', roles: [] },
            grantId: breakGlass,
            target: { type: 'access_grant', id: breakGlass },
            details: { expiredAt: iso(options.start + (seq - 10) * options.stepMs + 15 * 60_000) },
          })
        : base;
    default:
      return base;
  }
}
