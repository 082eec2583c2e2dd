/**
 * Benchmark plumbing shared by every `pnpm bench` scenario: a real API server on a fresh
 * database, and two load shapes — paced (open loop, fixed arrival rate: latency percentiles
 * that do not hide queueing) and saturated (closed loop, N clients back to back: throughput).
 */
import type { AddressInfo } from 'node:net';
import { connect } from '@docket/db';
import { createTemplateDatabase, createTestDatabase, startTestServer } from '@docket/db/testing';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { StaticKeyring } from '../src/encryption/keyring';

export interface BenchServer {
  baseUrl: string;
  keyring: StaticKeyring;
  db: Awaited<ReturnType<typeof connect>>['db'];
  close(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const server = await startTestServer();
  const template = await createTemplateDatabase(server.adminUrl);
  const database = await createTestDatabase(server.adminUrl, template);
  const connection = await connect({ databaseUrl: database.url, poolSize: 20 });
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
  const keyring = StaticKeyring.generate();
  const app = createApp({ db: connection.db, config, logger: pino({ level: 'silent' }), keyring });
  const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => http.once('listening', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    keyring,
    db: connection.db,
    async close() {
      await new Promise((resolve) => http.close(resolve));
      await connection.close();
      await database.drop();
      await server.stop();
    },
  };
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] as number;
}

/** Fires `operation` at `ratePerSecond` for `seconds` regardless of how slow answers are. */
export async function paced(operation: () => Promise<void>, ratePerSecond: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round(ratePerSecond * seconds);
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inflight.push(
      operation().then(
        // Measured from when the request was due, so a stalled server shows up as latency.
        () => void latencies.push(performance.now() - due),
        () => void errors++,
      ),
    );
  }
  await Promise.all(inflight);
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** `clients` loops calling `operation` back to back for `seconds`; returns operations/second. */
export async function saturated(operation: () => Promise<void>, clients: number, seconds: number) {
  let done = 0;
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        try {
          await operation();
          done++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { perSecond: done / ((performance.now() - start) / 1000), errors };
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
