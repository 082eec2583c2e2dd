/**
 * Fills Docket with a synthetic platform through the real, signed intake API — the same path
 * a production platform uses — using the demo service account.
 */
import type { Database } from '@docket/db';
import { generateReports, type SendProgress, sendReports } from '@docket/demo-platform';
import { IntakeClient } from '@docket/intake-client';
import type { Kysely } from 'kysely';
import { runSystemAction } from '../actions/context';
import type { Keyring } from '../encryption/keyring';
import { createServiceAccount, unsealSecret } from '../service-accounts/service-accounts';

export const DEMO_PLATFORM_NAME = 'Demo platform';

/** The demo platform's credentials, creating its service account on first use. */
export async function demoPlatformCredentials(db: Kysely<Database>, keyring: Keyring) {
  const existing = await db
    .selectFrom('service_account')
    .select(['id', 'key_id', 'secret_sealed', 'kek_version'])
    .where('name', '=', DEMO_PLATFORM_NAME)
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  if (existing) return { keyId: existing.key_id, secret: unsealSecret(keyring, existing) };
  const created = await runSystemAction(db, (ctx) => createServiceAccount(ctx, keyring, DEMO_PLATFORM_NAME), 'demo');
  return { keyId: created.keyId, secret: created.secret };
}

export async function hasReports(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('report').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export interface SeedOptions {
  baseUrl: string;
  credentials: { keyId: string; secret: string };
  reports: number;
  seed?: number;
  batchSize?: number;
  onProgress?: (progress: SendProgress) => void;
}

export function seedDemoPlatform(options: SeedOptions): Promise<SendProgress> {
  return sendReports({
    client: new IntakeClient({ baseUrl: options.baseUrl, ...options.credentials }),
    // Conversations end "now", so SLA clocks and ages in the console look like a live queue.
    reports: generateReports({ seed: options.seed ?? 1, reports: options.reports, until: new Date() }),
    batchSize: options.batchSize ?? 1000,
    concurrency: 2,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
