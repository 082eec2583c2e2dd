/**
 * `/openapi.json` lists every status a route answers. The fuzz test checks what it observes;
 * these pin the statuses that chance alone rarely reaches.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { operations } from '../testing/openapi-inputs';

const t = useTestApp();
const NO_SUCH_CASE = '00000000-0000-4000-8000-000000000000';
const JUSTIFICATION = 'The reported messages suggest an ongoing threat that needs context.';

const documented = () =>
  operations(t.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'statuses', version: '0' } }));

function statusesOf(method: string, path: string) {
  const operation = documented().find((o) => o.method === method && o.path === path);
  if (!operation) throw new Error(`no operation ${method} ${path}`);
  return operation.documented;
}

describe('the OpenAPI document lists every status a route answers', () => {
  it.each([
    [
      '/api/cases/{id}/access-requests',
      {
        justificationCode: 'USER_REPORT',
        justification: JUSTIFICATION,
        scope: { kind: 'full_conversation' },
        durationMinutes: 30,
      },
    ],
    ['/api/cases/{id}/break-glass', { justification: JUSTIFICATION, durationMinutes: 10 }],
  ])('the 404 of POST %s for a case that does not exist', async (path, body) => {
    const { session } = await t.signedIn(['reviewer']);
    const response = await t.request('POST', path.replace('{id}', NO_SUCH_CASE), { session, body });
    expect(response.status).toBe(404);
    expect([...statusesOf('POST', path)]).toContain(404);
  });

  it('on every route: 400, 500 and 503; 413 wherever a body can be sent', () => {
    for (const operation of documented()) {
      const label = `${operation.method} ${operation.path}`;
      expect([...operation.documented], label).toEqual(expect.arrayContaining([400, 500, 503]));
      if (operation.method !== 'GET') expect([...operation.documented], label).toContain(413);
    }
  });

  it('the 413 of an oversized body on a route that takes none', async () => {
    const { session } = await t.signedIn(['reviewer']);
    const response = await t.request('POST', '/api/auth/sign-out', { session, rawBody: 'x'.repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect([...statusesOf('POST', '/api/auth/sign-out')]).toContain(413);
  });

  it('judges a body by its Content-Length, as a server behind HTTP/1.1 receives it', async () => {
    const { session } = await t.signedIn(['reviewer']);
    const big = 'x'.repeat(1024 * 1024 + 1);
    const declared = { 'content-length': String(big.length) };
    const refused = await t.request('POST', '/api/auth/sign-out', { session, rawBody: big, headers: declared });
    expect(refused.status).toBe(413);
    // A bodiless POST as browsers send it (`Content-Length: 0`) goes through.
    const empty = await t.request('POST', '/api/auth/sign-out', { session, headers: { 'content-length': '0' } });
    expect(empty.status).toBe(204);
  });
});
