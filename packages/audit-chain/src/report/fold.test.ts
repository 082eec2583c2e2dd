import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../record';
import { compareFigures, finishReport, reportFold } from './build';
import { figureKey } from './document';
import { FIGURES } from './figures';

const checkpoint = {
  seq: 1000,
  head: '00'.repeat(32),
  issuedAt: '2026-07-01T00:00:00.000Z',
  keyId: 'ed25519:x',
  signature: 'AA==',
};
const period = { from: '2026-04-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z', label: '2026-Q2' };
let seq = 0;

function event(action: string, fields: Partial<AuditRecord> = {}): AuditRecord {
  seq++;
  return {
    seq,
    id: String(seq),
    occurredAt: '2026-05-01T10:00:00.000000Z',
    actor: { type: 'staff', id: 'staff-1', label: 'ada', roles: ['reviewer'] },
    action,
    outcome: 'success',
    target: null,
    caseId: null,
    grantId: null,
    details: {},
    requestId: null,
    ip: null,
    userAgent: null,
    ...fields,
  };
}

function report(events: AuditRecord[], threshold = 3) {
  const fold = reportFold({ period, checkpoint });
  for (const e of events) fold.add(e);
  const built = finishReport(fold.result(), { period, checkpoint, threshold });
  return new Map(built.figures.map((figure) => [figureKey(figure), figure]));
}

describe('the report fold', () => {
  it('counts each message once per grant, and grants that read nothing as unused', () => {
    const figures = report([
      event('access.approved', {
        grantId: 'g1',
        details: { justificationCode: 'USER_REPORT', durationMinutes: 60, narrowed: false, shortened: true },
      }),
      event('conversation.read', {
        grantId: 'g1',
        target: { type: 'conversation', id: 'c1' },
        details: { messageIds: ['m1', 'm2'], pathway: 'user_report' },
      }),
      event('conversation.read', {
        grantId: 'g1',
        target: { type: 'conversation', id: 'c1' },
        details: { messageIds: ['m2', 'm3'], pathway: 'user_report' },
      }),
      event('access.break_glass', { grantId: 'g2', details: { durationMinutes: 15 } }),
      event('access.ended', { grantId: 'g2', occurredAt: '2026-05-01T10:05:00.000000Z' }),
    ]);
    expect(figures.get('access.messages_read[pathway=user_report]')?.value).toBe(3);
    expect(figures.get('access.grants_unused[pathway=break_glass]')).toMatchObject({ status: 'suppressed' });
    expect(figures.get('access.requests_narrowed[code=USER_REPORT]')).toMatchObject({
      status: 'suppressed',
      range: { min: 1, max: 2 },
    });
    // Two grants are fewer than the threshold: the median (1.5) is withheld.
    expect(figures.get('access.messages_per_grant_median')).toMatchObject({ status: 'suppressed', value: null });
    expect(figures.get('access.break_glass_unreviewed')).toMatchObject({ status: 'suppressed' });
  });

  it('ignores events outside the period or sealed after the checkpoint', () => {
    const figures = report([
      event('access.revoked', { occurredAt: '2026-03-31T23:59:59.999999Z' }),
      event('access.revoked', { occurredAt: '2026-07-01T00:00:00.000000Z' }),
      event('access.revoked', { seq: 1001 }),
      event('access.revoked', { occurredAt: '2026-04-01T00:00:00.000000Z' }),
      event('access.revoked', { occurredAt: '2026-06-30T23:59:59.999999Z' }),
      event('access.revoked', { seq: 1000 }),
    ]);
    expect(figures.get('access.grants_revoked')).toMatchObject({ status: 'exact', value: 3 });
  });

  it('does not count a decision undone within its window, by any breakdown or in the median', () => {
    const decided = (id: string, action: string, minute: number) =>
      event('decision.recorded', {
        occurredAt: `2026-05-01T10:${String(minute).padStart(2, '0')}:00.000000Z`,
        target: { type: 'decision', id },
        details: { action, policyCode: 'SP-1', sources: ['automated'], firstReportAt: '2026-05-01T09:00:00Z' },
      });
    const undone = (id: string, minute: number) =>
      event('decision.undone', {
        occurredAt: `2026-05-01T10:${String(minute).padStart(2, '0')}:05.000000Z`,
        target: { type: 'decision', id },
        details: { action: 'remove_messages', policyCode: 'SP-1' },
      });
    const figures = report([
      ...['d1', 'd2', 'd3'].map((id, i) => decided(id, 'warn', i)),
      decided('d4', 'remove_messages', 3),
      undone('d4', 3),
      // Re-decided after the undo, then an unknown decision's undo (recorded before the period).
      decided('d5', 'warn', 4),
      undone('d0', 5),
    ]);
    expect(figures.get('moderation.decisions[action=warn]')).toMatchObject({ status: 'exact', value: 4 });
    expect(figures.has('moderation.decisions[action=remove_messages]')).toBe(false);
    expect(figures.get('moderation.decisions_by_policy[policy=SP-1]')).toMatchObject({ value: 4 });
    expect(figures.get('moderation.own_initiative_decisions[action=warn]')).toMatchObject({ value: 4 });
    // 1.00, 1.02, 1.03 and 1.07 hours: with the undone 1.05 left in, the median would be 1.03.
    expect(figures.get('moderation.hours_to_decision_median')).toMatchObject({ value: 1.02 });
  });

  it('never shows a count below the threshold, and withholds statistics over few items', () => {
    const events = Array.from({ length: 9 }, (_, i) =>
      event('access.requested', { details: { justificationCode: 'USER_REPORT', durationMinutes: 30 + i } }),
    );
    const figures = report(events, 10);
    expect(figures.get('access.requests_made[code=USER_REPORT]')).toEqual({
      id: 'access.requests_made',
      by: { code: 'USER_REPORT' },
      status: 'suppressed',
      value: null,
      range: { min: 1, max: 9 },
    });
    expect(figures.get('access.minutes_requested_median')).toMatchObject({ status: 'suppressed', value: null });
    expect(JSON.stringify([...figures.values()])).not.toMatch(/"value":9\b/);
  });

  it('has a row for every total, and names a figure that differs', () => {
    const figures = [...report([]).values()];
    for (const definition of FIGURES.filter((figure) => figure.by.length === 0)) {
      expect(figures.filter((figure) => figure.id === definition.id)).toHaveLength(1);
    }
    const changed = figures.map((figure) => (figure.id === 'access.grants_revoked' ? { ...figure, value: 5 } : figure));
    expect(compareFigures(changed, figures).map((difference) => difference.key)).toEqual(['access.grants_revoked']);
  });
});
