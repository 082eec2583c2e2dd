/**
 * The system under test, started once per run: a Postgres database cloned from a migrated
 * template, the console built for production, and the API serving both on a free port,
 * exactly as `pnpm start` runs in production (one process, one origin, the real CSP).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiProcess } from '@docket/api/testing/api-process';
import { createTemplateDatabase, createTestDatabase, dropDatabase, startTestServer } from '@docket/db/testing';

const consoleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
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

    const api = await startApiProcess({
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      DOCKET_DEMO: 'true',
      // Enough reports to fill every queue, few enough to arrive within seconds of start.
      DOCKET_DEMO_REPORTS: '200',
      CONSOLE_DIST: distDir,
      // Lets a supervisor approve a one-minute grant, so a journey sees one end; production keeps 15.
      ACCESS_MIN_MINUTES: '1',
    });
    undo.push(() => api.stop());
    // The demo staff work cases through the API after start (the demo history): journeys start
    // once they are done, so none races the demo's own reviewer for a case.
    await demoSettled(api);
    return { baseUrl: api.baseUrl, databaseUrl: database.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function demoSettled(api: { output(): string }, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!/Demo history:|demo data could not be seeded/.test(api.output())) {
    if (Date.now() > deadline)
      throw new Error(`the demo history did not finish within ${timeoutMs} ms:\n${api.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function buildConsole(): Promise<void> {
  const vite = path.join(consoleDir, 'node_modules/vite/bin/vite.js');
  return run(process.execPath, [vite, 'build', '--logLevel', 'warn'], consoleDir, 'vite build');
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
