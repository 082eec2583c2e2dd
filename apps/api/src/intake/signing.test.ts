import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();
const PATH = '/api/intake/reports';

describe('signed intake requests', () => {
  it('accepts a correctly signed request and records the service account as the actor', async () => {
    const platform = await t.serviceAccount();
    const response = await t.signedPost(PATH, aReport(), platform);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'created' });
    const [event] = (await t.auditEvents('intake.reports_received')).slice(-1);
    expect(event).toMatchObject({ actor_type: 'service', actor_id: platform.id, outcome: 'success' });
  });

  it.each([
    ['a wrong secret', { secret: 'dks_not-the-secret' }, 'bad_signature'],
    ['a timestamp six minutes old', { timestamp: Math.floor(Date.now() / 1000) - 360 }, 'stale_timestamp'],
    ['a timestamp six minutes ahead', { timestamp: Math.floor(Date.now() / 1000) + 360 }, 'stale_timestamp'],
    ['a body other than the one signed', { bodyToSign: '{"externalId":"something else"}' }, 'bad_signature'],
  ])('refuses %s with 401, stores nothing and audits the attempt', async (_name, sign, reason) => {
    const platform = await t.serviceAccount();
    const before = await t.count('report');
    const response = await t.signedPost(PATH, aReport(), platform, sign);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await t.count('report')).toBe(before);
    expect((await t.auditEvents('intake.signature_rejected')).at(-1)).toMatchObject({
      outcome: 'denied',
      target_id: platform.keyId,
      details: expect.objectContaining({ reason }),
    });
  });

  it('refuses a replay of the very same signed request', async () => {
    const platform = await t.serviceAccount();
    const report = aReport();
    const body = JSON.stringify(report);
    const { signRequest } = await import('@docket/intake-client');
    const headers = {
      ...signRequest(platform.keyId, platform.secret, {
        method: 'POST',
        path: PATH,
        timestamp: Math.floor(Date.now() / 1000),
        body,
      }),
      'content-type': 'application/json',
    };
    expect((await t.request('POST', PATH, { rawBody: body, headers })).status).toBe(200);
    const replay = await t.request('POST', PATH, { rawBody: body, headers });
    expect(replay.status).toBe(409);
    expect((await replay.json()).detail).toMatch(/replay/);
  });

  it('refuses a disabled account at once, and accepts it again when enabled', async () => {
    const platform = await t.serviceAccount();
    const { session } = await t.signedIn(['admin']);
    expect((await t.request('POST', `/api/service-accounts/${platform.id}/disable`, { session })).status).toBe(200);
    const refused = await t.signedPost(PATH, aReport(), platform);
    expect(refused.status).toBe(401);
    expect((await t.auditEvents('intake.signature_rejected')).at(-1)?.details).toMatchObject({
      reason: 'disabled_account',
    });
    expect((await t.request('POST', `/api/service-accounts/${platform.id}/enable`, { session })).status).toBe(200);
    expect((await t.signedPost(PATH, aReport(), platform)).status).toBe(200);
  });

  it('refuses unsigned requests and unknown keys', async () => {
    expect((await t.request('POST', PATH, { body: aReport() })).status).toBe(401);
    const unknown = await t.signedPost(PATH, aReport(), { keyId: 'dk_unknown', secret: 'dks_whatever' });
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).detail).toBe('Unknown or disabled service key.');
  });

  it('ignores staff session cookies on intake', async () => {
    const { session } = await t.signedIn(['admin']);
    expect((await t.request('POST', PATH, { session, body: aReport() })).status).toBe(401);
  });
});

describe('service account administration', () => {
  it('shows the secret once, keeps it only sealed, and never lists it', async () => {
    const { session } = await t.signedIn(['admin']);
    const created = await t.request('POST', '/api/service-accounts', { session, body: { name: 'Example platform' } });
    expect(created.status).toBe(201);
    const account = await created.json();
    expect(account.secret).toMatch(/^dks_[\w-]{43}$/);
    const stored = await t.db
      .selectFrom('service_account')
      .selectAll()
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_sealed.includes(Buffer.from(account.secret))).toBe(false);
    const list = await (await t.request('GET', '/api/service-accounts', { session })).json();
    expect(JSON.stringify(list)).not.toContain(account.secret);
    expect(list.items).toContainEqual(
      expect.objectContaining({ id: account.id, keyId: account.keyId, name: 'Example platform' }),
    );
    const [event] = (await t.auditEvents('service_account.created')).slice(-1);
    expect(JSON.stringify(event)).not.toContain(account.secret);
  });

  it('is for admins only', async () => {
    const { session } = await t.signedIn(['supervisor', 'reviewer']);
    expect((await t.request('POST', '/api/service-accounts', { session, body: { name: 'x' } })).status).toBe(403);
  });
});
