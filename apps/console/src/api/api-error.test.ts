import { describe, expect, it } from 'vitest';
import { problemToApiError } from './api-error';
import { withQuery } from './client';

describe('problemToApiError', () => {
  it('reads an RFC 9457 problem with its field errors and request id', () => {
    const error = problemToApiError(400, {
      type: '/problems/invalid',
      title: 'Invalid request',
      status: 400,
      detail: 'password: at least 12 characters',
      code: 'invalid',
      requestId: 'req-1',
      errors: [
        { field: 'password', message: 'at least 12 characters' },
        { field: 'roles.0', message: 'not a role' },
        { field: 'roles.1', message: 'not a role either' },
      ],
    });
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid',
      detail: 'password: at least 12 characters',
      requestId: 'req-1',
    });
    expect(error.fieldErrorMap()).toEqual({
      password: 'at least 12 characters',
      roles: 'not a role; not a role either',
    });
  });

  it('keeps the retry delay of a rate-limited sign-in', () => {
    const error = problemToApiError(429, {
      code: 'rate_limited',
      detail: 'Too many failed sign-ins. Try again in 15 minutes.',
      requestId: 'req-2',
      retryAfterSeconds: 900,
    });
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(900);
  });

  it('turns a body that is not a problem into a readable error, with the header request id', () => {
    const error = problemToApiError(502, null, 'req-from-header');
    expect(error.code).toBe('unknown');
    expect(error.detail).toMatch(/try again/i);
    expect(error.requestId).toBe('req-from-header');
    expect(error.fieldErrors).toEqual([]);
  });

  it('does not trust an unknown code or malformed field errors', () => {
    const error = problemToApiError(400, { code: 'made_up', detail: 'x', errors: [{ field: 1 }, 'nope', null] });
    expect(error.code).toBe('unknown');
    expect(error.fieldErrors).toEqual([]);
  });
});

describe('withQuery', () => {
  it('adds only the parameters that have a value', () => {
    expect(withQuery('/api/staff', { q: 'ada lovelace', cursor: null, limit: 50, x: '' })).toBe(
      '/api/staff?q=ada+lovelace&limit=50',
    );
    expect(withQuery('/api/staff', {})).toBe('/api/staff');
  });
});
