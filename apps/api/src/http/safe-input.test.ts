import { describe, expect, it } from 'vitest';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();

const NUL = 'a\u0000b';
const LONE_HIGH = 'a\uD800b';
const LONE_LOW = 'a\uDC00b';

async function expectRefused(response: Response, field: string) {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = await response.json();
  expect(problem).toMatchObject({ code: 'invalid', errors: [{ field, message: expect.stringContaining('NUL') }] });
}

async function createStaff(session: TestSession, displayName: string) {
  const username = `new-${Math.random().toString(36).slice(2, 8)}`;
  const body = { username, displayName, password: 'long enough password', roles: ['reviewer'] };
  return t.request('POST', '/api/staff', { session, body });
}

describe('text with a NUL or an unpaired surrogate is a 400 naming the field, never a 500', () => {
  // A URL cannot carry an unpaired surrogate (it is UTF-8), only a NUL.
  it.each([
    ['an audit search filter', '/api/audit/events?targetId=a%00b', 'targetId'],
    ['a repeated query parameter', '/api/audit/events?actor=ok&actor=a%00b', 'actor.1'],
    ['a path parameter', '/api/audit/events/%00', 'id'],
  ])('in %s', async (_, path, field) => {
    const { session } = await t.signedIn(['auditor']);
    await expectRefused(await t.request('GET', path, { session }), field);
  });

  it.each([NUL, LONE_HIGH])('in a staff display name (%j), creating nobody', async (value) => {
    const { session } = await t.signedIn(['admin']);
    const before = await t.count('staff_user');
    await expectRefused(await createStaff(session, value), 'displayName');
    expect(await t.count('staff_user')).toBe(before);
  });

  it.each([NUL, LONE_LOW])('in a signed intake handle (%j), storing nothing', async (value) => {
    const account = await t.serviceAccount();
    const report = aReport();
    const [first, ...others] = report.accounts;
    const response = await t.signedPost(
      '/api/intake/reports',
      { ...report, accounts: [{ ...first, handle: value }, ...others] },
      account,
    );
    await expectRefused(response, 'accounts.0.handle');
    expect(await t.count('report')).toBe(0);
    expect(await t.count('platform_account')).toBe(0);
  });

  it('in an object key', async () => {
    const { session } = await t.signedIn(['admin']);
    const response = await t.request('PATCH', `/api/staff/${session.userId}`, {
      session,
      rawBody: '{"displayName":"Fine","\\u0000":1}',
      headers: { 'content-type': 'application/json' },
    });
    await expectRefused(response, '\\u0000');
  });

  it('still accepts text with paired surrogates (emoji) and ordinary control characters', async () => {
    const { session } = await t.signedIn(['admin']);
    expect((await createStaff(session, 'Ana 🌊\ttide')).status).toBe(201);
  });
});

describe('a refusal at a path that decodes to unsafe text is still recorded', () => {
  it('by the permission check', async () => {
    const { session } = await t.signedIn(['auditor']);
    const response = await t.request('GET', '/api/staff/a%00b', { session });
    expect(response.status).toBe(403);
    const [denied] = await t.auditEvents('authz.denied');
    expect(denied?.details).toMatchObject({ path: '/api/staff/a%00b' });
  });

  it('as a refused request naming its target', async () => {
    const response = await t.request('GET', '/api/staff/a%00b');
    expect(response.status).toBe(401);
    const refused = await t.auditEvents('request.refused');
    expect(refused.map((event) => event.target_id)).toContain('a\\u0000b');
  });
});
