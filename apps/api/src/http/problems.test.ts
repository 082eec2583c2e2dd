import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';

const t = useTestApp();

const staffCount = () => t.count('staff_user');

function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('x-request-id')).toBeTruthy();
}

describe('bad input always gets a 4xx problem and changes nothing', () => {
  it('malformed JSON', async () => {
    const { session } = await t.signedIn(['admin']);
    const before = await staffCount();
    const response = await t.request('POST', '/api/staff', {
      session,
      rawBody: '{"username": "x",',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(response, 400);
    const problem = await response.json();
    expect(problem).toMatchObject({
      type: '/problems/invalid',
      status: 400,
      requestId: response.headers.get('x-request-id'),
    });
    expect(await staffCount()).toBe(before);
  });

  it('a body that is not JSON at all', async () => {
    const { session } = await t.signedIn(['admin']);
    const before = await staffCount();
    const response = await t.request('POST', '/api/staff', {
      session,
      rawBody: 'username=x&password=y',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await staffCount()).toBe(before);
  });

  it('an oversized body', async () => {
    const { session } = await t.signedIn(['admin']);
    const before = await staffCount();
    const response = await t.request('POST', '/api/staff', {
      session,
      body: {
        username: 'big',
        displayName: 'x'.repeat(2 * 1024 * 1024),
        roles: ['reviewer'],
      },
    });
    expectProblem(response, 413);
    expect(await staffCount()).toBe(before);
  });

  it('an oversized field', async () => {
    const { session } = await t.signedIn(['admin']);
    const response = await t.request('POST', '/api/staff', {
      session,
      body: { username: 'big', displayName: 'x'.repeat(121), roles: ['reviewer'] },
    });
    expectProblem(response, 400);
    expect((await response.json()).errors).toEqual([{ field: 'displayName', message: expect.stringContaining('120') }]);
  });

  it('a missing body', async () => {
    const response = await t.request('POST', '/api/auth/sign-in', { headers: { 'content-type': 'application/json' } });
    expectProblem(response, 400);
  });

  it('an unknown API route', async () => {
    const { session } = await t.signedIn(['reviewer']);
    const response = await t.request('GET', '/api/nowhere', { session });
    expectProblem(response, 404);
  });

  it('marks every API response uncacheable', async () => {
    const { session } = await t.signedIn(['reviewer']);
    const response = await t.request('GET', '/api/auth/session', { session });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
