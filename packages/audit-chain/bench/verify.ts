/**
 * Benchmark: writes a genuine 1,000,000-event bundle with the writer (a checkpoint every 10,000
 * events, a few hundred bytes a record), then times the Node verifier over it.
 *   pnpm --filter @docket/audit-chain bench [--events N] [--keep]
 * Target: ≥ 150,000 events/s. Callable as `benchVerify()` for `pnpm bench`.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { elidedLine, eventLine } from '../src/bundle/format';
import { verifyBundleFile, writeBundle, writeToFile } from '../src/node/index';
import { checkpointTime, sealRecords, signCheckpoint, testKey } from '../src/testing/fixture';

export interface VerifyBenchResult {
  events: number;
  bundleBytes: number;
  writeSeconds: number;
  verifySeconds: number;
  eventsPerSecond: number;
  /** Peak resident set size while verifying, sampled every 20 ms. */
  verifyPeakRssMiB: number;
  ok: boolean;
}

export async function benchVerify(options: { events?: number; checkpointEvery?: number; keep?: boolean } = {}) {
  const events = options.events ?? 1_000_000;
  const every = options.checkpointEvery ?? 10_000;
  const dir = await mkdtemp(join(tmpdir(), 'docket-verify-bench-'));
  const path = join(dir, 'bundle.zip');
  try {
    const key = testKey();
    const writeStart = performance.now();
    // Checkpoints precede events in the zip, so the chain is sealed once for the heads, once for the lines.
    const checkpoints = [];
    for (const { record, chain } of sealRecords(events)) {
      if (record.seq % every === 0 || record.seq === events) {
        checkpoints.push(signCheckpoint(key, record.seq, chain, checkpointTime(record.seq)));
      }
    }
    const lines = (function* () {
      for (const { record, text, leaf, chain } of sealRecords(events)) {
        yield record.seq % 1000 === 999
          ? elidedLine(record.seq, leaf, chain)
          : eventLine(record.seq, leaf, chain, text);
      }
    })();
    await writeToFile(
      writeBundle({
        exportedAt: '2026-12-24T09:00:00.000Z',
        exportedBy: { id: '103', label: 'bench' },
        scope: { kind: 'period', from: '2026-12-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' },
        anchor: 0,
        keys: [key.entry],
        checkpoints,
        events: lines,
        signer: key.signer,
      }),
      path,
    );
    const writeSeconds = (performance.now() - writeStart) / 1000;

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const verifyStart = performance.now();
    const result = await verifyBundleFile(path, { trust: { keyIds: [key.entry.keyId] } });
    const verifySeconds = (performance.now() - verifyStart) / 1000;
    clearInterval(sampler);
    if (!result.ok) throw new Error(`the benchmark bundle did not verify: ${result.reason}`);
    return {
      events,
      bundleBytes: (await stat(path)).size,
      writeSeconds,
      verifySeconds,
      eventsPerSecond: Math.round(events / verifySeconds),
      verifyPeakRssMiB: Math.round(peak / 2 ** 20),
      ok: result.ok,
    } satisfies VerifyBenchResult;
  } finally {
    if (options.keep) console.log(`kept ${path}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { events: { type: 'string' }, keep: { type: 'boolean' } } });
  const result = await benchVerify({ ...(values.events ? { events: Number(values.events) } : {}), keep: values.keep });
  const mb = (result.bundleBytes / 2 ** 20).toFixed(0);
  console.log(
    `bundle: ${result.events.toLocaleString('en-US')} events, ${mb} MiB, written in ${result.writeSeconds.toFixed(1)} s`,
  );
  console.log(
    `verify: ${result.verifySeconds.toFixed(2)} s, ${result.eventsPerSecond.toLocaleString('en-US')} events/s ` +
      `(target ≥ 150,000), peak RSS ${result.verifyPeakRssMiB} MiB`,
  );
}
