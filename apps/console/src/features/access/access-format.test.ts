import { describe, expect, it } from 'vitest';
import { formatMinutes, formatTimeLeft, fromLocalInput, scopeLabel, toLocalInput } from './access-format';

describe('access formats', () => {
  it('counts a grant down to the second, with hours once past an hour, and stops at zero', () => {
    expect(formatTimeLeft(42_000)).toBe('0:42');
    expect(formatTimeLeft(14 * 60_000 + 4_100)).toBe('14:05');
    expect(formatTimeLeft(2 * 3_600_000 + 3 * 60_000 + 9_000)).toBe('2:03:09');
    expect(formatTimeLeft(-5_000)).toBe('0:00');
  });

  it('says durations the way people do', () => {
    expect(formatMinutes(15)).toBe('15 min');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(1440)).toBe('24 h');
  });

  it('names each scope', () => {
    expect(scopeLabel({ kind: 'full_conversation' })).toBe('The whole conversation');
    expect(scopeLabel({ kind: 'reported_context', context: 0 })).toBe('The reported messages only');
    expect(scopeLabel({ kind: 'reported_context', context: 1 })).toBe('The reported messages ± 1 message');
    expect(scopeLabel({ kind: 'reported_context', context: 5 })).toBe('The reported messages ± 5 messages');
  });

  it('round-trips datetime-local values to the minute', () => {
    const iso = '2026-11-01T10:07:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
  });
});
