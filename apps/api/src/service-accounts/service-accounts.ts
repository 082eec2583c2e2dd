import { randomBytes, randomUUID } from 'node:crypto';
import type { ServiceAccount, ServiceAccountWithSecret } from '@docket/contracts';
import type { Database, ServiceAccountRow } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { aad } from '../encryption/envelope';
import type { Keyring } from '../encryption/keyring';
import { AppError } from '../http/problem';

const COLUMNS = ['id', 'name', 'key_id', 'disabled_at', 'created_at', 'last_used_at'] as const;
type PublicRow = Pick<ServiceAccountRow, (typeof COLUMNS)[number]>;

export function toServiceAccount(row: PublicRow): ServiceAccount {
  return {
    id: row.id,
    name: row.name,
    keyId: row.key_id,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

export async function listServiceAccounts(db: Kysely<Database>): Promise<ServiceAccount[]> {
  const rows = await db.selectFrom('service_account').select(COLUMNS).orderBy('created_at').execute();
  return rows.map(toServiceAccount);
}

/** Creates an account and returns its secret, which is never retrievable again. */
export async function createServiceAccount(
  ctx: ActionContext,
  keyring: Keyring,
  name: string,
): Promise<ServiceAccountWithSecret> {
  const { trx } = ctx;
  const id = randomUUID();
  const keyId = `dk_${randomBytes(8).toString('hex')}`;
  const secret = `dks_${randomBytes(32).toString('base64url')}`;
  const { version, sealed } = keyring.wrap(Buffer.from(secret), aad.serviceSecret(id));
  const row = await trx
    .insertInto('service_account')
    .values({ id, name, key_id: keyId, secret_sealed: sealed, kek_version: version })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  await ctx.emit({
    action: 'service_account.created',
    target: { type: 'service_account', id },
    details: { name, keyId },
  });
  return { ...toServiceAccount(row), secret };
}

export async function setServiceAccountDisabled(
  ctx: ActionContext,
  id: string,
  disabled: boolean,
): Promise<ServiceAccount> {
  const { trx } = ctx;
  const row = await trx
    .updateTable('service_account')
    .set({ disabled_at: disabled ? sql<Date>`coalesce(disabled_at, now())` : null })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No service account with that id.');
  await ctx.emit({
    action: disabled ? 'service_account.disabled' : 'service_account.enabled',
    target: { type: 'service_account', id },
  });
  return toServiceAccount(row);
}

/** The account's secret, unsealed for verifying one request. */
export function unsealSecret(keyring: Keyring, row: Pick<ServiceAccountRow, 'id' | 'secret_sealed' | 'kek_version'>) {
  return keyring.unwrap(row.kek_version, row.secret_sealed, aad.serviceSecret(row.id)).toString();
}
