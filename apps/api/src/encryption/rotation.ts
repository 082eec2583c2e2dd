/**
 * Key rotation: re-wraps every data key and service secret under the keyring's current KEK
 * version. Message ciphertexts are untouched — only the small wrapped keys change.
 */
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { actionContext } from '../actions/context';
import type { AuditContext } from '../audit/record';
import { aad, unwrapDataKey } from './envelope';
import type { Keyring } from './keyring';

const BATCH = 500;

export interface RewrapResult {
  toVersion: number;
  dataKeys: number;
  serviceSecrets: number;
  /** Data keys that could not be unwrapped (and so still use their old version). */
  failed: { conversationId: string; reason: string }[];
}

export async function rewrapAll(db: Kysely<Database>, keyring: Keyring, audit: AuditContext): Promise<RewrapResult> {
  const toVersion = keyring.currentVersion;
  let dataKeys = 0;
  let serviceSecrets = 0;
  const fromVersions = new Set<number>();
  const failed: { conversationId: string; reason: string }[] = [];

  // Batches in their own transactions (keyset by id), so a rotation over millions of
  // conversations neither holds one huge transaction nor blocks intake for long. A key that
  // cannot be unwrapped is an integrity incident: it is counted and named, never skipped silently.
  let after = '';
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('conversation')
        .select(['id', 'dek_wrapped', 'kek_version'])
        .where('kek_version', '!=', toVersion)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .forUpdate()
        .execute();
      // A key retention destroyed (null) is not rotated: there is nothing left to wrap.
      for (const { id, kek_version, dek_wrapped } of rows) {
        if (kek_version === null || dek_wrapped === null) continue;
        const row = { id, kek_version, dek_wrapped };
        fromVersions.add(row.kek_version);
        let dek: Buffer;
        try {
          dek = unwrapDataKey(keyring, row.id, row.kek_version, row.dek_wrapped);
        } catch (error) {
          failed.push({ conversationId: row.id, reason: (error as Error).message });
          continue;
        }
        const { version, sealed } = keyring.wrap(dek, aad.dataKey(row.id));
        await trx
          .updateTable('conversation')
          .set({ dek_wrapped: sealed, kek_version: version })
          .where('id', '=', row.id)
          .execute();
        dataKeys += 1;
      }
      return rows;
    });
    if (batch.length < BATCH) break;
    after = batch.at(-1)?.id ?? after;
  }

  await db.transaction().execute(async (trx) => {
    const accounts = await trx
      .selectFrom('service_account')
      .select(['id', 'secret_sealed', 'kek_version'])
      .where('kek_version', '!=', toVersion)
      .forUpdate()
      .execute();
    for (const account of accounts) {
      fromVersions.add(account.kek_version);
      const secret = keyring.unwrap(account.kek_version, account.secret_sealed, aad.serviceSecret(account.id));
      const { version, sealed } = keyring.wrap(secret, aad.serviceSecret(account.id));
      await trx
        .updateTable('service_account')
        .set({ secret_sealed: sealed, kek_version: version })
        .where('id', '=', account.id)
        .execute();
    }
    serviceSecrets = accounts.length;
    await actionContext(trx, audit).emit({
      action: 'keys.rotated',
      outcome: failed.length > 0 ? 'failure' : 'success',
      details: {
        toVersion,
        fromVersions: [...fromVersions].sort(),
        dataKeys,
        serviceSecrets,
        failed: failed.slice(0, 100),
        failedCount: failed.length,
      },
    });
  });
  return { toVersion, dataKeys, serviceSecrets, failed };
}

/** How many keys are still wrapped by `version` (zero before it may be retired). */
export async function keysWrappedBy(db: Kysely<Database>, version: number): Promise<number> {
  const row = await sql<{ n: number }>`
    select (select count(*) from conversation where kek_version = ${version})
         + (select count(*) from service_account where kek_version = ${version}) as n`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}
