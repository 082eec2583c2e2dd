/**
 * HAProxy in front of the replicas, as a deployment would run it: round robin, health checks on
 * /readyz, a refused connection retried on another replica, live streams cut when their replica
 * is marked down (so browsers reconnect to a healthy one). Each answer says which replica served.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@docket/db/testing';

export const HAPROXY = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';

export function haproxyAvailable(): boolean {
  return existsSync(HAPROXY);
}

export interface Backend {
  name: string;
  port: number;
}

/** The configuration: also what the README suggests for production, less the TLS. */
export function haproxyConfig(port: number, backends: Backend[]): string {
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 60s',
    '  timeout server 60s',
    // Without it a health check must answer within `inter` (300 ms): on a busy machine a slow but
    // healthy /readyz marks every replica down at once, cutting requests in flight.
    '  timeout check 2s',
    // Live-event streams stay open for long.
    '  timeout tunnel 1h',
    // A refused connection (a replica gone) is retried elsewhere; the request was never sent, so
    // this is safe for POSTs too.
    '  retries 3',
    '  option redispatch',
    'frontend docket',
    `  bind 127.0.0.1:${port}`,
    '  default_backend replicas',
    'backend replicas',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    '  http-response set-header X-Served-By %s',
    '  default-server inter 300 fall 2 rise 2 on-marked-down shutdown-sessions',
    ...backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`),
    '',
  ].join('\n');
}

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

export async function startBalancer(backends: Backend[]): Promise<Balancer> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'docket-faults-haproxy-'));
  const config = path.join(dir, 'haproxy.cfg');
  writeFileSync(config, haproxyConfig(port, backends));
  const child: ChildProcess = spawn(HAPROXY, ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-10_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited:\n${output}`);
    const response = await fetch(`${url}/readyz`).catch(() => null);
    if (response?.ok) break;
    if (Date.now() > deadline) throw new Error(`haproxy never served a ready replica:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
