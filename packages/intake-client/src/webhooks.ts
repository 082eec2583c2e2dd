/**
 * The receiving side of Docket's outbound events: a platform verifies each delivery with the
 * stock `standardwebhooks` library (signature over id, timestamp and body, a five-minute
 * tolerance on the timestamp) and gets a typed event. Dedupe on `id`: delivery is at-least-once.
 */
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@docket/contracts';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { z } from 'zod';

export interface DocketEvent {
  /** The `webhook-id`: the same on every attempt and redelivery of one event. */
  id: string;
  type: WebhookEventType;
  /** When Docket recorded the event (not when this attempt was sent). */
  timestamp: string;
  data: Record<string, unknown>;
}

const Envelope = z.object({
  type: z.enum(WEBHOOK_EVENT_TYPES),
  timestamp: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()),
});

export class WebhookRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookRejected';
  }
}

type Headers = Record<string, string | string[] | undefined> | { get(name: string): string | null };

function header(headers: Headers, name: string): string {
  const value =
    typeof headers.get === 'function'
      ? (headers as { get(name: string): string | null }).get(name)
      : (headers as Record<string, string | string[] | undefined>)[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * Verifies one delivery and parses it. Throws `WebhookRejected` on a bad or missing signature, a
 * stale or future timestamp, a tampered body or an unknown event shape: answer it with a 4xx.
 */
export function verifyWebhook(secret: string, headers: Headers, body: string): DocketEvent {
  const signed = {
    'webhook-id': header(headers, 'webhook-id'),
    'webhook-timestamp': header(headers, 'webhook-timestamp'),
    'webhook-signature': header(headers, 'webhook-signature'),
  };
  let parsed: unknown;
  try {
    parsed = new Webhook(secret).verify(body, signed);
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw new WebhookRejected(error.message);
    throw error;
  }
  const envelope = Envelope.safeParse(parsed);
  if (!envelope.success) throw new WebhookRejected('not a Docket event');
  return { id: signed['webhook-id'], ...envelope.data };
}
