/**
 * Audit export: a period or a case as a signed bundle (docs/audit-bundle.md), streamed straight
 * from the sealed chain. The range runs from just after a checkpoint to the first checkpoint that
 * covers the last event in scope; everything in between that is out of scope is elided, so the
 * bundle proves its events without revealing anyone else's. Memory stays flat: lines leave in
 * windows of sequence numbers and the zip is written as they arrive. Each extra rendering (CSV,
 * OCSF) reads the records in scope again, because zip entries are written one after another.
 */
import {
  type AuditRecord,
  auditCsvRow,
  auditOcsf,
  type BundleKey,
  type BundleScope,
  type SignedCheckpoint,
} from '@docket/audit-chain';
import { type BundleProgress, writeBundle } from '@docket/audit-chain/node';
import type { Database } from '@docket/db';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { AppError } from '../http/problem';
import { utcText } from './records';
import type { AuditSigner, PublishedKey } from './signing-keys';

export type ExportFormat = 'csv' | 'ocsf';

export interface ExportPlan {
  scope: BundleScope;
  /** 0 (genesis) or the checkpoint the range starts after. */
  anchor: number;
  /** The first and last seq in scope. */
  firstInScope: number;
  lastInScope: number;
  /** The checkpoint the range ends at (≥ lastInScope). */
  lastSeq: number;
}

/**
 * Sequence numbers per read. With READ_AHEAD windows in flight, 2,500 held the API's peak RSS in a
 * 1,000,000-event export at 149–156 MB against 164–169 MB with 5,000, at the same speed (ADR 052).
 */
const BATCH = 2500;
/**
 * events.jsonl lines per text value: ~70 KB, under V8's 128 KB large-object size, so each value is
 * born in the young generation and dies there once written. One text per window of 5,000 lines went
 * to the old generation instead (3.5 MB each); with the API's heap flags (ADR 051) that meant 103
 * mark-compacts in a 1,000,000-event export instead of 35, and 1.3 s more CPU (measured, ADR 052).
 */
const LINES_PER_TEXT = 100;
/**
 * Windows asked for before they are needed, each on a connection of its own: PostgreSQL builds lines
 * on both cores while the API writes. One ahead left it waiting on the API, and the API on it: a
 * 1,000,000-event export took 7.8–11 s with one, 5.8–8.5 s with three (ADR 052).
 */
const READ_AHEAD = 3;

/** Whether the event row `e` falls in the export's scope. */
function inScope(scope: BundleScope): Expression<SqlBool> {
  return scope.kind === 'case'
    ? sql<SqlBool>`e.case_id = ${scope.caseId}::uuid`
    : sql<SqlBool>`e.occurred_at >= ${scope.from}::timestamptz and e.occurred_at < ${scope.to}::timestamptz`;
}

/**
 * Whether the sealed row `s` is in scope, as a lookup of its event by primary key. A per-row
 * subquery on purpose: as a join, stale statistics after a burst of events can turn each batch
 * into a hash of the whole event table.
 */
function sealInScope(scope: BundleScope): Expression<SqlBool> {
  return sql<SqlBool>`coalesce((select ${inScope(scope)} from audit_event e where e.id = s.event_id), false)`;
}

