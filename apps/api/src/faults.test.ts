/**
 * The fault harness's short form (apps/api/faults; `pnpm faults` runs the long one): three real
 * API processes on a PostgreSQL cluster of the test's own, behind HAProxy, under mixed traffic —
 * one kill -9, one sealer failover, one PostgreSQL restart, one backup and restore. Each
 * scenario's verdict reconciles every acknowledged action with its audit event.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { haproxyAvailable } from '../faults/balancer';
import { postgresBinDir } from '../faults/postgres';
import { actorsFor, backupRestore, killNine, postgresRestart, sealerFailover, type Verdict } from '../faults/scenarios';
import { type Stack, startStack } from '../faults/stack';

const missing = !postgresBinDir() ? 'PostgreSQL server binaries' : !haproxyAvailable() ? 'haproxy' : null;
if (missing) console.warn(`faults.test.ts skipped: no ${missing} on this machine (.ci/run installs them)`);

let stack: Stack;
let actors: Awaited<ReturnType<typeof actorsFor>>;

beforeAll(async () => {
  if (missing) return;
  stack = await startStack({ replicas: 3 });
  actors = await actorsFor(stack, 3);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

function expectVerdict(verdict: Verdict) {
  console.log(JSON.stringify(verdict));
  expect(verdict.failures).toEqual([]);
  expect(verdict.ok).toBe(true);
}

it.skipIf(missing)(
  'kill -9 of a replica: every acknowledged action audited once, the others carry on, the stream comes back',
  async () => {
    const verdict = await killNine(stack, actors.recorder, actors.actors, 3_000);
    expectVerdict(verdict);
    expect(verdict.figures.acknowledged).toBeGreaterThan(10);
  },
  120_000,
);

it.skipIf(missing)(
  'killing the replica that holds the sealer lock: another seals the next round, the chain verifies',
  async () => {
    expectVerdict(await sealerFailover(stack, actors.recorder, actors.actors));
  },
  120_000,
);

it.skipIf(missing)(
  'PostgreSQL restarts (-m immediate) under load: 503 with Retry-After, not ready, recovery by itself, nothing lost',
  async () => {
    expectVerdict(await postgresRestart(stack, actors.recorder, actors.actors, 'immediate'));
  },
  120_000,
);

it.skipIf(missing)(
  'backup and restore: the restored chain verifies, content reads, new events chain on; another keyring refuses to start',
  async () => {
    expectVerdict(await backupRestore(stack, actors.recorder, actors.actors));
  },
  120_000,
);
