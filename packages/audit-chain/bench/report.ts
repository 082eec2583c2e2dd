/**
 * Benchmark: `docket-verify --report` over a genuine period bundle of report-shaped events (grants,
 * reads, decisions, legal requests, appeals and their noise), against plain verification of the
 * same bundle as the baseline. The report is computed by the same fold first, then checked.
 *   pnpm --filter @docket/audit-chain exec tsx bench/report.ts [--events N]
 * Target: ≥ 150,000 events/s. Callable as `benchReportVerify()` for `pnpm bench transparency`.
 */

import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eventLine } from '../src/bundle/format';
import { openFileBytes } from '../src/node/file';
import { nodeCryptoProvider, writeBundle, writeToFile } from '../src/node/index';
import { foldOnWorker } from '../src/node/report-worker';
import { finishReport, reportFold } from '../src/report/build';
import { verifyReport } from '../src/report/verify-report';
import { sealRecords, signCheckpoint, testKey } from '../src/testing/fixture';
import { reportRecord } from '../src/testing/report-records';
import { verifyBundle } from '../src/verify/verify';

const YEAR_MS = 365 * 86_400_000;
export const BENCH_PERIOD = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', label: '2026' };

/** Events spread over 2026, as a year's report sees them. */
export const benchRecordOptions = (events: number) => ({
  start: Date.parse(BENCH_PERIOD.from) + 1,
  stepMs: Math.max(1, Math.floor((YEAR_MS - 60_000) / events)),
});

async function timed<T>(run: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  return {
    value,
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMiB: Math.round(peak / 2 ** 20),
  };
}

export async function benchReportVerify(options: { events?: number; keep?: boolean } = {}) {
  const events = options.events ?? 1_000_000;
  const every = 10_000;
  const recordOptions = benchRecordOptions(events);
  const record = (seq: number) => reportRecord(seq, recordOptions);
  const dir = await mkdtemp(join(tmpdir(), 'docket-report-bench-'));
  const path = join(dir, 'bundle.zip');
  try {
    const key = testKey();
    const checkpoints = [];
    const fold = reportFold({
      period: BENCH_PERIOD,
      checkpoint: { seq: events, head: '', issuedAt: '', keyId: '', signature: '' },
    });
    for (const { record: sealed, chain } of sealRecords(events, record)) {
      fold.add(sealed);
      if (sealed.seq % every === 0 || sealed.seq === events) {
        checkpoints.push(
          signCheckpoint(key, sealed.seq, chain, new Date(Date.parse(BENCH_PERIOD.to) + sealed.seq).toISOString()),
        );
      }
    }
    const checkpoint = checkpoints.at(-1)!;
    const report = finishReport(fold.result(), { period: BENCH_PERIOD, threshold: 10, checkpoint });
    const lines = (function* () {
      for (const { record: sealed, text, leaf, chain } of sealRecords(events, record))
        yield eventLine(sealed.seq, leaf, chain, text);
    })();
    await writeToFile(
      writeBundle({
        exportedAt: '2027-01-02T09:00:00.000Z',
        exportedBy: { id: 'bench', label: 'bench' },
        scope: { kind: 'period', from: BENCH_PERIOD.from, to: BENCH_PERIOD.to },
        anchor: 0,
        keys: [key.entry],
        checkpoints,
        events: lines,
        signer: key.signer,
      }),
      path,
    );
    const crypto = nodeCryptoProvider();
    const trust = { keyIds: [key.entry.keyId] };
    // Read as the CLI reads a file (positioned reads, ADR 052).
    const fromFile = async <T>(check: (bytes: Awaited<ReturnType<typeof openFileBytes>>) => Promise<T>) => {
      const bytes = await openFileBytes(path);
      try {
        return await check(bytes);
      } finally {
        await bytes.close();
      }
    };
    const baseline = await timed(() => fromFile((bytes) => verifyBundle(bytes, { crypto, trust })));
    const checked = await timed(async () =>
      fromFile((bytes) =>
        verifyReport(new TextEncoder().encode(JSON.stringify(report)), bytes, {
          crypto,
          trust,
          fold: foldOnWorker,
        }),
      ),
    );
    if (!checked.value.ok) throw new Error(`the report did not verify: ${checked.value.reason}`);
    return {
      events,
      bundleMiB: Math.round((await stat(path)).size / 2 ** 20),
      figures: report.figures.length,
      report: checked,
      baseline,
      eventsPerSecond: Math.round(events / checked.seconds),
      baselineEventsPerSecond: Math.round(events / baseline.seconds),
    };
  } finally {
    if (options.keep) console.log(`kept ${path}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

export function printReportVerify(result: Awaited<ReturnType<typeof benchReportVerify>>) {
  const n = (value: number) => value.toLocaleString('en-US');
  console.log(`  bundle: ${n(result.events)} events, ${n(result.bundleMiB)} MiB, ${result.figures} figures`);
  console.log(
    `  docket-verify --report: ${result.report.seconds.toFixed(1)} s, ${n(result.eventsPerSecond)} events/s (target ≥ 150,000), ` +
      `CPU ${((result.report.cpuSeconds / result.events) * 1e6).toFixed(2)} µs/event, peak RSS ${result.report.peakRssMiB} MiB`,
  );
  console.log(
    `  baseline, the same bundle verified without the report: ${result.baseline.seconds.toFixed(1)} s, ${n(result.baselineEventsPerSecond)} events/s, ` +
      `CPU ${((result.baseline.cpuSeconds / result.events) * 1e6).toFixed(2)} µs/event → the report costs ×${(result.report.cpuSeconds / result.baseline.cpuSeconds).toFixed(2)} CPU`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { events: { type: 'string' }, keep: { type: 'boolean' } } });
  printReportVerify(
    await benchReportVerify({ ...(values.events ? { events: Number(values.events) } : {}), keep: values.keep }),
  );
}
