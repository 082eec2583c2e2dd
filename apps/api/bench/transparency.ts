/**
 * `pnpm bench transparency` (issue 13): (a) a year's transparency report computed by the API's code
 * over BENCH_TRANSPARENCY_EVENTS sealed audit events (default 10,000,000) — time and peak RSS of the
 * computing process (target ≤ 300 MB); (b) `docket-verify --report` over a bundle of the same
 * events — events/s (target ≥ 150,000/s), against plain verification of that bundle.
 *
 * The events are report-shaped (grants, reads, decisions, legal requests, appeals and noise; see
 * `reportRecord`), sealed into a genuine hash chain and written straight into audit_event and
 * audit_seal in batches, with one signed checkpoint at the head: the sealer's own speed is
 * `pnpm bench sealer`'s business, not this one's.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkpointMessage, GENESIS, recordText, toHex } from '@docket/audit-chain';
import {
  BENCH_PERIOD,
  benchRecordOptions,
  benchReportVerify,
  printReportVerify,
} from '@docket/audit-chain/bench/report';
import { reportRecord } from '@docket/audit-chain/testing';
import { sql } from 'kysely';
import { leafHash, linkHash } from '../src/audit/records';
import { registerSigningKeys, SigningKeyFile } from '../src/audit/signing-keys';
import type { BenchServer } from './harness';

const EVENTS = Number(process.env.BENCH_TRANSPARENCY_EVENTS ?? 10_000_000);
const BATCH = 5_000;
const run = promisify(execFile);

async function writeSealedEvents(server: BenchServer, events: number): Promise<void> {
  const options = benchRecordOptions(events);
  let head: Buffer = Buffer.from(GENESIS);
  const started = performance.now();
  // One batch in flight while the next is hashed: the database and this process each keep a core busy.
  let writing: Promise<unknown> = Promise.resolve();
  for (let first = 1; first <= events; first += BATCH) {
    const rows: [number, string, string, string, string][] = [];
    for (let seq = first; seq < Math.min(first + BATCH, events + 1); seq++) {
      const record = reportRecord(seq, options);
      const text = recordText(record);
      const leaf = leafHash(text);
      head = linkHash(head, leaf);
      rows.push([seq, record.id, text, leaf.toString('hex'), head.toString('hex')]);
    }
    await writing;
    writing = sql`
      with r as (
        select (x->>0)::bigint as seq, (x->>1)::bigint as id, x->>2 as txt, x->>3 as leaf, x->>4 as chain
        from json_array_elements(${JSON.stringify(rows)}::json) x
      ), ev as (
        insert into audit_event (id, occurred_at, actor_type, actor_id, actor_label, actor_roles, action, outcome,
          target_type, target_id, case_id, grant_id, details, request_id, ip, user_agent)
        overriding system value
        select id, (j->>'occurredAt')::timestamptz, j->'actor'->>'type', j->'actor'->>'id', j->'actor'->>'label',
          array(select jsonb_array_elements_text(j->'actor'->'roles')), j->>'action', j->>'outcome',
          j->'target'->>'type', j->'target'->>'id', (j->>'caseId')::uuid, (j->>'grantId')::uuid, j->'details',
          j->>'requestId', j->>'ip', j->>'userAgent'
        from r, lateral (select txt::jsonb as j) q
      )
      insert into audit_seal (seq, event_id, ticket, leaf, chain, record)
      select seq, id, seq, decode(leaf, 'hex'), decode(chain, 'hex'), txt from r`.execute(server.db);
    writing.catch(() => {}); // awaited before the next batch, and after the last
    if ((first - 1) % 500_000 === 0 && first > 1) {
      const rate = Math.round((first - 1) / ((performance.now() - started) / 1000));
      process.stdout.write(
        `\r  writing sealed events: ${(first - 1).toLocaleString('en-US')} (${rate.toLocaleString('en-US')}/s)\x1b[K`,
      );
    }
  }
  await writing;
  process.stdout.write('\r\x1b[K');
  // One checkpoint over the head, signed as the sealer signs it.
  const keys = SigningKeyFile.create(
    path.join(mkdtempSync(path.join(tmpdir(), 'docket-bench-report-')), 'signing.json'),
  );
  const signer = keys.current();
  await registerSigningKeys(server.db, [signer.key]);
  const statement = { seq: events, head: toHex(head), issuedAt: new Date().toISOString(), keyId: signer.key.keyId };
  await server.db
    .insertInto('audit_checkpoint')
    .values({
      seq: events,
      head,
      issued_at: statement.issuedAt,
      key_id: statement.keyId,
      signature: signer.sign(checkpointMessage(statement)),
    })
    .execute();
}

export async function benchTransparency(server: BenchServer): Promise<void> {
  const n = (value: number) => value.toLocaleString('en-US');
  console.log(`transparency: a year's report over ${n(EVENTS)} audit events`);
  const writeStart = performance.now();
  await writeSealedEvents(server, EVENTS);
  await sql`analyze audit_event`.execute(server.db);
  await sql`analyze audit_seal`.execute(server.db);
  console.log(`  ${n(EVENTS)} sealed events written in ${((performance.now() - writeStart) / 1000).toFixed(0)} s`);

  // Under the API's own Node flags (serve.sh, ADR 051), as the API computes a report: without them V8
  // lets the read batches' garbage grow the heap fourfold past what is live.
  const { stdout } = await run(
    'sh',
    [
      'serve.sh',
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'transparency-compute.ts'),
      BENCH_PERIOD.from,
      BENCH_PERIOD.to,
      BENCH_PERIOD.label,
    ],
    {
      cwd: path.join(import.meta.dirname, '..'),
      env: { ...process.env, DATABASE_URL: server.databaseUrl },
      maxBuffer: 1 << 20,
    },
  );
  const computed = JSON.parse(stdout.trim().split('\n').at(-1) as string);
  console.log(
    `  (a) computing the 2026 report through the API's code: ${computed.seconds.toFixed(1)} s ` +
      `(${n(Math.round(EVENTS / computed.seconds))} events/s), CPU in the computing process ${((computed.cpuSeconds / EVENTS) * 1e6).toFixed(2)} µs/event, ` +
      `peak RSS ${computed.peakRssMiB} MiB (target ≤ 300 MB), ${computed.figures} figures`,
  );
  console.log('  (b) the matching bundle, through docket-verify --report:');
  printReportVerify(await benchReportVerify({ events: EVENTS }));
}
