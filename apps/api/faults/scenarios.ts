/** The fault scenarios, each with a verdict and the figures behind it. */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSignedCheckpoint } from '@docket/audit-chain';
import { sql } from 'kysely';
import { recordAuditEvent, SYSTEM_ACTOR } from '../src/audit/record';
import { FileKeyring } from '../src/encryption/keyring';
import { startApiProcess } from '../src/testing/api-process';
import { reconcile, verifyExport, waitForSealing } from './reconcile';
import { backUpKeys, METRICS_TOKEN, SEAL_INTERVAL_MS, type Stack } from './stack';
import { type Actors, prepareActors, Recorder, sleep, startTraffic } from './traffic';

export interface Verdict {
  scenario: string;
  ok: boolean;
  failures: string[];
  figures: Record<string, unknown>;
}

function verdict(scenario: string, failures: string[], figures: Record<string, unknown>): Verdict {
  return { scenario, ok: failures.length === 0, failures, figures };
}

export async function actorsFor(stack: Stack, reviewers = 3) {
  const recorder = new Recorder(stack.balancer.url);
  const actors = await prepareActors(recorder, stack.check.db, reviewers);
  return { recorder, actors };
}

const acknowledgedSince = (recorder: Recorder, since: number, notBy?: string) =>
  recorder.exchanges.filter(
    (e) => e.startedAt >= since && e.status >= 200 && e.status < 300 && (!notBy || e.servedBy !== notBy),
  ).length;

/** kill -9 one replica mid-traffic; it comes back on its port afterwards. */
export async function killNine(stack: Stack, recorder: Recorder, actors: Actors, trafficMs = 4_000): Promise<Verdict> {
  const traffic = startTraffic(recorder, actors);
  await sleep(trafficMs);
  // The replica serving the live stream, so the stream has to come back through the balancer.
  const victim = (stack.replicas.find((replica) => replica?.name === recorder.stream.servedBy) ??
    stack.replicas[1]) as NonNullable<Stack['replicas'][number]>;
  const readyBefore = recorder.stream.readyEvents;
  const killedAt = Date.now();
  stack.kill(victim);
  await sleep(trafficMs);
  const servedByOthers = acknowledgedSince(recorder, killedAt, victim.name);
  await stack.start(victim);
  await sleep(1_000);
  await traffic.stop();
  const result = await reconcile(stack, recorder, actors.auditor);
  const failures = [...result.failures];
  if (servedByOthers === 0) failures.push('no replica acknowledged anything after the kill');
  if (recorder.stream.readyEvents <= readyBefore && recorder.stream.opened < 2) {
    failures.push('the live stream never came back through the balancer');
  }
  const afterKill = recorder.exchanges.filter((e) => e.startedAt >= killedAt && e.startedAt < killedAt + trafficMs);
  return verdict('kill -9 of a replica mid-traffic', failures, {
    ...result.figures,
    acknowledgedByOthersAfterKill: servedByOthers,
    answersAfterKill: countBy(afterKill.map((e) => e.status)),
    streamsOpened: recorder.stream.opened,
    streamReadyEvents: recorder.stream.readyEvents,
  });
}

