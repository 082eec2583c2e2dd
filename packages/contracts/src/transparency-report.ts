/**
 * Transparency reports (issue 13, ADR 042): the published document, the publishing API's shapes and
 * the CSV sheets. The figures themselves are defined once, in `@docket/audit-chain/report`, beside
 * the fold that computes them — the same code `docket-verify --report` runs offline.
 */
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  FIGURE_IDS,
  type FigureId,
  MIN_SUPPRESSION_THRESHOLD,
  REPORT_FORMAT,
  REPORT_LICENCE,
  type TransparencyReport as ReportDocument,
} from '@docket/audit-chain/report';
import { z } from 'zod';
import { PublishedCheckpoint } from './transparency';

const Timestamp = z.iso.datetime({ offset: true });

export const ReportFigure = z
  .object({
    id: z
      .enum(FIGURE_IDS as [FigureId, ...FigureId[]])
      .meta({ description: 'The figure, as defined in the README table.' }),
    by: z
      .record(z.string(), z.string())
      .meta({ description: 'The breakdown this row is for, e.g. {"pathway":"break_glass"}; {} for a total.' }),
    status: z.enum(['exact', 'suppressed', 'no_data']).meta({
      description:
        'exact: value is the figure. suppressed: a count below the threshold (only its range is shown) or a statistic over fewer items than the threshold (nothing shown). no_data: a statistic over nothing.',
    }),
    value: z.number().nullable(),
    range: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
  })
  .meta({ id: 'TransparencyReportFigure' });

export const ReportPeriod = z.object({
  from: Timestamp.meta({ description: 'Inclusive start (UTC).' }),
  to: Timestamp.meta({ description: 'Exclusive end (UTC).' }),
  label: z.string().meta({ description: 'e.g. 2026, 2026-H2, 2026-Q4, or a range.' }),
});

export const TransparencyReport = z
  .object({
    format: z.literal(REPORT_FORMAT),
    licence: z.literal(REPORT_LICENCE),
    period: ReportPeriod,
    suppression: z.object({ threshold: z.number().int().min(MIN_SUPPRESSION_THRESHOLD) }),
    computedAgainst: z.object({ checkpoint: PublishedCheckpoint }),
    figures: z.array(ReportFigure),
    notes: z.string().nullable(),
  })
  .meta({ id: 'TransparencyReport' });
export type TransparencyReport = z.infer<typeof TransparencyReport>;

/** A period: a calendar year, a half, a quarter, or any range of whole UTC days (at most 5 years). */
export const ReportPeriodQuery = z
  .object({
    period: z
      .string()
      .regex(/^\d{4}(-(H[12]|Q[1-4]))?$/, 'a year (2026), a half (2026-H2) or a quarter (2026-Q4)')
      .optional()
      .meta({ description: 'A calendar year, half or quarter (UTC); or give from and to.' }),
    from: z.iso.date().optional().meta({ description: 'First day (UTC), with to.' }),
    to: z.iso.date().optional().meta({ description: 'Last day included (UTC), with from.' }),
    threshold: z.coerce
      .number()
      .int()
      .min(MIN_SUPPRESSION_THRESHOLD)
      .max(1000)
      .default(DEFAULT_SUPPRESSION_THRESHOLD)
      .meta({ description: 'Counts below this are shown only as a range.' }),
  })
  .meta({ id: 'TransparencyReportPeriodQuery' });
export type ReportPeriodQuery = z.infer<typeof ReportPeriodQuery>;

export const PublishReportBody = z
  .object({
    period: ReportPeriodQuery.shape.period,
    from: ReportPeriodQuery.shape.from,
    to: ReportPeriodQuery.shape.to,
    threshold: z.number().int().min(MIN_SUPPRESSION_THRESHOLD).max(1000).default(DEFAULT_SUPPRESSION_THRESHOLD),
    notes: z.string().trim().max(20_000).optional().meta({
      description: 'Qualitative notes published with the figures (the template’s qualitative sheet).',
    }),
  })
  .meta({ id: 'PublishTransparencyReport' });
export type PublishReportBody = z.infer<typeof PublishReportBody>;

const FigureState = ReportFigure.pick({ status: true, value: true, range: true });

/** One figure that changed between two versions: added, removed, or a different value. */
export const ReportFigureChange = z
  .object({
    key: z.string().meta({ description: 'id[dimension=value,…]' }),
    id: ReportFigure.shape.id,
    by: ReportFigure.shape.by,
    before: FigureState.nullable(),
    after: FigureState.nullable(),
  })
  .meta({ id: 'TransparencyReportFigureChange' });
export type ReportFigureChange = z.infer<typeof ReportFigureChange>;

export const PublishedReportSummary = z
  .object({
    id: z.uuid(),
    periodKey: z.string().meta({ description: 'from/to of the period: versions of one period share it.' }),
    period: ReportPeriod,
    version: z.number().int().min(1),
    sha256: z.string().meta({ description: 'SHA-256 of report.json exactly as served, lowercase hex.' }),
    checkpointSeq: z.number().int(),
    publishedAt: Timestamp,
    publishedBy: z.object({ id: z.uuid(), label: z.string() }),
  })
  .meta({ id: 'PublishedTransparencyReportSummary' });
export type PublishedReportSummary = z.infer<typeof PublishedReportSummary>;

export const PublishedReport = PublishedReportSummary.extend({
  report: TransparencyReport,
  changes: z
    .array(ReportFigureChange)
    .nullable()
    .meta({ description: 'What differs from the previous version of the same period; null for the first.' }),
}).meta({ id: 'PublishedTransparencyReport' });
export type PublishedReport = z.infer<typeof PublishedReport>;

export const PublishedReportList = z
  .object({ items: z.array(PublishedReportSummary) })
  .meta({ id: 'PublishedTransparencyReportList' });
export type PublishedReportList = z.infer<typeof PublishedReportList>;

/** The CSV sheets, shaped after the EU harmonised transparency templates (Implementing Regulation (EU) 2024/2835). */
export const REPORT_CSV_SHEETS = [
  'orders',
  'notices',
  'own_initiative',
  'appeals',
  'human_resources',
  'qualitative',
  'access',
] as const;
export const ReportCsvSheet = z.enum(REPORT_CSV_SHEETS);
export type ReportCsvSheet = z.infer<typeof ReportCsvSheet>;

// The fold's document and this schema are one shape: the compiler says so both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const reportShapesAgree: Same<Omit<ReportDocument, 'figures'>, Omit<TransparencyReport, 'figures'>> = true;
