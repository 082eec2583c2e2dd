/**
 * `pnpm start`: open the keyring and the audit signing keys, migrate, create demo staff and demo
 * data when appropriate, serve the API and the built console on one port, seal audit events in
 * the background, and shut down gracefully.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, dataDir, migrateToLatest } from '@docket/db';
import { serve } from '@hono/node-server';
import { systemActor } from './actions/context';
import { createApp } from './app';
import { startSealingLoop } from './audit/sealing-loop';
import { openSigningKeys, registerSigningKeys } from './audit/signing-keys';
import { loadConfig } from './config';
import { seedDemoHistory } from './demo/demo-history';
import { demoPlatformCredentials, hasReports, seedDemoPlatform } from './demo/demo-platform';
import { startDemoPlatformReceiver } from './demo/demo-receiver';
import { demoLoginLines, seedDemoStaff } from './demo/demo-staff';
import { openKeyring } from './encryption/keyring';
import { checkKeyringOpensDatabase } from './encryption/keyring-check';
import { createLogger } from './http/logger';
import { createBackgroundWork } from './jobs/background';
import type { Operations } from './ops/health';

const config = loadConfig();
// A person at a terminal gets short readable lines; a log collector (no TTY) gets JSON.
const interactive = process.stdout.isTTY === true;
const logger = createLogger(config.logLevel, {
  pretty: (config.logFormat ?? (interactive ? 'pretty' : 'json')) === 'pretty',
});
const embedded = !config.databaseUrl;
const demo = embedded || config.demo || process.argv.includes('--demo');

function exitWith(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal({ err: message }, 'cannot start');
  process.stderr.write(`docket: ${message}\n`);
  process.exit(1);
}
function orExit<T>(open: () => T): T {
  try {
    return open();
  } catch (error) {
    exitWith(error);
  }
}

// Before touching the database: a real deployment without its keys must not start at all.
const warn = (message: string) => logger.warn(message);
const keyring = orExit(() =>
  openKeyring(
    { file: config.keyringFile, defaultFile: path.join(dataDir(), 'keys', 'keyring.json'), mayGenerate: demo },
    warn,
  ),
);
const signingKeys = orExit(() =>
  openSigningKeys(
    {
      file: config.auditSigningKeyFile,
      defaultFile: path.join(dataDir(), 'keys', 'audit-signing.json'),
      mayGenerate: demo,
    },
    warn,
  ),
);

const connection = await connect({
  databaseUrl: config.databaseUrl,
  poolSize: config.databasePoolSize,
  role: config.databaseRole,
  applicationName: `docket/${config.instance}`,
  onConnectionError: (error) => logger.warn({ err: error.message }, 'database connection lost'),
});
const migrations = await migrate().catch(exitWith);
logger.info({ database: connection.kind, location: connection.location, applied: migrations.length }, 'database ready');
// A database restored without its keyring must not start and then fail every read.
await checkKeyringOpensDatabase(connection.db, keyring, keyring.file).catch(exitWith);
// Every process registers every key in its file, so old checkpoints stay verifiable after rotations.
await registerSigningKeys(connection.db, signingKeys.keys());

/** Migrations run as the schema's owner (DATABASE_OWNER_URL) when the application's login is not. */
async function migrate() {
  if (!config.databaseOwnerUrl) {
    return migrateToLatest(connection.db).catch((error: Error) => {
      if (!config.databaseRole) throw error;
      throw new Error(
        `${error.message} — as ${config.databaseRole} the schema cannot change: set DATABASE_OWNER_URL, or run pnpm db:migrate as the owner`,
      );
    });
  }
  const owner = await connect({ databaseUrl: config.databaseOwnerUrl, poolSize: 1 });
  try {
    return await migrateToLatest(owner.db);
  } finally {
    await owner.close();
  }
}

const system = systemActor();
const demoStaff = demo ? await seedDemoStaff(connection.db, system) : null;
const seedReports = demo && config.demoReports > 0 && !(await hasReports(connection.db));

const defaultDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../console/dist');
const consoleDist = config.env === 'production' ? (config.consoleDist ?? defaultDist) : config.consoleDist;

const sealing =
  config.auditSealIntervalMs > 0
    ? startSealingLoop({
        db: connection.db,
        keys: signingKeys,
        logger,
        intervalMs: config.auditSealIntervalMs,
        // The embedded database has one connection: short rounds keep the console responsive.
        options: connection.kind === 'pglite' ? { maxEvents: 2000, batchSize: 1000 } : {},
      })
    : null;

// Outbox deliveries and recurring work; JOBS_POLL_MS=0 leaves them to other processes.
const background =
  config.jobs.pollMs > 0
    ? createBackgroundWork({
        db: connection.db,
        keyring,
        logger,
        config,
        ...(connection.kind === 'pglite' ? { deliveries: { batchSize: 10, rounds: 1 } } : {}),
      })
    : null;
