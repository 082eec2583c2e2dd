import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, hasFilters, isoToLocal, localToIso } from './audit-filters';

describe('audit filters in the URL', () => {
  it('keeps only known, non-empty fields, trimmed', () => {
    const params = new URLSearchParams('actor=%20riley%20&action=&caseId=abc&evil=1');
    expect(filtersFromParams(params)).toEqual({ actor: 'riley', caseId: 'abc' });
  });

  it('round-trips through search params in a stable order', () => {
    const filters = { to: '2026-12-02T00:00:00.000Z', actor: 'sam', action: 'access.approved' };
    expect(filtersToParams(filters).toString()).toBe(
      'actor=sam&action=access.approved&to=2026-12-02T00%3A00%3A00.000Z',
    );
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
  });

  it('converts local times to UTC instants and back', () => {
    const iso = localToIso('2026-12-01T09:30');
    expect(iso).toMatch(/^2026-12-0[12]T\d\d:30:00\.000Z$/);
    expect(isoToLocal(iso)).toBe('2026-12-01T09:30');
    expect(localToIso('not a time')).toBe('not a time');
  });

  it('knows when nothing is filtered', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ outcome: 'denied' })).toBe(true);
  });
});
