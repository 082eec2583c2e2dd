/** Admins' outbound endpoints: a URL, the event types it hears, and a secret shown only once. */
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  CreateWebhookEndpointBody,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEventType,
} from '@docket/contracts';
import type { Database, WebhookEndpointRow } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { aad } from '../encryption/envelope';
import type { Keyring } from '../encryption/keyring';
import { AppError } from '../http/problem';

const COLUMNS = ['id', 'url', 'description', 'event_types', 'secret_rotated_at', 'disabled_at', 'created_at'] as const;
type PublicRow = Pick<WebhookEndpointRow, (typeof COLUMNS)[number]>;

function toEndpoint(row: PublicRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types as WebhookEventType[],
    secretRotatedAt: row.secret_rotated_at?.toISOString() ?? null,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
function newSecret(keyring: Keyring, endpointId: string) {
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const { version, sealed } = keyring.wrap(Buffer.from(secret), aad.webhookSecret(endpointId));
  return { secret, sealed: { secret_sealed: sealed, kek_version: version } };
}

/** The endpoint's secret, unsealed to sign one delivery. */
export function unsealWebhookSecret(
  keyring: Keyring,
  row: Pick<WebhookEndpointRow, 'id' | 'secret_sealed' | 'kek_version'>,
): string {
  return keyring.unwrap(row.kek_version, row.secret_sealed, aad.webhookSecret(row.id)).toString();
}

export async function listWebhookEndpoints(db: Kysely<Database>): Promise<WebhookEndpoint[]> {
  const rows = await db.selectFrom('webhook_endpoint').select(COLUMNS).orderBy('created_at').execute();
  return rows.map(toEndpoint);
}

export async function createWebhookEndpoint(
  ctx: ActionContext,
  keyring: Keyring,
  input: Required<CreateWebhookEndpointBody>,
): Promise<WebhookEndpointWithSecret> {
  const { trx } = ctx;
  const id = randomUUID();
  const { secret, sealed } = newSecret(keyring, id);
  const eventTypes = [...new Set(input.eventTypes)];
  const row = await trx
    .insertInto('webhook_endpoint')
    .values({ id, url: input.url, description: input.description, event_types: eventTypes, ...sealed })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  await ctx.emit({
    action: 'webhook.endpoint_created',
    target: { type: 'webhook_endpoint', id },
    details: { url: input.url, eventTypes },
  });
  return { ...toEndpoint(row), secret };
}

/** A new secret replaces the old at once: deliveries from now on are signed with it only. */
export async function rotateWebhookSecret(
  ctx: ActionContext,
  keyring: Keyring,
  id: string,
): Promise<WebhookEndpointWithSecret> {
  const { trx } = ctx;
  const { secret, sealed } = newSecret(keyring, id);
  const row = await trx
    .updateTable('webhook_endpoint')
    .set({ ...sealed, secret_rotated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No webhook endpoint with that id.');
  await ctx.emit({ action: 'webhook.endpoint_rotated', target: { type: 'webhook_endpoint', id } });
  return { ...toEndpoint(row), secret };
}

/** A disabled endpoint gets no new events; its pending deliveries wait until it is enabled. */
export async function setWebhookEndpointDisabled(
  ctx: ActionContext,
  id: string,
  disabled: boolean,
): Promise<WebhookEndpoint> {
  const { trx } = ctx;
  const row = await trx
    .updateTable('webhook_endpoint')
    .set({ disabled_at: disabled ? sql<Date>`coalesce(disabled_at, now())` : null })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No webhook endpoint with that id.');
  await ctx.emit({
    action: disabled ? 'webhook.endpoint_disabled' : 'webhook.endpoint_enabled',
    target: { type: 'webhook_endpoint', id },
  });
  return toEndpoint(row);
}
