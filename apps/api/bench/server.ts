/**
 * The API as `pnpm start` runs it, plus one route that exists only here, for benchmarks: a read
 * of a conversation's stored rows with no grant check, no decryption and no audit event — the
 * baseline the authorized read is measured against; and one that says where the process's memory is
 * (`memory` prints it). Never mounted in production.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { connect } from '@docket/db';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app';
import { startSealingLoop } from '../src/audit/sealing-loop';
import { registerSigningKeys, SigningKeyFile } from '../src/audit/signing-keys';
import { loadConfig } from '../src/config';
import { FileKeyring } from '../src/encryption/keyring';
import { createLogger } from '../src/http/logger';
import { createBackgroundWork } from '../src/jobs/background';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const connection = await connect({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize });
const keyring = new FileKeyring(config.keyringFile as string);
const signingKeys = new SigningKeyFile(config.auditSigningKeyFile as string);
await registerSigningKeys(connection.db, signingKeys.keys());
const app = createApp({ db: connection.db, config, logger, keyring, signingKeys, listen: connection.listen });
// Sealing runs beside the requests, as in production, when the scenario turns it on.
const sealing =
  config.auditSealIntervalMs > 0
    ? startSealingLoop({ db: connection.db, keys: signingKeys, logger, intervalMs: config.auditSealIntervalMs })
    : null;

// Deliveries and sweeps, as main.ts runs them, when the scenario asks (the harness sets JOBS_POLL_MS=0).
const background = config.jobs.pollMs > 0 ? createBackgroundWork({ db: connection.db, keyring, logger, config }) : null;
background?.start();

app.get('/bench/plain-read/:conversationId', async (c) => {
  const rows = await connection.db
    .selectFrom('message')
    .select(['id', 'sender_id', 'sent_at', 'body_ciphertext'])
    .where('conversation_id', '=', c.req.param('conversationId'))
    .orderBy('sent_at')
    .execute();
  return c.json({
    messages: rows.map((row) => ({
      id: row.id,
      senderId: row.sender_id,
      sentAt: row.sent_at.toISOString(),
      body: row.body_ciphertext?.toString('base64') ?? null,
    })),
  });
});

app.get('/bench/memory', (c) =>
  c.json({
    usage: process.memoryUsage(),
    heap: Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size])),
  }),
);

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
process.on('SIGTERM', () =>
  server.close(
    () =>
      void Promise.all([sealing?.stop(), background?.stop()]).then(() =>
        connection.close().then(() => process.exit(0)),
      ),
  ),
);
