import type { Generated, Selectable } from 'kysely';

/** One published version of a transparency report (ADR 042); append-only. */
export interface TransparencyReportTable {
  id: Generated<string>;
  period_from: Date;
  period_to: Date;
  label: string;
  version: number;
  /** The report's JSON exactly as served: its SHA-256 is `sha256`. */
  report_json: string;
  sha256: string;
  checkpoint_seq: string | number;
  published_by: string;
  published_at: Generated<Date>;
}
export type TransparencyReportRow = Selectable<TransparencyReportTable>;
