import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams } from './find-filters';

describe('case finder filters in the URL', () => {
  it('round-trips every filter and the order', () => {
    const filters = {
      q: '@the_doctor',
      queueId: 'urgent',
      status: 'decided',
      category: 'spam',
      minors: 'true',
      held: 'false',
      source: 'legal_request',
      sla: 'overdue',
      age: 'over_24h',
      sort: 'oldest',
    } as const;
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
  });

  it('drops values the API would refuse instead of sending them', () => {
    expect(filtersFromParams(new URLSearchParams('status=deleted&sort=random&category=spam&q=%20%20'))).toEqual({
      category: 'spam',
    });
  });
});
