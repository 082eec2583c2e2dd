/**
 * `pnpm keys:rotate --signing --init` — creates the audit signing key file (owner-only) at
 * DOCKET_AUDIT_SIGNING_KEY_FILE.
 * `pnpm keys:rotate --signing` — adds a new signing key that becomes current. Earlier keys keep
 * only their public half and stay registered, so the checkpoints they signed keep verifying;
 * running servers sign with the new key from their next round.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { connect, dataDir } from '@docket/db';
import { runSystemAction } from '../actions/context';
import type { Config } from '../config';
import { registerSigningKeys, SigningKeyFile } from './signing-keys';

export async function signingKeysCommand(config: Config, options: { init: boolean }): Promise<number> {
  const file = config.auditSigningKeyFile ?? path.join(dataDir(), 'keys', 'audit-signing.json');
  if (options.init) {
    if (existsSync(file)) {
      console.error(`${file} already exists; refusing to overwrite signing keys`);
      return 1;
    }
    const keys = SigningKeyFile.create(file);
    console.log(
      `created ${file} (mode 0600) with signing key ${keys.current().key.keyId} — back it up; set DOCKET_AUDIT_SIGNING_KEY_FILE to it`,
    );
    return 0;
  }

  const keys = new SigningKeyFile(file);
  const rotation = keys.rotate();
  console.log(
    `signing key ${rotation.current.keyId} is current; retired ${rotation.retired.map((key) => key.keyId).join(', ') || 'none'}`,
  );
  const connection = await connect({ databaseUrl: config.databaseUrl, role: config.databaseRole, poolSize: 1 });
  try {
    await runSystemAction(
      connection.db,
      async (ctx) => {
        await registerSigningKeys(ctx.trx, keys.keys());
        await ctx.emit({
          action: 'audit.signing_key_rotated',
          target: { type: 'signing_key', id: rotation.current.keyId },
          details: { retired: rotation.retired.map((key) => key.keyId) },
        });
      },
      'keys:rotate',
    );
    console.log('registered in the database; copy the file to every API process, which pick it up without a restart');
  } catch (error) {
    console.error(
      `the key file is rotated, but the database could not be told (${(error as Error).message}); ` +
        'each API process registers the file’s keys when it starts or notices the new key',
    );
    return 1;
  } finally {
    await connection.close();
  }
  return 0;
}
