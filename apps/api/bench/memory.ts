/**
 * The API process's resident memory, on a server of its own: just after it started, and after
 * 10,000 mixed requests once the load has stopped (targets ≤ 120 MB and ≤ 150 MB). The mix is what
 * a working console sends: sessions, the queues page, claims and releases, evidence reveals and
 * 200-message conversation reads, from 16 clients.
 */
import { holdCases } from './audit';
import { generateCases } from './claims';
import { readableConversation } from './conversation-read';
import { saturated, staffSessions, startBenchServer } from './harness';
import { cpuSeconds, recordRow, rssMb } from './table';

const REQUESTS = 10_000;
const CLIENTS = 16;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The API's RSS split: V8's heap (committed, by the spaces that hold most), Buffers and other memory
 * outside it that V8 knows of, and the rest — code, stacks, malloc arenas and the mapped node binary.
 */
async function whereMemoryIs(server: { baseUrl: string; pid: number }) {
  const { usage, heap } = (await (await fetch(`${server.baseUrl}/bench/memory`)).json()) as {
    usage: NodeJS.MemoryUsage;
    heap: Record<string, number>;
  };
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const spaces = ['old_space', 'new_space', 'large_object_space', 'code_space']
    .map((space) => `${space.replace('_space', '')} ${mb(heap[space] ?? 0)}`)
    .join(', ');
  return (
    `of which V8 heap ${mb(usage.heapTotal)} committed (${spaces}), ${mb(usage.heapUsed)} of it in use; ` +
    `outside the heap ${mb(usage.external)} (Buffers ${mb(usage.arrayBuffers)}); the rest ` +
    `${mb(usage.rss - usage.heapTotal - usage.external)} (code, stacks, malloc, the node binary)`
  );
}

export async function benchMemory() {
  // Sealing on, as in production.
  const server = await startBenchServer({ AUDIT_SEAL_INTERVAL_MS: '1000' });
  try {
    await sleep(2000);
    const started = rssMb(server.pid);

    await generateCases(server, { count: 2000, queue: 'scams_spam', category: 'spam', prefix: 'bench-memory-conv-' });
    const reviewers = await staffSessions(server, CLIENTS, ['reviewer']);
    const held = await holdCases(server, reviewers);
    // Claiming releases what a reviewer held, so claims come from reviewers of their own.
    const claimers = await staffSessions(server, CLIENTS, ['reviewer'], 'bench-claimer');
    const reader = await readableConversation(server, 'bench-memory');

    const request = async (path: string, headers: Record<string, string>, method = 'GET', body?: string) => {
      const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
      return text;
    };
    let sent = 0;
    const cpuBefore = cpuSeconds(server.pid);
    let peak = started;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(server.pid));
    }, 50);
    const loadStarted = performance.now();
    const load = await saturated(
      async (client) => {
        const reviewer = reviewers[client] as (typeof reviewers)[number];
        const claimer = claimers[client] as (typeof claimers)[number];
        if (sent >= REQUESTS) return;
        switch (sent++ % 5) {
          case 0:
            await request('/api/auth/session', reviewer.headers);
            break;
          case 1:
            await request('/api/queues', reviewer.headers);
            break;
          case 2: {
            const claimed = JSON.parse(
              await request('/api/queues/scams_spam/claim-next', claimer.headers, 'POST', '{}'),
            ) as { case?: { id: string } | null };
            sent++;
            if (claimed.case) await request(`/api/cases/${claimed.case.id}/release`, claimer.headers, 'POST', '{}');
            break;
          }
          case 3:
            await request(`/api/cases/${held[client]}/evidence/reveal`, reviewer.headers, 'POST');
            break;
          default:
            await request(`/api/cases/${reader.caseId}/conversation`, { cookie: reader.cookie });
        }
      },
      CLIENTS,
      600,
      () => sent >= REQUESTS,
    );
    clearInterval(sampler);
    const cpu = cpuSeconds(server.pid) - cpuBefore;
    const rate = sent / ((performance.now() - loadStarted) / 1000);
    // Once the load has stopped: give the process the few seconds an idle server has between bursts.
    await sleep(5000);
    const after = rssMb(server.pid);

    console.log(
      `memory: API RSS ${started.toFixed(0)} MB just started; ${peak.toFixed(0)} MB peak during ${sent.toLocaleString('en')} ` +
        `mixed requests (${rate.toFixed(0)}/s, ${load.errors} errors, ${((cpu * 1e6) / sent).toFixed(0)} µs API CPU each); ` +
        `${after.toFixed(0)} MB 5 s after the load stopped`,
    );
    console.log(`  ${await whereMemoryIs(server)}`);
    for (const [kind, count] of load.errorKinds) console.log(`  error x${count}: ${kind}`);
    recordRow({
      work: 'API RSS just started',
      now: `${started.toFixed(0)} MB`,
      target: '≤ 120 MB',
      met: started <= 120,
    });
    recordRow({
      work: `API RSS after ${REQUESTS.toLocaleString('en')} mixed requests, load stopped`,
      now: `${after.toFixed(0)} MB (peak ${peak.toFixed(0)} MB)`,
      target: '≤ 150 MB',
      met: after <= 150 && load.errors === 0,
    });
  } finally {
    await server.close();
  }
}
