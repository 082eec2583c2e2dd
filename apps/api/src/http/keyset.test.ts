import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { expectInvalidFields } from '../testing/problems';

const t = useTestApp();

const cursor = (key: unknown) => Buffer.from(typeof key === 'string' ? key : JSON.stringify(key)).toString('base64url');
const ID = '00000000-0000-4000-8000-000000000000';
const PERIOD = 'from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z';

// Each shaped like a cursor the API issues, but not one it could have issued.
const timeCursors = [
  cursor('garbage'),
  cursor({ at: '2026-02-30T00:00:00.000000Z', id: ID }),
  cursor({ at: '+275760-09-13T00:00:00.000000Z', id: ID }),
  cursor({ at: 'Tue, 1 Dec 2026 10:00:00 GMT', id: ID }),
  cursor({ at: '2026-12-01T10:00:00.000000Z', id: 'not-a-uuid' }),
  cursor({ at: '2026-12-01T10:00:00.000000Z' }),
  cursor(null),
  '%%%',
];

describe('a cursor the API did not issue is a 400 naming `cursor`, never a 500', () => {
  it('on the case list', async () => {
    const { session } = await t.signedIn(['supervisor']);
    const caseCursors = [
      ...timeCursors,
      cursor({ priority: 1e300, openedAt: '2026-12-01T10:00:00.000000Z', id: ID }),
      cursor({ priority: -(2 ** 31), openedAt: '2026-12-01T10:00:00.000000Z', id: ID }),
      cursor({ priority: 1.5, openedAt: '2026-12-01T10:00:00.000000Z', id: ID }),
      cursor({ priority: 1, openedAt: '2026-02-30T10:00:00.000000Z', id: ID }),
      cursor({ priority: 1, openedAt: '2026-12-01T10:00:00.000000Z', id: 'x' }),
    ];
    await expectInvalidFields(
      caseCursors.map((c) => [c, 'cursor'] as const),
      (c) => t.request('GET', `/api/cases?cursor=${c}`, { session }),
    );
  });

  it('on decisions awaiting confirmation', async () => {
    const { session } = await t.signedIn(['supervisor']);
    await expectInvalidFields(
      timeCursors.map((c) => [c, 'cursor'] as const),
      (c) => t.request('GET', `/api/decisions/pending?cursor=${c}`, { session }),
    );
  });

  it('on the access review', async () => {
    const { session } = await t.signedIn(['auditor']);
    await expectInvalidFields(
      timeCursors.map((c) => [c, 'cursor'] as const),
      (c) => t.request('GET', `/api/audit/access-review?${PERIOD}&cursor=${c}`, { session }),
    );
  });

  it('on the audit search, past the largest event id', async () => {
    const { session } = await t.signedIn(['auditor']);
    await expectInvalidFields([['9999999999999999999', 'cursor']], (c) =>
      t.request('GET', `/api/audit/events?cursor=${c}`, { session }),
    );
  });

  it('accepts a well-formed cursor (paging with issued ones is covered by the case and decision lists)', async () => {
    const { session } = await t.signedIn(['auditor']);
    const valid = cursor({ at: '2026-12-01T10:00:00.123456Z', id: ID });
    const response = await t.request('GET', `/api/audit/access-review?${PERIOD}&cursor=${valid}`, { session });
    expect(response.status).toBe(200);
    expect((await response.json()).items).toEqual([]);
  });
});