/** Kills the replica caught holding the sealer's lock; another must seal the next round. */
export async function sealerFailover(stack: Stack, recorder: Recorder, actors: Actors): Promise<Verdict> {
  const traffic = startTraffic(recorder, actors);
  await sleep(1_000);
  const failures: string[] = [];
  let holder: Stack['replicas'][number] | undefined;
  const deadline = Date.now() + 20_000;
  while (!holder && Date.now() < deadline) {
    holder = await stack.sealerHolder();
    if (!holder) await sleep(5);
  }
  let takeoverMs: number | null = null;
  let headAtKill = 0;
  if (!holder) {
    failures.push('never caught a replica holding the sealer lock');
  } else {
    const head = async () =>
      Number(
        (await sql<{ seq: string }>`select coalesce(max(seq), 0)::text as seq from audit_seal`.execute(stack.check.db))
          .rows[0]?.seq,
      );
    stack.kill(holder);
    const killedAt = Date.now();
    headAtKill = await head();
    while (Date.now() - killedAt < 15_000) {
      if ((await head()) > headAtKill) {
        takeoverMs = Date.now() - killedAt;
        break;
      }
      await sleep(20);
    }
    if (takeoverMs === null) failures.push('no other replica sealed within 15 s of the kill');
    // A round is the interval plus its own work; settling waits at most 5 s on open transactions.
    else if (takeoverMs > SEAL_INTERVAL_MS * 4 + 1_000) failures.push(`takeover took ${takeoverMs} ms`);
    await stack.start(holder);
  }
  await traffic.stop();
  const result = await reconcile(stack, recorder, actors.auditor);
  return verdict('the sealer lock holder is killed', [...failures, ...result.failures], {
    ...result.figures,
    killed: holder?.name ?? null,
    headAtKill,
    takeoverMs,
  });
}

/** `pg_ctl restart -m fast|immediate` under load: prompt 503s, not-ready replicas, recovery by itself. */
export async function postgresRestart(
  stack: Stack,
  recorder: Recorder,
  actors: Actors,
  mode: 'fast' | 'immediate',
): Promise<Verdict> {
  const traffic = startTraffic(recorder, actors);
  await sleep(2_000);
  const failures: string[] = [];
  const readiness: number[] = [];
  const restartAt = Date.now();
  let probing = true;
  // /readyz straight at each replica meanwhile: it must say not ready while the database is away.
  const probe = (async () => {
    while (probing) {
      for (const replica of stack.replicas) {
        const response = await fetch(`http://127.0.0.1:${replica.port}/readyz`, {
          signal: AbortSignal.timeout(3_000),
        }).catch(() => null);
        readiness.push(response?.status ?? 0);
      }
      await sleep(100);
    }
  })();
  await stack.cluster.restart(mode);
  const restartedAt = Date.now();
  let recoveredAt: number | null = null;
  while (Date.now() - restartedAt < 30_000) {
    const ok = recorder.exchanges.some((e) => e.startedAt > restartedAt && e.status >= 200 && e.status < 300);
    if (ok) {
      recoveredAt = recorder.exchanges.find((e) => e.startedAt > restartedAt && e.status >= 200 && e.status < 300)
        ?.startedAt as number;
      break;
    }
    await sleep(50);
  }
  await sleep(2_000);
  probing = false;
  await probe;
  await traffic.stop();
  if (recoveredAt === null) failures.push('no request succeeded within 30 s of the restart');
  // During the outage: 503 + Retry-After problem+json, or a refused connection, never a 500 and never a hang.
  const window = recorder.exchanges.filter(
    (e) => e.startedAt >= restartAt && e.startedAt <= (recoveredAt ?? Date.now()),
  );
  for (const e of window) {
    if (e.status >= 500 && e.status !== 503) failures.push(`${e.op} answered ${e.status} during the outage`);
    if (e.status === 503 && (e.problemType !== '/problems/unavailable' || !e.retryAfter)) {
      if (e.op !== 'export') failures.push(`${e.op} 503 without the unavailable problem and Retry-After`);
    }
    if (e.ms > 8_000) failures.push(`${e.op} took ${e.ms} ms during the outage`);
  }
  if (!readiness.includes(503)) failures.push('no replica said not ready during the restart');
  const result = await reconcile(stack, recorder, actors.auditor);
  return verdict(`PostgreSQL restart -m ${mode} under load`, [...failures, ...result.failures], {
    ...result.figures,
    restartMs: restartedAt - restartAt,
    recoveryMs: recoveredAt === null ? null : recoveredAt - restartAt,
    outageAnswers: countBy(window.map((e) => e.status)),
    slowestOutageAnswerMs: Math.max(0, ...window.map((e) => e.ms)),
    readinessProbes: countBy(readiness),
  });
}

