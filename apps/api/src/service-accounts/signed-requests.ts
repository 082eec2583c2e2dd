/**
 * Verifies a platform's signed request (scheme in `@docket/intake-client` and the README):
 * known and enabled key, timestamp within ±5 minutes, HMAC over method, path, timestamp and
 * body digest. Replays are refused later, inside the action's transaction (`recordSignature`).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '@docket/db';
import { HEADER_KEY_ID, HEADER_SIGNATURE, HEADER_TIMESTAMP, signature } from '@docket/intake-client';
import type { Context } from 'hono';
import { type Kysely, sql } from 'kysely';
import { runAction } from '../actions/context';
import type { AppEnv, ServiceCaller } from '../context';
import { requestPath } from '../http/client';
import { AppError } from '../http/problem';
import { unsealSecret } from './service-accounts';

export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

async function refuse(c: Context<AppEnv>, reason: string, keyId: string | undefined, detail: string): Promise<never> {
  await runAction(c, (ctx) =>
    ctx.emit({
      action: 'intake.signature_rejected',
      outcome: 'denied',
      ...(keyId ? { target: { type: 'service_key', id: keyId.slice(0, 64) } } : {}),
      details: { reason, method: c.req.method, path: requestPath(c) },
    }),
  );
  throw new AppError('unauthenticated', detail, {}, { audited: true });
}

export async function verifySignedRequest(c: Context<AppEnv>): Promise<ServiceCaller> {
  const keyId = c.req.header(HEADER_KEY_ID);
  const timestampHeader = c.req.header(HEADER_TIMESTAMP);
  const given = c.req.header(HEADER_SIGNATURE);
  if (!keyId || !timestampHeader || !given) {
    throw new AppError(
      'unauthenticated',
      `Sign the request: ${HEADER_KEY_ID}, ${HEADER_TIMESTAMP} and ${HEADER_SIGNATURE} are required.`,
    );
  }
  const timestamp = Number(timestampHeader);
  if (!/^\d{1,12}$/.test(timestampHeader) || Math.abs(Date.now() / 1000 - timestamp) > SIGNATURE_WINDOW_SECONDS) {
    return refuse(c, 'stale_timestamp', keyId, 'The request timestamp is not within 5 minutes of the server clock.');
  }
  const { db, keyring } = c.get('deps');
  const account = await db
    .selectFrom('service_account')
    .select(['id', 'name', 'key_id', 'secret_sealed', 'kek_version', 'disabled_at'])
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  if (!account || account.disabled_at) {
    return refuse(c, account ? 'disabled_account' : 'unknown_key', keyId, 'Unknown or disabled service key.');
  }
  const body = new Uint8Array(await c.req.arrayBuffer());
  const url = new URL(c.req.url);
  const expected = signature(unsealSecret(keyring, account), {
    method: c.req.method,
    path: url.pathname + url.search,
    timestamp,
    body,
  });
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return refuse(c, 'bad_signature', keyId, 'The signature does not match the request.');
  }
  return { id: account.id, name: account.name, keyId: account.key_id, signature: Buffer.from(given) };
}

/** Records the signature in the action's transaction; a second use inside the window is a replay. */
export async function recordSignature(trx: Kysely<Database>, caller: ServiceCaller): Promise<void> {
  await trx
    .deleteFrom('service_request_signature')
    .where('received_at', '<', sql<Date>`now() - make_interval(secs => ${SIGNATURE_WINDOW_SECONDS * 2})`)
    .execute();
  const inserted = await trx
    .insertInto('service_request_signature')
    .values({ signature: caller.signature, service_account_id: caller.id })
    .onConflict((oc) => oc.column('signature').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
    throw new AppError(
      'conflict',
      'This signed request was already received (replay refused). Sign each request anew.',
    );
  }
  await trx
    .updateTable('service_account')
    .set({ last_used_at: sql`now()` })
    .where('id', '=', caller.id)
    .where((eb) =>
      eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]),
    )
    .execute();
}
