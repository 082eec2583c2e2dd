/**
 * Demo-platform generation cost: builds a million synthetic reports and serialises them in
 * batches exactly as the intake client would send them, without sending. Memory must stay flat:
 * the generator streams, so peak RSS should not grow with the number of reports.
 */
import { generateReports } from '@docket/demo-platform';

const BATCH_SIZE = 1000;

export async function benchDemoGeneration({ reports = 1_000_000, seed = 1 } = {}) {
  const rssAtStart = process.memoryUsage.rss();
  let peakRss = rssAtStart;
  let messages = 0;
  let bytes = 0;
  let batch: unknown[] = [];
  const flush = () => {
    bytes += Buffer.byteLength(JSON.stringify({ reports: batch }));
    batch = [];
    // Sampled per batch: the loop is synchronous, so a timer would never get to run.
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  };

  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  for (const report of generateReports({ seed, reports })) {
    messages += report.messages.length;
    batch.push(report);
    if (batch.length === BATCH_SIZE) flush();
  }
  if (batch.length > 0) flush();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);

  const mb = (value: number) => `${(value / 1024 / 1024).toFixed(0)} MB`;
  const perSecond = (value: number) => Math.round(value / seconds).toLocaleString('en-US');
  console.log(`demo generation — ${reports.toLocaleString('en-US')} reports, serialised in batches of ${BATCH_SIZE}`);
  // CPU time too: on a shared machine wall time says as much about the neighbours.
  console.log(`  wall time:   ${seconds.toFixed(1)} s  (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
  console.log(`  reports/s:   ${perSecond(reports)}`);
  console.log(`  messages/s:  ${perSecond(messages)}  (${(messages / reports).toFixed(1)} per report)`);
  console.log(`  JSON:        ${mb(bytes)}  (${Math.round(bytes / reports)} bytes per report)`);
  console.log(`  peak RSS:    ${mb(peakRss)}  (${mb(rssAtStart)} at start)`);
}
