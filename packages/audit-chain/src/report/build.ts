/** From the fold's figures to the published document, and the comparison a verifier makes. */
import type { SignedCheckpoint } from '../checkpoint';
import {
  figureKey,
  REPORT_FORMAT,
  REPORT_LICENCE,
  type ReportFigure,
  type ReportPeriod,
  type TransparencyReport,
} from './document';
import { type RawFigure, ReportFold, suppress } from './fold';

export interface ReportInput {
  period: ReportPeriod;
  threshold: number;
  checkpoint: SignedCheckpoint;
  notes?: string | null;
}

/** A fold for `input`: add every sealed event in seq order, then `finishReport`. */
export function reportFold(input: Pick<ReportInput, 'period' | 'checkpoint'>): ReportFold {
  return new ReportFold({ from: input.period.from, to: input.period.to, throughSeq: input.checkpoint.seq });
}

/** The document for a fold's figures (`fold.result()`), suppressed at the input's threshold. */
export function finishReport(figures: RawFigure[], input: ReportInput): TransparencyReport {
  return {
    format: REPORT_FORMAT,
    licence: REPORT_LICENCE,
    period: input.period,
    suppression: { threshold: input.threshold },
    computedAgainst: { checkpoint: input.checkpoint },
    figures: suppress(figures, input.threshold),
    notes: input.notes ?? null,
  };
}

export interface FigureDifference {
  key: string;
  published: Pick<ReportFigure, 'status' | 'value' | 'range'> | null;
  recomputed: Pick<ReportFigure, 'status' | 'value' | 'range'> | null;
}

const state = ({ status, value, range }: ReportFigure) => ({ status, value, range });
const same = (a: ReportFigure, b: ReportFigure) =>
  a.status === b.status && a.value === b.value && a.range?.min === b.range?.min && a.range?.max === b.range?.max;

/** Every figure that differs between two reports (missing on one side included), in key order. */
export function compareFigures(published: ReportFigure[], recomputed: ReportFigure[]): FigureDifference[] {
  const before = new Map(published.map((figure) => [figureKey(figure), figure]));
  const after = new Map(recomputed.map((figure) => [figureKey(figure), figure]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const differences: FigureDifference[] = [];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    if (a && b && same(a, b)) continue;
    differences.push({ key, published: a ? state(a) : null, recomputed: b ? state(b) : null });
  }
  return differences;
}