const POOL_BURST_SLOWEST_MS = 15_000;
const POOL_BURST_RSS_GROWTH_BYTES = 150e6;

/** 500 clients at once on one replica with a pool of 20: bounded waits, then 503; memory bounded. */
export async function poolExhaustion(stack: Stack, clients = 500): Promise<Verdict> {
  const replica = stack.replicas[0] as NonNullable<Stack['replicas'][number]>;
  const base = `http://127.0.0.1:${replica.port}`;
  const rss = async () => {
    const text = await (
      await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer fault-harness-metrics-token' } })
    ).text();
    return Number(/docket_process_resident_memory_bytes (\d+)/.exec(text)?.[1] ?? 0);
  };
  const before = await rss();
  const started = Date.now();
  // Sign-ins hold a connection through a transaction while the password is hashed.
  const answers = await Promise.all(
    Array.from({ length: clients }, async () => {
      const t0 = Date.now();
      const response = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'reviewer', password: 'reviewer-docket-demo' }),
        signal: AbortSignal.timeout(60_000),
      }).catch(() => null);
      if (response) await response.arrayBuffer();
      return {
        status: response?.status ?? 0,
        ms: Date.now() - t0,
        retryAfter: response?.headers.get('retry-after') ?? null,
      };
    }),
  );
  const after = await rss();
  const failures: string[] = [];
  const statuses = countBy(answers.map((a) => a.status));
  for (const a of answers) {
    if (a.status !== 200 && a.status !== 503 && a.status !== 429) failures.push(`answered ${a.status}`);
    if (a.status === 503 && !a.retryAfter) failures.push('503 without Retry-After');
  }
  const slowest = Math.max(...answers.map((a) => a.ms));
  // Bounded: a request waits at most the pool's 5 s for a connection, then its own work; the burst
  // may cost memory while it lasts, not hundreds of MB.
  if (slowest > POOL_BURST_SLOWEST_MS) failures.push(`the slowest answer took ${slowest} ms`);
  if (after - before > POOL_BURST_RSS_GROWTH_BYTES)
    failures.push(`memory grew ${Math.round((after - before) / 1e6)} MB in the burst`);
  const ready = await fetch(`${base}/readyz`);
  if (!ready.ok) failures.push('the replica is not ready after the burst');
  return verdict(`pool exhaustion: ${clients} clients, one replica`, [...new Set(failures)], {
    statuses,
    slowestMs: slowest,
    tookMs: Date.now() - started,
    rssBeforeMb: Math.round(before / 1e6),
    rssAfterMb: Math.round(after / 1e6),
  });
}

/**
 * A writer that records an audit event and then sits in its transaction (a stuck job, a debugger,
 * a lock wait): sealing cannot pass it, so the wait must show in /api/audit/status and in the
 * metrics for as long as it lasts, and sealing must resume by itself when it ends.
 */
