/**
 * The transparency report as published (JSON): the period, the suppression threshold, the signed
 * checkpoint it was computed against, and every figure — exact, suppressed to a range, or absent.
 */
import type { SignedCheckpoint } from '../checkpoint';
import type { FigureId } from './figures';

export const REPORT_FORMAT = 'docket.transparency.report.v1';
/** The licence every published report is under: reuse with attribution. */
export const REPORT_LICENCE = 'CC-BY-4.0';
/** Counts below this are shown as a range unless the publisher chooses another. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 10;
/** At 2 the range would be 1–1: a number. Three is the least that hides anything. */
export const MIN_SUPPRESSION_THRESHOLD = 3;

export interface ReportPeriod {
  /** Inclusive start, UTC ISO 8601. */
  from: string;
  /** Exclusive end, UTC ISO 8601. */
  to: string;
  /** e.g. `2026`, `2026-H2`, `2026-Q4`, or `2026-12-01 – 2026-12-06`. */
  label: string;
}

/**
 * `exact`: `value` is the figure. `suppressed`: a count between 1 and threshold − 1, shown only as
 * `range`; or a statistic over fewer than threshold items, shown as nothing. `no_data`: a statistic
 * over nothing (no items at all).
 */
export type FigureStatus = 'exact' | 'suppressed' | 'no_data';

export interface ReportFigure {
  id: FigureId;
  /** The breakdown this row is for, e.g. `{ "pathway": "break_glass" }`; `{}` for a total. */
  by: Record<string, string>;
  status: FigureStatus;
  value: number | null;
  range: { min: number; max: number } | null;
}

export interface TransparencyReport {
  format: typeof REPORT_FORMAT;
  licence: typeof REPORT_LICENCE;
  period: ReportPeriod;
  suppression: { threshold: number };
  /** The audit log as it stood when the report was computed: every event sealed up to this checkpoint. */
  computedAgainst: { checkpoint: SignedCheckpoint };
  figures: ReportFigure[];
  /** The publisher's qualitative notes (the template's qualitative sheet); not a figure. */
  notes: string | null;
}

/** One row's key, `id[dim=value,…]` with the dimensions in the definition's order: how a difference is named. */
export function figureKey(figure: Pick<ReportFigure, 'id' | 'by'>): string {
  const parts = Object.keys(figure.by)
    .sort()
    .map((dimension) => `${dimension}=${figure.by[dimension]}`);
  return parts.length ? `${figure.id}[${parts.join(',')}]` : figure.id;
}
