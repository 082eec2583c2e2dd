import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { expectInvalidFields } from '../testing/problems';
import { pumpUntil, useWebhookScenario } from './test-helpers';

const harness = useTestApp();
const scenario = useWebhookScenario(harness);

describe('webhook endpoints', () => {
  it('shows the whsec_ secret once, keeps it only sealed, and never puts it in the audit log', async () => {
    const { endpoint, session } = await scenario.endpoint();
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const row = await harness.db
      .selectFrom('webhook_endpoint')
      .selectAll()
      .where('id', '=', endpoint.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(endpoint.secret.slice(6, 30));
    expect(row.secret_sealed.includes(Buffer.from(endpoint.secret))).toBe(false);

    const listed = await (await harness.request('GET', '/api/webhooks/endpoints', { session })).json();
    expect(JSON.stringify(listed)).not.toContain(endpoint.secret);
    const audit = await harness.auditEvents();
    expect(JSON.stringify(audit)).not.toContain(endpoint.secret.slice(6));
    expect(audit.find((event) => event.action === 'webhook.endpoint_created')?.details).toMatchObject({
      url: endpoint.url,
    });
  });

  it('signs with the new secret only once rotated: the old one no longer verifies', async () => {
    const { receiver, endpoint, session } = await scenario.endpoint();
    const rotated = await harness.request('POST', `/api/webhooks/endpoints/${endpoint.id}/rotate-secret`, {
      session,
    });
    expect(rotated.status).toBe(200);
    const { secret } = await rotated.json();
    expect(secret).not.toBe(endpoint.secret);

    await harness.request('POST', `/api/webhooks/endpoints/${endpoint.id}/test`, { session });
    const pump = scenario.pump();
    await pumpUntil(pump, () => receiver.refused === 1);
    receiver.secret = secret;
    await harness.db.updateTable('webhook_delivery').set({ next_attempt_at: new Date() }).execute();
    await pumpUntil(pump, () => receiver.received.length === 1);
    expect(receiver.received[0]?.type).toBe('webhook.test');
  });

  it('sends a disabled endpoint nothing, and resumes its waiting deliveries when enabled', async () => {
    const { receiver, endpoint, session } = await scenario.endpoint();
    await scenario.emit([{ subject: 'account:d', n: 1 }]);
    await harness.request('POST', `/api/webhooks/endpoints/${endpoint.id}/disable`, { session });
    await scenario.emit([{ subject: 'account:d', n: 2 }]);
    const pump = scenario.pump();
    expect(await pump()).toBe(0);
    const test = await harness.request('POST', `/api/webhooks/endpoints/${endpoint.id}/test`, { session });
    expect(test.status).toBe(409);

    await harness.request('POST', `/api/webhooks/endpoints/${endpoint.id}/enable`, { session });
    await pumpUntil(pump, () => receiver.received.length === 1);
    expect(receiver.received.map((r) => r.data.n)).toEqual([1]);
  });

  it('accepts only http and https URLs, naming the field', async () => {
    const session = await scenario.admin();
    const register = (url: string, eventType = 'decision.effective') =>
      harness.request('POST', '/api/webhooks/endpoints', { session, body: { url, eventTypes: [eventType] } });
    await expectInvalidFields(
      [
        ['ftp://platform.example/x', 'url'],
        ['javascript:alert(1)', 'url'],
        ['file:///etc/passwd', 'url'],
        ['not a url', 'url'],
      ],
      (url) => register(url),
    );
    await expectInvalidFields([['message.read', 'eventTypes.0']], (type) =>
      register('https://platform.example/x', type),
    );
  });

  it('is for admins only: a supervisor can neither list nor register endpoints', async () => {
    const { id, session } = await harness.signedIn(['reviewer', 'supervisor']);
    expect((await harness.request('GET', '/api/webhooks/endpoints', { session })).status).toBe(403);
    const created = await harness.request('POST', '/api/webhooks/endpoints', {
      session,
      body: { url: 'https://platform.example/x', eventTypes: ['decision.effective'] },
    });
    expect(created.status).toBe(403);
    const createdBySupervisor = (await harness.auditEvents('webhook.endpoint_created')).filter(
      (e) => e.actor_id === id,
    );
    expect(createdBySupervisor).toHaveLength(0);
    expect(
      await harness.db
        .selectFrom('webhook_endpoint')
        .select('id')
        .where('url', '=', 'https://platform.example/x')
        .execute(),
    ).toHaveLength(0);
  });

  it('pages the delivery log newest first with a cursor', async () => {
    const { endpoint, session } = await scenario.endpoint();
    const ids = await scenario.emit(Array.from({ length: 5 }, (_, n) => ({ subject: `account:p${n}`, n })));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await (
        await harness.request('GET', `/api/webhooks/endpoints/${endpoint.id}/deliveries${query}`, { session })
      ).json();
      seen.push(...page.items.map((item: { eventId: string }) => item.eventId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    await expectInvalidFields([['nope', 'cursor']], (bad) =>
      harness.request('GET', `/api/webhooks/endpoints/${endpoint.id}/deliveries?cursor=${bad}`, { session }),
    );
  });
});
