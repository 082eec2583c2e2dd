/**
 * `pnpm faults`: the long form of the fault harness. Every scenario on one stack of three
 * replicas behind HAProxy on a PostgreSQL cluster of its own; prints each verdict and exits
 * non-zero if any failed. (The short form runs inside `pnpm test`: src/faults.test.ts.)
 */
import { haproxyAvailable } from './balancer';
import { postgresBinDir } from './postgres';
import {
  actorsFor,
  backupRestore,
  gracefulShutdown,
  killNine,
  poolExhaustion,
  postgresRestart,
  sealerFailover,
  stuckTransaction,
  type Verdict,
} from './scenarios';
import { startStack } from './stack';

if (!postgresBinDir()) throw new Error('no PostgreSQL server binaries: apt-get install postgresql, or set PG_BIN');
if (!haproxyAvailable()) throw new Error('no haproxy: apt-get install haproxy, or set HAPROXY_BIN');

const verdicts: Verdict[] = [];
const report = (verdict: Verdict) => {
  verdicts.push(verdict);
  process.stdout.write(
    `\n${verdict.ok ? 'PASS' : 'FAIL'}  ${verdict.scenario}\n${JSON.stringify(verdict.figures, null, 2)}\n`,
  );
  for (const failure of verdict.failures.slice(0, 20)) process.stdout.write(`  ✗ ${failure}\n`);
};

// `pnpm faults [name …]` runs only the named scenarios, in this order.
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const started = Date.now();
const stack = await startStack({ replicas: 3 });
try {
  const { recorder, actors } = await actorsFor(stack, 4);
  const scenarios: [string, () => Promise<Verdict>][] = [
    ['kill', () => killNine(stack, recorder, actors, 8_000)],
    ['sealer', () => sealerFailover(stack, recorder, actors)],
    ['restart-fast', () => postgresRestart(stack, recorder, actors, 'fast')],
    ['restart-immediate', () => postgresRestart(stack, recorder, actors, 'immediate')],
    ['stuck', () => stuckTransaction(stack, recorder, actors)],
    ['shutdown', () => gracefulShutdown(stack, recorder, actors)],
    ['pool', () => poolExhaustion(stack, 500)],
    ['restore', () => backupRestore(stack, recorder, actors)],
  ];
  const unknown = only.filter((name) => !scenarios.some(([known]) => known === name));
  if (unknown.length) throw new Error(`no scenario ${unknown.join(', ')}: ${scenarios.map(([n]) => n).join(', ')}`);
  for (const [name, run] of scenarios) {
    if (only.length === 0 || only.includes(name)) report(await run());
  }
} finally {
  await stack.stop();
}
const failed = verdicts.filter((v) => !v.ok).length;
process.stdout.write(
  `\n${verdicts.length - failed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)\n`,
);
process.exit(failed ? 1 : 0);
