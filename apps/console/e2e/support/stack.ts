/**
 * The system under test, started once per run: a Postgres database cloned from a migrated
 * template, the console built for production, and the API serving both on a free port,
 * exactly as `pnpm start` runs in production (one process, one origin, the real CSP).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTemplateDatabase,
  createTestDatabase,
  dropDatabase,
  freePort,
  startTestServer,
} from '@docket/db/testing';

const consoleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const apiDir = path.resolve(consoleDir, '../api');
const distDir = path.join(consoleDir, 'dist');

export interface Stack {
  baseUrl: string;
  /** The API's database, for journeys that check what it recorded (its audit log). */
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  // Undone in reverse order on stop, or as far as we got if starting fails.
  const undo: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of undo.reverse()) await step().catch((error) => console.error('e2e teardown:', error));
  };
  try {
    const server = await startTestServer();
    undo.push(() => server.stop());
    // Migrating the template and building the console are independent; do them together.
    const [template] = await Promise.all([createTemplateDatabase(server.adminUrl), buildConsole()]);
    undo.push(() => dropDatabase(server.adminUrl, template));
    const database = await createTestDatabase(server.adminUrl, template);
    undo.push(() => database.drop());

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const api = startApi(port, database.url);
    undo.push(() => api.stop());
    await waitUntilReady(baseUrl, api);
    return { baseUrl, databaseUrl: database.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function buildConsole(): Promise<void> {
  const vite = path.join(consoleDir, 'node_modules/vite/bin/vite.js');
  return run(process.execPath, [vite, 'build', '--logLevel', 'warn'], consoleDir, 'vite build');
}

interface RunningApi {
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

function startApi(port: number, databaseUrl: string): RunningApi {
  const { DOCKET_DATA_DIR: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      DOCKET_DEMO: 'true',
      // Enough reports to fill every queue, few enough to arrive within seconds of start.
      DOCKET_DEMO_REPORTS: '200',
      CONSOLE_DIST: distDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      // Lets a supervisor approve a one-minute grant, so a journey sees one end; production keeps 15.
      ACCESS_MIN_MINUTES: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
    },
  };
}

async function waitUntilReady(baseUrl: string, api: RunningApi, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.process.exitCode !== null) {
      throw new Error(`the API exited with code ${api.process.exitCode} before it was ready:\n${api.output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the API was not ready at ${baseUrl}/readyz within ${timeoutMs} ms:\n${api.output()}`);
}

function run(command: string, args: string[], cwd: string, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${label} failed with exit code ${code}:\n${output}`)),
    );
  });
}
