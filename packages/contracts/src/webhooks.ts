import { z } from 'zod';

/** The events Docket sends to platforms; `webhook.test` is sent on an admin's request only. */
export const WEBHOOK_EVENT_TYPES = [
  'decision.effective',
  'decision.reversed',
  'appeal.received',
  'appeal.decided',
  'access.notice',
  'case.closed',
  'audit.checkpoint',
  'webhook.test',
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

const timestamp = z.iso.datetime({ offset: true });

export const WebhookEndpoint = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(WebhookEventType),
    secretRotatedAt: timestamp.nullable(),
    disabledAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookEndpointList = z.object({ items: z.array(WebhookEndpoint) }).meta({ id: 'WebhookEndpointList' });
export type WebhookEndpointList = z.infer<typeof WebhookEndpointList>;

export const WebhookEndpointWithSecret = WebhookEndpoint.extend({
  secret: z.string().meta({
    description: 'The `whsec_` signing secret, shown once. Docket keeps it only sealed under the key-encryption key.',
  }),
}).meta({ id: 'WebhookEndpointWithSecret' });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const CreateWebhookEndpointBody = z
  .object({
    url: z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: 'an http or https URL' }).max(2000),
    description: z.string().trim().max(200).default(''),
    eventTypes: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length),
  })
  .meta({ id: 'CreateWebhookEndpointBody' });
export type CreateWebhookEndpointBody = z.input<typeof CreateWebhookEndpointBody>;

export const WebhookDeliveryStatus = z.enum(['pending', 'delivered', 'dead']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;

export const WebhookDelivery = z
  .object({
    id: z.uuid(),
    eventId: z.uuid().meta({ description: 'The `webhook-id` header of every attempt: receivers dedupe on it.' }),
    eventType: z.string(),
    subject: z.string(),
    status: WebhookDeliveryStatus,
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastAttemptAt: timestamp.nullable(),
    nextAttemptAt: timestamp.nullable(),
    deliveredAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryPage = z
  .object({ items: z.array(WebhookDelivery), nextCursor: z.string().nullable() })
  .meta({ id: 'WebhookDeliveryPage' });
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;

export const WebhookTestEvent = z.object({ eventId: z.uuid() }).meta({ id: 'WebhookTestEvent' });
export type WebhookTestEvent = z.infer<typeof WebhookTestEvent>;

export const WebhookDeliveryQuery = z.object({
  cursor: z.string().max(200).optional().meta({ description: 'Opaque cursor from `nextCursor`.' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type WebhookDeliveryQuery = z.input<typeof WebhookDeliveryQuery>;
