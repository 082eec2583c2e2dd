/**
 * Child process of `pnpm bench transparency`: computes one year's report from DATABASE_URL, as the
 * API does, and prints its time and this process's peak RSS as one JSON line.
 */
import { connect } from '@docket/db';
import { computeReport } from '../src/transparency/reports/compute';

const [from, to, label] = process.argv.slice(2) as [string, string, string];
const connection = await connect({ databaseUrl: process.env.DATABASE_URL as string, poolSize: 2 });
const cpu = process.cpuUsage();
const start = performance.now();
const report = await computeReport(connection.db, { period: { from, to, label }, threshold: 10 });
const seconds = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    figures: report.figures.length,
    checkpointSeq: report.computedAgainst.checkpoint.seq,
  }),
);
await connection.close?.();
process.exit(0);
