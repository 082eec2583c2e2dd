import { describe, expect, it } from 'vitest';
import { kindOf, lastCompleteQuarter, periodFromParams } from './period';

const params = (query: string) => new URLSearchParams(query);

describe('the report period in the URL', () => {
  it('defaults to the last complete quarter, across a year end', () => {
    expect(lastCompleteQuarter(new Date('2026-12-05T12:00:00Z'))).toBe('2026-Q3');
    expect(lastCompleteQuarter(new Date('2027-02-01T00:00:00Z'))).toBe('2026-Q4');
    expect(periodFromParams(params(''), new Date('2026-04-01T00:00:00Z'))).toEqual({ period: '2026-Q1' });
  });

  it('reads a year, a half, a quarter or a range of days, and ignores what is malformed', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    expect(periodFromParams(params('period=2025'), now)).toEqual({ period: '2025' });
    expect(kindOf({ period: '2025' })).toBe('year');
    expect(kindOf({ period: '2026-H2' })).toBe('half');
    expect(kindOf({ period: '2026-Q4' })).toBe('quarter');
    expect(periodFromParams(params('from=2026-01-01&to=2026-02-15'), now)).toEqual({
      from: '2026-01-01',
      to: '2026-02-15',
    });
    expect(kindOf({ from: '2026-01-01', to: '2026-02-15' })).toBe('custom');
    // A range the wrong way round, or a period that is not one, falls back to the default.
    expect(periodFromParams(params('from=2026-03-01&to=2026-02-01'), now)).toEqual({ period: '2026-Q3' });
    expect(periodFromParams(params('period=2026-Q5'), now)).toEqual({ period: '2026-Q3' });
  });
});