background?.start();

let stopping = false;
const ops: Operations = {
  stopping: () => stopping,
  poolStats: connection.poolStats,
  loops: [
    ...(sealing
      ? [
          {
            name: 'sealer' as const,
            health: sealing.health,
            staleAfterMs: Math.max(30_000, 10 * config.auditSealIntervalMs),
          },
        ]
      : []),
    ...(background
      ? [{ name: 'jobs' as const, health: background.health, staleAfterMs: Math.max(30_000, config.jobs.leaseMs) }]
      : []),
  ],
};
const app = createApp(
  { db: connection.db, config, logger, keyring, signingKeys, listen: connection.listen, ops },
  { consoleDist },
);

// The demo platform's receiver: deliveries succeed in the console with nothing configured.
const demoReceiver = demo
  ? await startDemoPlatformReceiver({
      db: connection.db,
      keyring,
      log: (line) => process.stdout.write(`  ${line}\n`),
      docketUrl: `http://127.0.0.1:${config.port}`,
    }).catch((error: Error) => {
      logger.error({ err: error.message }, 'the demo platform receiver could not start');
      return null;
    })
  : null;

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const url = config.publicUrl ?? `http://${info.address === '0.0.0.0' ? 'localhost' : info.address}:${info.port}`;
  logger.info({ url, database: connection.kind }, 'docket listening');
  const lines = [
    '',
    `  Docket is running at ${url}`,
    `  Database: ${connection.kind === 'pglite' ? `embedded PGlite in ${connection.location}` : connection.location}`,
    `  API reference: ${url}/docs`,
  ];
  if (demoStaff) lines.push('', ...demoLoginLines(demoStaff));
  if (demoReceiver) lines.push('', `  Demo platform: receiving signed events at ${demoReceiver.url}`);
  if (seedReports)
    lines.push('', `  Demo data: ${config.demoReports} reports are arriving through the intake API now…`);
  process.stdout.write(`${lines.join('\n')}\n\n`);
  if (seedReports) void seedDemoData(`http://127.0.0.1:${info.port}`);
});

/**
 * Pushes the demo platform's reports in small batches so the console stays responsive meanwhile.
 * At a terminal one line counts them in place; elsewhere only the outcome is printed.
 */
async function seedDemoData(baseUrl: string) {
  const progress = (line: string) => interactive && process.stdout.write(`\r\x1b[2K  ${line}`);
  try {
    const result = await seedDemoPlatform({
      baseUrl,
      credentials: await demoPlatformCredentials(connection.db, keyring),
      reports: config.demoReports,
      batchSize: connection.kind === 'pglite' ? 100 : 500,
      onProgress: ({ sent }) =>
        progress(`Demo data: ${sent.toLocaleString('en')} of ${config.demoReports.toLocaleString('en')} reports in…`),
    });
    progress('');
    process.stdout.write(
      `${interactive ? '\r' : ''}  Demo data: ${result.created} reports with ${result.messages} messages are in.\n`,
    );
    // Staff then work some of them, so a transparency report for this year has every section filled.
    // Appeals come once enforcements take effect, after the undo window (ADR 043).
    const history = await seedDemoHistory(baseUrl, { appealWaitMs: (config.decisions.undoSeconds + 3) * 1000 });
    process.stdout.write(`  Demo history: ${history.cases} cases worked, legal orders answered, appeals decided.\n`);
  } catch (error) {
    progress('');
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'demo data could not be seeded');
  }
}

/**
 * SIGTERM: readiness fails at once (balancers stop sending), the listener closes, live streams
 * are told to reconnect elsewhere, requests in flight finish, the sealer finishes its round and
 * the job runner its tick (giving back its leases); then the pool closes. Whatever is still
 * open after SHUTDOWN_TIMEOUT_MS is cut and the process exits non-zero.
 */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  logger.info({ signal }, 'shutting down: no new connections, finishing requests');
  const force = setTimeout(() => {
    logger.error({ afterMs: Date.now() - started }, 'shutdown took too long: exiting with work unfinished');
    process.exit(1);
  }, config.shutdownTimeoutMs);
  force.unref();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  app.closeStreams();
  // Keep-alive connections that go idle after their last response are closed as they do.
  const idle = setInterval(() => (server as { closeIdleConnections?: () => void }).closeIdleConnections?.(), 100);
  await Promise.all([sealing?.stop(), background?.stop(), closed]);
  clearInterval(idle);
  // After the pumps: a delivery in flight still finds its receiver.
  await demoReceiver?.close();
  await app.stopSessionCache();
  await connection.close();
  logger.info({ ms: Date.now() - started }, 'stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
