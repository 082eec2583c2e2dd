import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';

const t = useTestApp();

describe('request ids are issued by the server', () => {
  it('gives two requests that send the same X-Request-Id different ids in the audit log', async () => {
    const { session } = await t.signedIn(['reviewer']);
    const headers = { 'x-request-id': 'chosen-by-the-caller' };
    const first = await t.request('GET', '/api/staff', { session, headers });
    const second = await t.request('GET', '/api/staff', { session, headers });
    expect([first.status, second.status]).toEqual([403, 403]);

    const ids = (await t.auditEvents('authz.denied')).map((event) => event.request_id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids).not.toContain('chosen-by-the-caller');
    expect(ids).toEqual([first.headers.get('x-request-id'), second.headers.get('x-request-id')]);
  });

  it("names the server's id in problem+json, and keeps the caller's only as clientRequestId in the access log", async () => {
    const response = await t.request('GET', '/api/nowhere', { headers: { 'x-request-id': 'caller-42' } });
    const problem = await response.json();
    expect(problem.requestId).not.toBe('caller-42');
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));

    const line = JSON.parse(t.logLines.find((l) => l.includes(problem.requestId)) ?? '{}');
    expect(line).toMatchObject({ requestId: problem.requestId, clientRequestId: 'caller-42' });
  });

  it('drops a client id that is long or carries odd characters', async () => {
    const response = await t.request('GET', '/api/nowhere', { headers: { 'x-request-id': 'a b\t"}{' } });
    const { requestId } = await response.json();
    const line = JSON.parse(t.logLines.find((l) => l.includes(requestId)) ?? '{}');
    expect(line.clientRequestId).toBeUndefined();
  });
});
