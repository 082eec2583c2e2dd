import { describe, expect, it } from 'vitest';
import { periodFromParams } from './period';

const NOW = Date.parse('2026-12-05T18:00:00Z');
const params = (query: string) => new URLSearchParams(query);

describe('the dashboard period in the URL', () => {
  it('counts preset ranges back from today, today included (UTC days)', () => {
    expect(periodFromParams(params(''), NOW)).toEqual({ from: '2026-11-29', to: '2026-12-05' });
    expect(periodFromParams(params('range=1d'), NOW)).toEqual({ from: '2026-12-05', to: '2026-12-05' });
    expect(periodFromParams(params('range=30d'), NOW)).toEqual({ from: '2026-11-06', to: '2026-12-05' });
  });

  it('takes a custom range only when both days are well formed and in order', () => {
    expect(periodFromParams(params('range=custom&from=2026-10-01&to=2026-10-31'), NOW)).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(periodFromParams(params('range=custom&from=2026-10-31&to=2026-10-01'), NOW)).toEqual({
      from: '2026-11-29',
      to: '2026-12-05',
    });
    expect(periodFromParams(params('range=bogus'), NOW).to).toBe('2026-12-05');
  });
});
