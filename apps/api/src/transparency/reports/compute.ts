/**
 * A transparency report from the database: the period's sealed events, in seq order, through the
 * same fold `docket-verify --report` runs over a bundle (ADR 042). Events stream in keyset batches,
 * only those the fold reads, so memory follows grants and requests, never the number of events.
 */
import {
  type AuditRecord,
  finishReport,
  REPORT_ACTIONS,
  type ReportPeriod,
  reportFold,
  type TransparencyReport,
} from '@docket/audit-chain';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../http/problem';
import { latestCheckpoint } from '../checkpoint';

const BATCH = 10_000;
const ACTIONS = [...REPORT_ACTIONS];

/** `2026`, `2026-H2`, `2026-Q4`, or from/to days (to included): the period, from inclusive, to exclusive. */
export function resolvePeriod(input: {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): ReportPeriod {
  const { period, from, to } = input;
  if (period && (from || to)) {
    throw new AppError('invalid', 'Give a period or a range of days, not both.', {
      errors: [{ field: 'period', message: 'not with from/to' }],
    });
  }
  if (period) {
    const [yearText, part] = period.split('-') as [string, string | undefined];
    const year = Number(yearText);
    const [first, months] = !part
      ? [0, 12]
      : part.startsWith('H')
        ? [(Number(part[1]) - 1) * 6, 6]
        : [(Number(part[1]) - 1) * 3, 3];
    return {
      from: new Date(Date.UTC(year, first, 1)).toISOString(),
      to: new Date(Date.UTC(year, first + months, 1)).toISOString(),
      label: period,
    };
  }
  if (!from || !to) {
    throw new AppError('invalid', 'Say which period: a year, half or quarter, or from and to.', {
      errors: [{ field: from ? 'to' : 'from', message: 'required without period' }],
    });
  }
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + 86_400_000;
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw new AppError('invalid', 'Not a calendar day.', {
      errors: [{ field: Number.isNaN(start) ? 'from' : 'to', message: 'not a day' }],
    });
  }
  if (end <= start) {
    throw new AppError('invalid', 'The period ends before it starts.', {
      errors: [{ field: 'to', message: 'before from' }],
    });
  }
  if (end - start > 5 * 366 * 86_400_000) {
    throw new AppError('invalid', 'A report covers at most five years.', {
      errors: [{ field: 'to', message: 'over five years after from' }],
    });
  }
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString(), label: `${from} – ${to}` };
}

/** The sealed seq range holding the period's events, or null when none is sealed. */
async function periodRange(db: Kysely<Database>, period: ReportPeriod) {
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    select min(s.seq)::text as first, max(s.seq)::text as last
    from audit_event e join audit_seal s on s.event_id = e.id
    where e.occurred_at >= ${period.from}::timestamptz and e.occurred_at < ${period.to}::timestamptz`.execute(db);
  const row = rows[0];
  return row?.first && row.last ? { first: Number(row.first), last: Number(row.last) } : null;
}

/** The period's sealed records, up to `throughSeq`, of the actions the fold reads, in seq order. */
export async function* periodRecords(
  db: Kysely<Database>,
  period: ReportPeriod,
  throughSeq: number,
): AsyncGenerator<AuditRecord> {
  const range = await periodRange(db, period);
  if (!range) return;
  let after = range.first - 1;
  const through = Math.min(range.last, throughSeq);
  while (after < through) {
    const upTo = Math.min(after + BATCH, through);
    // The stored record alone, without a join per row: RFC 8785 puts "action" first, and the fold
    // itself drops the few events of the seq range that fall outside the period.
    const { rows } = await sql<{ record: string }>`
      select s.record from audit_seal s
      where s.seq > ${after}::bigint and s.seq <= ${upTo}::bigint
        and split_part(substr(s.record, 12, 64), '"', 1) = any(${ACTIONS}::text[])
      order by s.seq`.execute(db);
    for (const { record } of rows) yield JSON.parse(record) as AuditRecord;
    after = upTo;
  }
}

/** The fold over the period's events, against the newest checkpoint: figures before suppression. */
export async function foldPeriod(db: Kysely<Database>, period: ReportPeriod) {
  const checkpoint = await latestCheckpoint(db);
  if (!checkpoint) {
    throw new AppError('conflict', 'Nothing is sealed yet: a report is computed against a signed checkpoint.');
  }
  const fold = reportFold({ period, checkpoint });
  for await (const record of periodRecords(db, period, checkpoint.seq)) fold.add(record);
  return { fold, checkpoint };
}

export async function computeReport(
  db: Kysely<Database>,
  input: { period: ReportPeriod; threshold: number; notes?: string | null | undefined },
): Promise<TransparencyReport> {
  const { fold, checkpoint } = await foldPeriod(db, input.period);
  return finishReport(fold.result(), { ...input, checkpoint, notes: input.notes ?? null });
}