export async function stuckTransaction(
  stack: Stack,
  recorder: Recorder,
  actors: Actors,
  holdMs = 6_000,
): Promise<Verdict> {
  const failures: string[] = [];
  const traffic = startTraffic(recorder, actors);
  await sleep(1_000);
  const replica = stack.replicas.find((r) => r.api) as NonNullable<Stack['replicas'][number]>;
  const sealedThrough = async () =>
    Number(
      (await sql<{ seq: string }>`select coalesce(max(seq), 0)::text as seq from audit_seal`.execute(stack.check.db))
        .rows[0]?.seq,
    );

  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let stuckId = '';
  let wrote = () => {};
  const written = new Promise<void>((resolve) => {
    wrote = resolve;
  });
  const writer = stack.check.db.transaction().execute(async (trx) => {
    await recordAuditEvent(
      trx,
      { actor: SYSTEM_ACTOR, requestId: 'fault-stuck-writer', ip: null, userAgent: 'fault harness' },
      { action: 'fault.stuck_writer', target: { type: 'fault', id: 'stuck-writer' } },
    );
    stuckId = (
      await sql<{ id: string }>`select id::text from audit_event where request_id = 'fault-stuck-writer'`.execute(trx)
    ).rows[0]?.id as string;
    wrote();
    await held;
  });
  await written;
  const openedAt = Date.now();
  const headAtOpen = await sealedThrough();
  const sealed = async () =>
    (
      await sql<{ n: string }>`select count(*)::text as n from audit_seal where event_id = ${stuckId}`.execute(
        stack.check.db,
      )
    ).rows[0]?.n === '1';

  // While it is open: what an auditor and a scraper see.
  let statusWaits = 0;
  let statusOldest = 0;
  let metricWaits = 0;
  let metricOldest = 0;
  while (Date.now() - openedAt < holdMs) {
    const status = await recorder.call('audit_status', 'GET', '/api/audit/status', { session: actors.auditor });
    const waitsOn = (status.body as { sealingWaitsOn?: { transactions: number; oldestOpenSeconds: number | null } })
      ?.sealingWaitsOn;
    statusWaits = Math.max(statusWaits, waitsOn?.transactions ?? 0);
    statusOldest = Math.max(statusOldest, waitsOn?.oldestOpenSeconds ?? 0);
    const metrics = await fetch(`http://127.0.0.1:${replica.port}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    })
      .then((r) => r.text())
      .catch(() => '');
    metricWaits = Math.max(metricWaits, metricValue(metrics, 'docket_backlog{queue="audit_open_writers"}'));
    metricOldest = Math.max(
      metricOldest,
      metricValue(metrics, 'docket_backlog_oldest_seconds{queue="audit_open_writers"}'),
    );
    await sleep(500);
  }
  const headWhileStuck = await sealedThrough();
  const openSeconds = (Date.now() - openedAt) / 1000;
  if (statusWaits < 1) failures.push('/api/audit/status never showed the open writer');
  if (statusOldest < openSeconds - 2)
    failures.push(`/api/audit/status showed it open ${statusOldest} s of ${openSeconds}`);
  if (metricWaits < 1) failures.push('the audit_open_writers metric never showed the open writer');
  if (metricOldest < openSeconds - 2) failures.push(`the metric showed it open ${metricOldest} s of ${openSeconds}`);

  release();
  await writer;
  const releasedAt = Date.now();
  let resumedMs: number | null = null;
  while (Date.now() - releasedAt < 15_000) {
    if (await sealed()) {
      resumedMs = Date.now() - releasedAt;
      break;
    }
    await sleep(20);
  }
  if (resumedMs === null) failures.push('sealing did not pass the writer within 15 s of its commit');
  else if (resumedMs > SEAL_INTERVAL_MS * 8 + 1_000) failures.push(`sealing took ${resumedMs} ms to resume`);
  await traffic.stop();
  const cleared = await recorder.call('audit_status', 'GET', '/api/audit/status', { session: actors.auditor });
  const after = (cleared.body as { sealingWaitsOn?: { transactions: number } })?.sealingWaitsOn;
  if (after?.transactions !== 0)
    failures.push(`after the commit the status still shows ${after?.transactions} writers`);
  const result = await reconcile(stack, recorder, actors.auditor);
  return verdict('a transaction left open holds sealing up', [...failures, ...result.failures], {
    ...result.figures,
    heldMs: releasedAt - openedAt,
    sealedWhileHeld: headWhileStuck - headAtOpen,
    statusShowed: { transactions: statusWaits, oldestOpenSeconds: statusOldest },
    metricShowed: { transactions: metricWaits, oldestOpenSeconds: metricOldest },
    resumedAfterCommitMs: resumedMs,
  });
}

/**
 * SIGTERM to the replica serving the live stream, mid-traffic, as an orchestrator rolls a
 * deployment: nothing in flight breaks, the stream is told to reconnect and does, through the
 * balancer, and the process exits 0 within its shutdown bound.
 */
export async function gracefulShutdown(stack: Stack, recorder: Recorder, actors: Actors): Promise<Verdict> {
  const failures: string[] = [];
  const traffic = startTraffic(recorder, actors);
  await sleep(2_000);
  const victim = (stack.replicas.find((replica) => replica.api && replica.name === recorder.stream.servedBy) ??
    stack.replicas.find((replica) => replica.api)) as NonNullable<Stack['replicas'][number]>;
  const reconnectsBefore = recorder.stream.reconnectEvents;
  const openedBefore = recorder.stream.opened;
  const sentAt = Date.now();
  const { code, exitMs } = await stack.terminate(victim);
  await sleep(2_000);
  await traffic.stop();
  const bound = Number(stack.env.SHUTDOWN_TIMEOUT_MS) + 2_000;
  if (code !== 0) failures.push(`exited with code ${code}`);
  if (exitMs > bound) failures.push(`took ${exitMs} ms to exit (bound ${bound} ms)`);
  // In flight when the signal came, or sent while it drained: answered, never cut off.
  const around = recorder.exchanges.filter((e) => e.startedAt >= sentAt - 1_000 && e.startedAt <= sentAt + exitMs);
  const broken = around.filter((e) => e.status === 0 || e.status === 502 || e.status === 504);
  for (const e of broken) failures.push(`${e.op} ${e.path} was cut off (${e.status}) by the shutdown`);
  if (recorder.stream.servedBy === victim.name || recorder.stream.opened <= openedBefore)
    failures.push('the live stream did not reopen on another replica');
  if (recorder.stream.reconnectEvents <= reconnectsBefore) failures.push('the live stream was not told to reconnect');
  await stack.start(victim);
  const result = await reconcile(stack, recorder, actors.auditor);
  return verdict('SIGTERM to a replica mid-traffic', [...failures, ...result.failures], {
    ...result.figures,
    terminated: victim.name,
    exitCode: code,
    exitMs,
    answersAroundShutdown: countBy(around.map((e) => e.status)),
    streamReopenedOn: recorder.stream.servedBy,
  });
}

function metricValue(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/**
 * Backup and restore: pg_dump + keyring + signing key file → a new database → Docket starts on it:
 * the chain verifies, content is readable, new events chain on. Without the keyring it refuses
 * to start, saying why.
 */
export async function backupRestore(stack: Stack, recorder: Recorder, actors: Actors): Promise<Verdict> {
  const failures: string[] = [];
  const traffic = startTraffic(recorder, actors);
  await sleep(2_000);
  await traffic.stop();
  await waitForSealing(stack);
  const backup = mkdtempSync(path.join(tmpdir(), 'docket-faults-backup-'));
  try {
    const dump = path.join(backup, 'docket.dump');
    await stack.cluster.dump(stack.database, dump);
    backUpKeys(stack, backup);
    // Life goes on after the backup, and the platform witnesses a later checkpoint.
    const later = startTraffic(recorder, actors);
    await sleep(1_500);
    await later.stop();
    await waitForSealing(stack);
    const witnessed = parseSignedCheckpoint(
      await (await fetch(`${stack.balancer.url}/api/transparency/checkpoint`)).json(),
    );
    const restored = `${stack.database}_restored`;
    await stack.cluster.restore(dump, restored);
    const env = {
      ...stack.env,
      DATABASE_URL: stack.cluster.url(restored),
      DOCKET_KEYRING_FILE: path.join(backup, 'keyring.json'),
      DOCKET_AUDIT_SIGNING_KEY_FILE: path.join(backup, 'audit-signing.json'),
      DOCKET_INSTANCE: 'restored',
    };

    // Without its keyring (another one in its place): refuses at start, with the reason.
    let refusal = '';
    const otherKeys = mkdtempSync(path.join(tmpdir(), 'docket-faults-otherkeys-'));
    try {
      const wrong = await startApiProcess(
        { ...env, DOCKET_KEYRING_FILE: FileKeyring.create(path.join(otherKeys, 'keyring.json')).file },
        { readyTimeoutMs: 20_000 },
      );
      failures.push('started on the restored database with a keyring that is not its own');
      await wrong.stop();
    } catch (error) {
      refusal = String(error instanceof Error ? error.message : error);
      if (!/cannot open this database's content/.test(refusal)) failures.push(`refused without saying why: ${refusal}`);
    } finally {
      rmSync(otherKeys, { recursive: true, force: true });
    }

    const api = await startApiProcess(env);
    try {
      const onRestored = new Recorder(api.baseUrl);
      const auditor = await onRestored.signInRaw('auditor', 'auditor-docket-demo');
      const before = await verifyExport(onRestored, auditor);
      if (!before.ok) failures.push(`the restored chain does not verify: ${before.reason}`);
      // Content readable: a reviewer reads a conversation through a fresh grant.
      const reviewer = await onRestored.signInRaw('reviewer', 'reviewer-docket-demo');
      const supervisor = await onRestored.signInRaw('supervisor', 'supervisor-docket-demo');
      const { rows } = await sql<{ queue_id: string }>`
        select distinct queue_id from "case" where status = 'open' limit 5`.execute(stack.check.db);
      let read = false;
      for (const { queue_id } of rows) {
        const claimed = await onRestored.call('claim', 'POST', `/api/queues/${queue_id}/claim-next`, {
          session: reviewer,
          body: {},
        });
        const caseId = (claimed.body as { case?: { id: string } | null } | null)?.case?.id;
        if (!caseId) continue;
        const asked = await onRestored.call('request_access', 'POST', `/api/cases/${caseId}/access-requests`, {
          session: reviewer,
          body: {
            justificationCode: 'USER_REPORT',
            justification: 'The reported messages point at earlier threats that I need to read in context.',
            scope: { kind: 'full_conversation' },
            durationMinutes: 30,
          },
        });
        const id = (asked.body as { id?: string }).id;
        await onRestored.call('approve', 'POST', `/api/access/requests/${id}/approve`, {
          session: supervisor,
          body: {},
        });
        const conversation = await onRestored.call('read_conversation', 'GET', `/api/cases/${caseId}/conversation`, {
          session: reviewer,
        });
        const messages = (conversation.body as { messages?: { body: string }[] } | null)?.messages ?? [];
        read = conversation.exchange.status === 200 && messages.some((m) => m.body.length > 0);
        break;
      }
      if (!read) failures.push('could not read a conversation on the restored database');
      // New events chain on from the restored head.
      await sleep(SEAL_INTERVAL_MS * 6);
      const after = await verifyExport(onRestored, auditor);
      if (!after.ok) failures.push(`after new events the chain does not verify: ${after.reason}`);
      else if (before.ok && after.through <= before.through) failures.push('no new events were sealed after restore');
      // The restored history verifies on its own, but not against what the platform witnessed
      // after the backup was taken: the verifier names the rollback.
      const againstWitness = await verifyExport(onRestored, auditor, [witnessed]);
      if (againstWitness.ok)
        failures.push(`the restore hid a rollback past the checkpoint witnessed at seq ${witnessed.seq}`);
      return verdict('backup and restore', failures, {
        restoredHead: before.ok ? before.through : null,
        headAfterNewEvents: after.ok ? after.through : null,
        contentRead: read,
        witnessedAfterBackup: witnessed.seq,
        rollbackFlagged: againstWitness.ok ? null : againstWitness.reason.slice(0, 300),
        refusalWithoutKeyring: refusal.split('\n').find((line) => line.includes('docket:')) ?? refusal.slice(0, 200),
      });
    } finally {
      await api.stop();
    }
  } finally {
    rmSync(backup, { recursive: true, force: true });
  }
}

function countBy(values: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
