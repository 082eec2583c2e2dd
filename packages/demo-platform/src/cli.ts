/**
 * Fills a Docket instance with a synthetic platform's reports:
 *
 *   DOCKET_INTAKE_KEY_ID=… DOCKET_INTAKE_SECRET=… pnpm --filter @docket/demo-platform send \
 *     --url http://localhost:3000 --reports 10000 [--seed 1] [--start 0] [--until 2026-11-01T00:00:00Z]
 *
 * The secret comes from the environment so that it stays out of shell history. To resume a run
 * that stopped, pass the same --seed, --reports and --until with --start at the index printed.
 */
import { parseArgs } from 'node:util';
import { IntakeClient } from '@docket/intake-client';
import { generateReports } from './generate';
import { createProgressRenderer } from './progress';
import { reportIndexOf } from './report';
import { SendError, sendReports } from './send';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.DOCKET_URL ?? 'http://localhost:3000' },
    reports: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    start: { type: 'string', default: '0' },
    until: { type: 'string' },
    batch: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '2' },
  },
});

const keyId = process.env.DOCKET_INTAKE_KEY_ID;
const secret = process.env.DOCKET_INTAKE_SECRET;
if (!keyId || !secret) {
  console.error('Set DOCKET_INTAKE_KEY_ID and DOCKET_INTAKE_SECRET to a service account’s credentials.');
  process.exit(2);
}

// `--seed 1` means the same platform as `generateReports({ seed: 1 })`.
const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
const total = Number(values.reports);
const startIndex = Number(values.start);
// A live demo wants recent conversations; printing the instant makes a resumed run identical.
const until = values.until ?? new Date().toISOString();
console.error(`seed ${seed}, ${total} reports until ${until}, starting at ${startIndex}`);

const progress = createProgressRenderer({ total: total - startIndex });
try {
  const result = await sendReports({
    client: new IntakeClient({ baseUrl: values.url, keyId, secret }),
    reports: generateReports({ seed, reports: total, startIndex, until }),
    batchSize: Number(values.batch),
    concurrency: Number(values.concurrency),
    onProgress: (p) => progress.update(p),
  });
  progress.done(result);
} catch (error) {
  if (!(error instanceof SendError)) throw error;
  progress.done(error.progress);
  console.error(`${error.message}\nResume with --start ${reportIndexOf(error.firstExternalId)} --until ${until}`);
  process.exit(1);
}
