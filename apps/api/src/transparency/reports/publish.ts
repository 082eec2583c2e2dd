/**
 * Publishing (ADR 042): a report is computed against the newest checkpoint, stored byte for byte as
 * a new version of its period, and recorded as `transparency.report_published` with its SHA-256 and
 * that checkpoint, in one transaction. A correction is the next version; the answer shows what changed.
 */
import { createHash } from 'node:crypto';
import { compareFigures, figureKey, type TransparencyReport } from '@docket/audit-chain';
import type { PublishedReport, PublishedReportSummary, PublishReportBody, ReportFigureChange } from '@docket/contracts';
import type { Database, TransparencyReportRow } from '@docket/db';
import type { Kysely } from 'kysely';
import type { ActionContext } from '../../actions/context';
import { AppError } from '../../http/problem';
import { computeReport, resolvePeriod } from './compute';

type Row = TransparencyReportRow & { publisher: string };

function selectReports(db: Kysely<Database>) {
  return db
    .selectFrom('transparency_report as r')
    .innerJoin('staff_user as u', 'u.id', 'r.published_by')
    .selectAll('r')
    .select('u.username as publisher');
}

function summaryOf(row: Row): PublishedReportSummary {
  return {
    id: row.id,
    periodKey: `${row.period_from.toISOString()}/${row.period_to.toISOString()}`,
    period: { from: row.period_from.toISOString(), to: row.period_to.toISOString(), label: row.label },
    version: row.version,
    sha256: row.sha256,
    checkpointSeq: Number(row.checkpoint_seq),
    publishedAt: row.published_at.toISOString(),
    publishedBy: { id: row.published_by, label: row.publisher },
  };
}

/** What differs from the previous version, figure by figure. */
export function reportChanges(previous: TransparencyReport, next: TransparencyReport): ReportFigureChange[] {
  const byKey = new Map([...previous.figures, ...next.figures].map((figure) => [figureKey(figure), figure]));
  return compareFigures(previous.figures, next.figures).map(({ key, published, recomputed }) => {
    const figure = byKey.get(key) as TransparencyReport['figures'][number];
    return { key, id: figure.id, by: figure.by, before: published, after: recomputed };
  });
}

async function previousVersion(db: Kysely<Database>, row: Pick<Row, 'period_from' | 'period_to' | 'version'>) {
  if (row.version === 1) return null;
  return selectReports(db)
    .where('r.period_from', '=', row.period_from)
    .where('r.period_to', '=', row.period_to)
    .where('r.version', '=', row.version - 1)
    .executeTakeFirst();
}

async function publishedOf(db: Kysely<Database>, row: Row): Promise<PublishedReport> {
  const report = JSON.parse(row.report_json) as TransparencyReport;
  const previous = await previousVersion(db, row);
  return {
    ...summaryOf(row),
    report,
    changes: previous ? reportChanges(JSON.parse(previous.report_json) as TransparencyReport, report) : null,
  };
}

export async function publishReport(
  db: Kysely<Database>,
  run: <T>(action: (ctx: ActionContext) => Promise<T>) => Promise<T>,
  publisherId: string,
  body: PublishReportBody,
): Promise<PublishedReport> {
  const period = resolvePeriod(body);
  // Computed before the transaction opens: a year's events take a while, and nothing here writes.
  const report = await computeReport(db, { period, threshold: body.threshold, notes: body.notes });
  const json = JSON.stringify(report);
  const sha256 = createHash('sha256').update(json).digest('hex');
  const row = await run(async (ctx) => {
    const from = new Date(period.from);
    const to = new Date(period.to);
    const last = await ctx.trx
      .selectFrom('transparency_report')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('period_from', '=', from)
      .where('period_to', '=', to)
      .executeTakeFirst();
    const version = Number(last?.version ?? 0) + 1;
    const inserted = await ctx.trx
      .insertInto('transparency_report')
      .values({
        period_from: from,
        period_to: to,
        label: period.label,
        version,
        report_json: json,
        sha256,
        checkpoint_seq: report.computedAgainst.checkpoint.seq,
        published_by: publisherId,
      })
      .onConflict((oc) => oc.columns(['period_from', 'period_to', 'version']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted)
      throw new AppError('conflict', 'Another version of this period was published at the same moment; try again.');
    const { checkpoint } = report.computedAgainst;
    await ctx.emit({
      action: 'transparency.report_published',
      target: { type: 'transparency_report', id: inserted.id },
      details: {
        period,
        version,
        sha256,
        threshold: report.suppression.threshold,
        checkpoint: {
          seq: checkpoint.seq,
          head: checkpoint.head,
          keyId: checkpoint.keyId,
          issuedAt: checkpoint.issuedAt,
          signature: checkpoint.signature,
        },
        figures: report.figures.length,
      },
    });
    return selectReports(ctx.trx).where('r.id', '=', inserted.id).executeTakeFirstOrThrow();
  });
  return publishedOf(db, row);
}

export async function listReports(db: Kysely<Database>): Promise<PublishedReportSummary[]> {
  const rows = await selectReports(db).orderBy('r.published_at', 'desc').orderBy('r.id').limit(500).execute();
  return rows.map(summaryOf);
}

export async function reportRow(db: Kysely<Database>, id: string): Promise<Row> {
  const row = await selectReports(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No published report with that id.');
  return row;
}

export async function getReport(db: Kysely<Database>, id: string): Promise<PublishedReport> {
  return publishedOf(db, await reportRow(db, id));
}