/** Finds the sealed range a scope needs, or says why there is nothing to export. */
export async function planExport(db: Kysely<Database>, scope: BundleScope): Promise<ExportPlan> {
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    select min(s.seq)::text as first, max(s.seq)::text as last
    from audit_event e join audit_seal s on s.event_id = e.id
    where ${inScope(scope)}`.execute(db);
  const first = rows[0]?.first;
  const last = rows[0]?.last;
  if (!first || !last) {
    throw new AppError(
      'not_found',
      scope.kind === 'case'
        ? 'No sealed audit events name this case (events are sealed within seconds; try again shortly).'
        : 'No sealed audit events fall in this period (events are sealed within seconds; try again shortly).',
    );
  }
  const bounds = await sql<{ anchor: string; end: string | null }>`
    select (select coalesce(max(seq), 0)::text from audit_checkpoint where seq < ${first}::bigint) as anchor,
           (select min(seq)::text from audit_checkpoint where seq >= ${last}::bigint) as end`.execute(db);
  const end = bounds.rows[0]?.end;
  if (!end) {
    throw new AppError(
      'unavailable',
      'The newest events are not under a signed checkpoint yet; try again in a moment.',
    );
  }
  return {
    scope,
    anchor: Number(bounds.rows[0]?.anchor ?? 0),
    firstInScope: Number(first),
    lastInScope: Number(last),
    lastSeq: Number(end),
  };
}

/**
 * Rows of the chain in windows of BATCH sequence numbers, from just after `from` through `to`.
 * Seqs have no gaps, so each window is an exact index range whatever the planner's statistics
 * say (a LIMIT over an open range could sort the whole remaining range on every batch).
 */
async function* windows<T>(from: number, to: number, fetch: (after: number, through: number) => Promise<T[]>) {
  for (let after = from; after < to; after += BATCH) yield* await fetch(after, Math.min(after + BATCH, to));
}

/**
 * events.jsonl, a window at a time: the database builds each line (`eventLine` / `elidedLine`
 * exactly; the bundle writer checks every line's shape) and joins them LINES_PER_TEXT to a text,
 * and each text goes on to the writer as it came: the driver parses a row per hundred events,
 * nothing here splits, parses or re-serialises a line, and the next windows are already being read
 * while this one is written.
 */
function eventLines(db: Kysely<Database>, plan: ExportPlan) {
  const read = async (after: number, through: number) => {
    const { rows } = await sql<{ lines: string }>`
      select string_agg('{"seq":' || s.seq::text || ',"leaf":"' || encode(s.leaf, 'hex') || '","chain":"'
        || encode(s.chain, 'hex') || case when ${sealInScope(plan.scope)} then '","event":' || s.record || '}' else '"}' end,
        E'\n' order by s.seq) as lines
      from audit_seal s
      where s.seq > ${after}::bigint and s.seq <= ${through}::bigint
      group by (s.seq - 1) / ${sql.lit(LINES_PER_TEXT)}
      order by (s.seq - 1) / ${sql.lit(LINES_PER_TEXT)}`.execute(db);
    return rows.map((row) => row.lines);
  };
  return (async function* () {
    const ahead: Promise<string[]>[] = [];
    let after = plan.anchor;
    const ask = () => {
      if (after >= plan.lastSeq) return;
      ahead.push(read(after, Math.min(after + BATCH, plan.lastSeq)));
      after += BATCH;
    };
    for (let i = 0; i < READ_AHEAD; i++) ask();
    try {
      for (let window = ahead.shift(); window; window = ahead.shift()) {
        const texts = await window;
        ask();
        yield* texts;
      }
    } finally {
      // Stopped early (the client went away): the windows already asked for must not go unhandled.
      for (const window of ahead) void window.catch(() => {});
    }
  })();
}

/** The records in scope, parsed, for the CSV and OCSF renderings. */
function recordsInScope(db: Kysely<Database>, plan: ExportPlan) {
  return (async function* () {
    const rows = windows(plan.anchor, plan.lastSeq, async (after, through) => {
      const { rows } = await sql<{ seq: string; record: string }>`
        select s.seq::text, s.record from audit_seal s
        where s.seq > ${after}::bigint and s.seq <= ${through}::bigint and ${sealInScope(plan.scope)}
        order by s.seq`.execute(db);
      return rows;
    });
    for await (const row of rows) yield JSON.parse(row.record) as AuditRecord;
  })();
}

async function* rendered(records: AsyncIterable<AuditRecord>, render: (record: AuditRecord) => string) {
  for await (const record of records) yield render(record);
}

async function* checkpointsOf(db: Kysely<Database>, plan: ExportPlan): AsyncGenerator<SignedCheckpoint> {
  // One checkpoint per sealing round: a long period holds many, so they stream in batches too.
  // The anchor itself comes first (seq ≥ anchor), then every checkpoint after it, in keyset pages.
  let after = plan.anchor - 1;
  const rows = (async function* () {
    for (;;) {
      const { rows } = await sql<CheckpointColumns>`
        select ${checkpointColumns}
        from audit_checkpoint c
        where c.seq > ${after}::bigint and c.seq <= ${plan.lastSeq}::bigint
        order by c.seq limit ${BATCH}`.execute(db);
      yield* rows;
      const last = rows.at(-1);
      if (!last || rows.length < BATCH) return;
      after = Number(last.seq);
    }
  })();
  for await (const row of rows) yield signedCheckpointOf(row);
}

/** A checkpoint row, selected as `checkpointColumns` does, as a bundle's `checkpoints.jsonl` line. */
export function signedCheckpointOf(row: CheckpointColumns): SignedCheckpoint {
  return {
    seq: Number(row.seq),
    head: row.head,
    issuedAt: row.issued_at,
    keyId: row.key_id,
    signature: Buffer.from(row.signature).toString('base64'),
  };
}

export interface CheckpointColumns {
  seq: string;
  head: string;
  issued_at: string;
  key_id: string;
  signature: Buffer;
}

/** The columns of `audit_checkpoint c` a checkpoint line is made from, in its exact text. */
export const checkpointColumns = sql`c.seq::text, encode(c.head, 'hex') as head,
  ${utcText(sql.ref('c.issued_at'), 'MS')} as issued_at, c.key_id, c.signature`;

export function bundleKeys(keys: readonly PublishedKey[]): BundleKey[] {
  return keys.map((key) => ({
    keyId: key.keyId,
    algorithm: 'Ed25519',
    publicKey: key.publicKey.toString('base64'),
    createdAt: key.createdAt,
    retiredAt: key.retiredAt,
  }));
}

export interface StreamExportOptions {
  plan: ExportPlan;
  keys: readonly PublishedKey[];
  signer: AuditSigner;
  exportedBy: { id: string; label: string };
  formats: readonly ExportFormat[];
  onProgress?: (progress: BundleProgress) => void;
}

/** The bundle as a byte stream; the database is read batch by batch as the client takes bytes. */
export function streamExport(db: Kysely<Database>, options: StreamExportOptions): ReadableStream<Uint8Array> {
  const { plan, signer, formats } = options;
  return writeBundle({
    exportedAt: new Date().toISOString(),
    exportedBy: options.exportedBy,
    scope: plan.scope,
    anchor: plan.anchor,
    keys: bundleKeys(options.keys),
    checkpoints: checkpointsOf(db, plan),
    events: eventLines(db, plan),
    ...(formats.includes('csv') ? { csv: rendered(recordsInScope(db, plan), auditCsvRow) } : {}),
    ...(formats.includes('ocsf')
      ? { ocsf: rendered(recordsInScope(db, plan), (record) => JSON.stringify(auditOcsf(record))) }
      : {}),
    signer: { keyId: signer.key.keyId, sign: (message) => signer.sign(message) },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
