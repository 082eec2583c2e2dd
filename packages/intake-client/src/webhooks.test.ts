import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookRejected } from './webhooks';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const body = JSON.stringify({
  type: 'decision.effective',
  timestamp: '2026-12-04T10:00:00.000Z',
  data: { subject: 'account:1', action: 'suspend_account' },
});

/** Headers as a sender using the stock library would set them. */
function signed(payload: string, at = new Date(), id = 'b4d0f3c2-6f0e-4f4e-9b1f-0a6b7e0f6a11', key = secret) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(key).sign(id, at, payload),
  };
}

describe('verifyWebhook', () => {
  it('accepts a delivery signed the Standard Webhooks way and returns the typed event with its id', () => {
    const event = verifyWebhook(secret, signed(body), body);
    expect(event).toEqual({
      id: 'b4d0f3c2-6f0e-4f4e-9b1f-0a6b7e0f6a11',
      type: 'decision.effective',
      timestamp: '2026-12-04T10:00:00.000Z',
      data: { subject: 'account:1', action: 'suspend_account' },
    });
    // Fetch-style headers work too.
    expect(verifyWebhook(secret, new Headers(signed(body)), body).type).toBe('decision.effective');
  });

  it('refuses a body changed after signing', () => {
    const tampered = body.replace('suspend_account', 'no_action');
    expect(() => verifyWebhook(secret, signed(body), tampered)).toThrow(WebhookRejected);
  });

  it('refuses a replay with a stale timestamp, and one from the future', () => {
    const stale = new Date(Date.now() - 10 * 60_000);
    expect(() => verifyWebhook(secret, signed(body, stale), body)).toThrow(WebhookRejected);
    const future = new Date(Date.now() + 10 * 60_000);
    expect(() => verifyWebhook(secret, signed(body, future), body)).toThrow(WebhookRejected);
  });

  it('refuses another secret, a missing signature and an event that is not Docket’s', () => {
    const other = `whsec_${randomBytes(32).toString('base64')}`;
    expect(() => verifyWebhook(secret, signed(body, new Date(), undefined, other), body)).toThrow(WebhookRejected);
    expect(() => verifyWebhook(secret, { ...signed(body), 'webhook-signature': '' }, body)).toThrow(WebhookRejected);
    const foreign = JSON.stringify({ type: 'invoice.paid', timestamp: '2026-12-04T10:00:00Z', data: {} });
    expect(() => verifyWebhook(secret, signed(foreign), foreign)).toThrow('not a Docket event');
  });
});
