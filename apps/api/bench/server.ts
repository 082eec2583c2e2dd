/**
 * The API as `pnpm start` runs it, plus one route that exists only here, for benchmarks: a read
 * of a conversation's stored rows with no grant check, no decryption and no audit event — the
 * baseline the authorized read is measured against. Never mounted in production.
 */
import { connect } from '@docket/db';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { FileKeyring } from '../src/encryption/keyring';
import { createLogger } from '../src/http/logger';

const config = loadConfig();
const connection = await connect({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize });
const keyring = new FileKeyring(config.keyringFile as string);
const app = createApp({ db: connection.db, config, logger: createLogger(config.logLevel), keyring });

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
      body: row.body_ciphertext.toString('base64'),
    })),
  });
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
process.on('SIGTERM', () => server.close(() => void connection.close().then(() => process.exit(0))));
