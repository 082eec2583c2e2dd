/** A real API process (`src/main.ts` under tsx) for tests that need one: restarts, start-up output. */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@docket/db/testing';

export interface ApiProcess {
  baseUrl: string;
  process: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

const apiDir = path.join(import.meta.dirname, '../..');

/**
 * Starts `main.ts` with `env` on a free port (or `options.port`, to come back where a balancer
 * expects it) and resolves once `/readyz` says ready.
 */
export async function startApiProcess(
  env: Record<string, string>,
  options: { port?: number; readyTimeoutMs?: number } = {},
): Promise<ApiProcess> {
  // A free port can be taken by another process between asking and listening: try another one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env, options);
    } catch (error) {
      const taken = error instanceof Error && error.message.includes('EADDRINUSE');
      if (!taken || options.port !== undefined || attempt >= 3) throw error;
    }
  }
}

async function startOnce(
  env: Record<string, string>,
  options: { port?: number; readyTimeoutMs?: number },
): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const { DOCKET_DATA_DIR: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: { ...inherited, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-50_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const api: ApiProcess = {
    baseUrl: `http://127.0.0.1:${port}`,
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
  await waitUntilReady(api, options.readyTimeoutMs);
  return api;
}

async function waitUntilReady(api: ApiProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.process.exitCode !== null) {
      throw new Error(`the API exited with code ${api.process.exitCode} before it was ready:\n${api.output()}`);
    }
    const response = await fetch(`${api.baseUrl}/readyz`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await api.stop();
  throw new Error(`the API was not ready at ${api.baseUrl}/readyz within ${timeoutMs} ms:\n${api.output()}`);
}
