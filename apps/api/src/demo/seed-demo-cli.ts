/**
 * `pnpm seed:demo [--reports 5000] [--seed 1] [--url http://host:port]`
 * Generates a synthetic platform and pushes it through the signed intake API. Without --url
 * it serves the API in-process on the configured database (stop a running embedded Docket
 * first: the embedded database has one owner); with --url it sends to that running server.
 */
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { connect, dataDir, migrateToLatest } from '@docket/db';
import { createProgressRenderer } from '@docket/demo-platform';
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { openSigningKeys } from '../audit/signing-keys';
import { loadConfig } from '../config';
import { openKeyring } from '../encryption/keyring';
import { createLogger } from '../http/logger';
import { demoPlatformCredentials, seedDemoPlatform } from './demo-platform';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    url: { type: 'string' },
    batch: { type: 'string' },
  },
});
const reports = Number(values.reports);
if (!Number.isInteger(reports) || reports < 1) {
  console.error('--reports must be a positive whole number');
  process.exit(2);
}

const config = loadConfig();
const logger = createLogger('warn');
const connection = await connect({ databaseUrl: config.databaseUrl, poolSize: 8 });
await migrateToLatest(connection.db);
const keyring = openKeyring(
  {
    file: config.keyringFile,
    defaultFile: path.join(dataDir(), 'keys', 'keyring.json'),
    mayGenerate: !config.databaseUrl || config.demo,
  },
  (message) => console.error(message),
);
const signingKeys = openSigningKeys(
  {
    file: config.auditSigningKeyFile,
    defaultFile: path.join(dataDir(), 'keys', 'audit-signing.json'),
    mayGenerate: !config.databaseUrl || config.demo,
  },
  (message) => console.error(message),
);
const credentials = await demoPlatformCredentials(connection.db, keyring);

let baseUrl = values.url;
let server: ReturnType<typeof serve> | undefined;
if (!baseUrl) {
  const app = createApp({ db: connection.db, config: { ...config, logLevel: 'warn' }, logger, keyring, signingKeys });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server?.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

console.error(
  `seeding ${reports} reports (seed ${values.seed}) into ${connection.kind === 'pglite' ? 'the embedded database' : connection.location}`,
);
const progress = createProgressRenderer({ total: reports });
try {
  const result = await seedDemoPlatform({
    baseUrl,
    credentials,
    reports,
    seed: Number(values.seed),
    batchSize: Number(values.batch ?? (connection.kind === 'pglite' ? 250 : 1000)),
    onProgress: (p) => progress.update(p),
  });
  progress.done(result);
  console.error(
    `done: ${result.created} reports created, ${result.duplicates} already present, ${result.messages} messages stored`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await connection.close();
}
