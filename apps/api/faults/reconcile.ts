/**
 * After the traffic: every acknowledged action has exactly one audit event under its request id,
 * actions are whole (a decision or an access request exists exactly when its event does), intake
 * retries created each report once, everything is sealed, an export verifies, no job is stuck.
 */
import { type SignedCheckpoint, type Trust, verifyBundle } from '@docket/audit-chain';
import { nodeCryptoProvider } from '@docket/audit-chain/node';
import { blob } from '@docket/audit-chain/testing';
import { sql } from 'kysely';
import type { Stack } from './stack';
import { AUDITED, type Exchange, exportAll, type Recorder, type Session, sleep } from './traffic';

export interface Reconciliation {
  ok: boolean;
  failures: string[];
  figures: {
    attempted: number;
    acknowledged: number;
    found: number;
    noAnswer: number;
    reportsSent: number;
    reportsAcknowledged: number;
    reportsFound: number;
    sealedHead: number;
    verifiedThrough: number | null;
  };
}

/** Waits until every committed event is sealed (the sealers run in the replicas). */
export async function waitForSealing(stack: Stack, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await sql<{ pending: string }>`
      select count(*)::text as pending from audit_commit c
      where c.ticket > coalesce((select ticket from audit_seal order by seq desc limit 1), 0)`.execute(stack.check.db);
    const pending = Number(rows[0]?.pending);
    if (pending === 0) return 0;
    if (Date.now() > deadline) return pending;
    await sleep(200);
  }
}

/** Exports everything and verifies it offline, against checkpoints witnessed earlier if given. */
export async function verifyExport(recorder: Recorder, auditor: Session, witnessed: readonly SignedCheckpoint[] = []) {
  const { exchange, bytes } = await exportAll(recorder, auditor);
  if (exchange.status !== 200 || !bytes) return { ok: false as const, reason: `export answered ${exchange.status}` };
  const keys = (await (await fetch(`${recorder.baseUrl}/api/audit/keys`)).json()) as Trust['keys'];
  const result = await verifyBundle(blob(bytes), {
    crypto: nodeCryptoProvider(),
    trust: { keys },
    ...(witnessed.length > 0 && { savedCheckpoints: witnessed }),
  });
  return result.ok
    ? { ok: true as const, through: result.lastSeq, trust: result.trust }
    : { ok: false as const, reason: JSON.stringify(result) };
}

export async function reconcile(stack: Stack, recorder: Recorder, auditor: Session): Promise<Reconciliation> {
  const failures: string[] = [];
  const db = stack.check.db;
  const audited = recorder.exchanges.filter((e) => AUDITED[e.op]);
  const acknowledged = audited.filter((e) => e.status >= 200 && e.status < 300 && e.requestId);

  // Exactly one event of the action under each acknowledged request id.
  const counts = new Map<string, number>();
  const ids = acknowledged.map((e) => e.requestId as string);
  for (let i = 0; i < ids.length; i += 1000) {
    const { rows } = await sql<{ request_id: string; action: string; n: string }>`
      select request_id, action, count(*)::text as n from audit_event
      where request_id = any(${ids.slice(i, i + 1000)}::text[]) group by 1, 2`.execute(db);
    for (const row of rows) counts.set(`${row.request_id} ${row.action}`, Number(row.n));
  }
  let found = 0;
  for (const e of acknowledged) {
    const n = counts.get(`${e.requestId} ${AUDITED[e.op]}`) ?? 0;
    if (n === 1) found += 1;
    else
      failures.push(`${e.op} ${e.path} (${e.requestId}) acknowledged ${e.status} but has ${n} ${AUDITED[e.op]} events`);
  }

  // Whole or absent: rows and their events agree, whatever happened to the answers.
  const whole = await sql<{ what: string; rows: string; events: string }>`
    select 'decision' as what, (select count(*) from decision)::text as rows,
           (select count(*) from audit_event where action = 'decision.recorded')::text as events
    union all
    select 'access request', (select count(*) from access_request)::text,
           (select count(*) from audit_event where action = 'access.requested')::text`.execute(db);
  for (const row of whole.rows) {
    if (row.rows !== row.events) failures.push(`${row.rows} ${row.what} rows but ${row.events} events`);
  }

  // Intake: every acknowledged report is there once; retries never duplicated one.
  const sent = [...recorder.intakeSent];
  const { rows: reports } = await sql<{ external_id: string; n: string }>`
    select external_id, count(*)::text as n from report where external_id = any(${sent}::text[]) group by 1`.execute(
    db,
  );
  const reportCount = new Map(reports.map((r) => [r.external_id, Number(r.n)]));
  for (const id of recorder.intakeAcknowledged) {
    if (reportCount.get(id) !== 1)
      failures.push(`report ${id} acknowledged but stored ${reportCount.get(id) ?? 0} times`);
  }
  for (const [id, n] of reportCount) if (n > 1) failures.push(`report ${id} stored ${n} times`);

  const pending = await waitForSealing(stack);
  if (pending > 0) failures.push(`${pending} audit transactions still unsealed`);
  const verified = await verifyExport(recorder, auditor);
  if (!verified.ok) failures.push(`the export does not verify: ${verified.reason}`);
  const head = await sql<{ seq: string }>`select coalesce(max(seq), 0)::text as seq from audit_seal`.execute(db);
  const gaps = await sql<{ n: string }>`
    select (count(*) - coalesce(max(seq), 0))::text as n from audit_seal`.execute(db);
  if (Number(gaps.rows[0]?.n) !== 0) failures.push('the sealed sequence has gaps');

  const stuck = await sql<{ n: string }>`
    select count(*)::text as n from job
    where finished_at is null and run_at < now() - interval '60 seconds'`.execute(db);
  if (Number(stuck.rows[0]?.n) > 0) failures.push(`${stuck.rows[0]?.n} jobs overdue by more than a minute`);

  return {
    ok: failures.length === 0,
    failures,
    figures: {
      attempted: audited.length,
      acknowledged: acknowledged.length,
      found,
      noAnswer: audited.filter((e) => e.status === 0).length,
      reportsSent: sent.length,
      reportsAcknowledged: recorder.intakeAcknowledged.size,
      reportsFound: reportCount.size,
      sealedHead: Number(head.rows[0]?.seq),
      verifiedThrough: verified.ok ? verified.through : null,
    },
  };
}

/** Answers in a window, by status. */
export function statusesBetween(exchanges: Exchange[], from: number, to: number) {
  const counts: Record<string, number> = {};
  for (const e of exchanges) {
    if (e.startedAt < from || e.startedAt > to) continue;
    counts[e.status] = (counts[e.status] ?? 0) + 1;
  }
  return counts;
}
