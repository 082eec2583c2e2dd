/**
 * `pnpm keys:rotate --init` — creates a new keyring file (owner-only) at DOCKET_KEYRING_FILE.
 * `pnpm keys:rotate` — adds a new key-encryption key version to the keyring, makes it current
 * and re-wraps every data key and service secret under it (message ciphertexts untouched).
 * `pnpm keys:rotate --retire N` — removes version N once nothing is wrapped by it any more.
 * `pnpm keys:rotate --signing [--init]` — the audit signing keys instead (audit/signing-keys-cli.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect, dataDir } from '@docket/db';
import { runSystemAction, systemActor } from '../actions/context';
import { signingKeysCommand } from '../audit/signing-keys-cli';
import { loadConfig } from '../config';
import { FileKeyring } from './keyring';
import { keysWrappedBy, rewrapAll } from './rotation';

const { values } = parseArgs({
  options: { retire: { type: 'string' }, init: { type: 'boolean' }, signing: { type: 'boolean' } },
});
const config = loadConfig();
if (values.signing) process.exit(await signingKeysCommand(config, { init: Boolean(values.init) }));
const keyringFile = config.keyringFile ?? path.join(dataDir(), 'keys', 'keyring.json');
if (values.init) {
  if (existsSync(keyringFile)) {
    console.error(`${keyringFile} already exists; refusing to overwrite a keyring`);
    process.exit(1);
  }
  FileKeyring.create(keyringFile);
  console.log(`created ${keyringFile} (mode 0600) with key version 1 — back it up; set DOCKET_KEYRING_FILE to it`);
  process.exit(0);
}
const keyring = new FileKeyring(keyringFile);
const connection = await connect({ databaseUrl: config.databaseUrl, poolSize: 2 });
const audit = systemActor('keys:rotate');

try {
  if (values.retire) {
    const version = Number(values.retire);
    const remaining = await keysWrappedBy(connection.db, version);
    if (remaining > 0) {
      console.error(`version ${version} still wraps ${remaining} keys; run pnpm keys:rotate first`);
      process.exitCode = 1;
    } else {
      keyring.retireVersion(version);
      await runSystemAction(
        connection.db,
        (ctx) => ctx.emit({ action: 'keys.retired', details: { version } }),
        'keys:rotate',
      );
      console.log(`retired key version ${version}; versions now ${keyring.versions().join(', ')}`);
    }
  } else {
    const version = keyring.addVersion();
    const result = await rewrapAll(connection.db, keyring, audit);
    console.log(
      `key version ${version} is current; re-wrapped ${result.dataKeys} data keys and ${result.serviceSecrets} service secrets`,
    );
    console.log(
      `older versions (${
        keyring
          .versions()
          .filter((v) => v !== version)
          .join(', ') || 'none'
      }) still decrypt until retired`,
    );
  }
} finally {
  await connection.close();
}
