/**
 * `pnpm soak --minutes N` (default 10): sustained mixed traffic at a realistic rate through
 * HAProxy to three replicas. Every interval it prints the error rate and p50/p99 per route, each
 * process's RSS and heap, the sealer's lag and the outbox's; at the end it reconciles (every
 * acknowledged action audited once under its request id, the chain verifies, no job stuck).
 */
import { haproxyAvailable } from './balancer';
import { reconcile } from './reconcile';
import { actorsFor } from './scenarios';
import { METRICS_TOKEN, startStack } from './stack';
import { type Exchange, sleep, startTraffic } from './traffic';

const args = process.argv.slice(2);
const at = args.indexOf('--minutes');
const minutes = at >= 0 ? Number(args[at + 1]) : 10;
if (!(minutes > 0)) throw new Error('--minutes takes a positive number');
if (!haproxyAvailable()) throw new Error('no haproxy: apt-get install haproxy');
const SAMPLE_MS = Number(process.env.SOAK_SAMPLE_MS ?? 30_000);

function percentile(sorted: number[], p: number) {
  return sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number) : 0;
}

/** A route pattern for the table: ids become :id. */
const routeOf = (e: Exchange) => `${e.method} ${e.path.split('?')[0]?.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')}`;

function metric(text: string, name: string, labels = ''): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.split(' ')[1]) : null;
}

const stack = await startStack({ replicas: 3, env: { LOG_LEVEL: 'error' } });
const { recorder, actors } = await actorsFor(stack, 3);
const traffic = startTraffic(recorder, actors, { paceMs: 1_000, exportEveryMs: 60_000 });
const started = Date.now();
const out = (line: string) => process.stdout.write(`${line}\n`);
out(
  `soak: ${minutes} min, 3 replicas behind HAProxy at ${stack.balancer.url}, 3 reviewers + supervisor stream + auditor`,
);
let from = 0;
try {
  while (Date.now() - started < minutes * 60_000) {
    await sleep(Math.min(SAMPLE_MS, minutes * 60_000 - (Date.now() - started)));
    const window = recorder.exchanges.slice(from);
    from = recorder.exchanges.length;
    const t = Math.round((Date.now() - started) / 1000);
    const failed = window.filter((e) => e.status === 0 || e.status >= 500);
    out(
      `\n[t=${t}s] ${window.length} requests, ${((100 * failed.length) / Math.max(1, window.length)).toFixed(2)}% errors`,
    );
    const why = new Map<string, number>();
    for (const e of failed) {
      const key = `${e.status || e.error} on ${routeOf(e)} after ${Math.round(e.ms / 1000)} s`;
      why.set(key, (why.get(key) ?? 0) + 1);
    }
    for (const [key, n] of why) out(`  error ×${n}: ${key}`);
    const byRoute = new Map<string, number[]>();
    for (const e of window) byRoute.set(routeOf(e), [...(byRoute.get(routeOf(e)) ?? []), e.ms]);
    for (const [route, ms] of [...byRoute].sort()) {
      ms.sort((a, b) => a - b);
      out(
        `  ${route.padEnd(52)} n=${String(ms.length).padStart(4)} p50=${percentile(ms, 50)}ms p99=${percentile(ms, 99)}ms`,
      );
    }
    for (const replica of stack.replicas) {
      const text = await fetch(`http://127.0.0.1:${replica.port}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      })
        .then((r) => r.text())
        .catch(() => '');
      const rss = metric(text, 'docket_process_resident_memory_bytes');
      const heap = metric(text, 'docket_nodejs_heap_size_used_bytes');
      const sealLag = metric(text, 'docket_backlog_oldest_seconds', '{queue="audit_seal"}');
      const outbox = metric(text, 'docket_backlog', '{queue="outbox_pending"}');
      const outboxLag = metric(text, 'docket_backlog_oldest_seconds', '{queue="outbox_pending"}');
      out(
        `  ${replica.name}: rss=${Math.round((rss ?? 0) / 1e6)}MB heap=${Math.round((heap ?? 0) / 1e6)}MB ` +
          `sealer lag=${sealLag?.toFixed(2)}s outbox pending=${outbox} (oldest ${outboxLag?.toFixed(1)}s)`,
      );
    }
  }
} finally {
  await traffic.stop();
}
const result = await reconcile(stack, recorder, actors.auditor);
out(`\nreconciliation: ${result.ok ? 'PASS' : 'FAIL'} ${JSON.stringify(result.figures)}`);
for (const failure of result.failures.slice(0, 20)) out(`  ✗ ${failure}`);
await stack.stop();
process.exit(result.ok ? 0 : 1);
