/** How a report's figures read: each value with its unit, suppressed ones as ranges, grouped by section. */
import { FIGURE_BY_ID, FIGURES, type FigureDefinition, type ReportSection } from '@docket/audit-chain/report';
import type { TransparencyReport } from '@docket/contracts';

export type FigureRow = TransparencyReport['figures'][number];

export const SECTION_TITLES: Record<ReportSection, string> = {
  access: 'Access to private messages',
  legal: 'Legal and government requests',
  moderation: 'Moderation',
};

export function formatValue(
  row: Pick<FigureRow, 'status' | 'value' | 'range'>,
  unit: FigureDefinition['unit'],
): string {
  if (row.status === 'no_data') return 'no data';
  if (row.status === 'suppressed') return row.range ? `${row.range.min}–${row.range.max}` : 'withheld (too few)';
  const value = row.value ?? 0;
  if (unit === 'share') return `${Math.round(value * 1000) / 10}%`;
  if (unit === 'count') return value.toLocaleString('en-US');
  return `${Math.round(value * 10) / 10} ${unit}`;
}

export const labelOf = (id: string) => FIGURE_BY_ID.get(id)?.label ?? id;
export const unitOf = (id: string) => FIGURE_BY_ID.get(id)?.unit ?? 'count';

/** A breakdown as words: `{country: "DE", instrument: "subpoena"}` → "DE · subpoena". */
export const breakdownOf = (by: Record<string, string>) => Object.values(by).join(' · ') || 'total';

export interface SectionFigures {
  section: ReportSection;
  /** Figures without a breakdown, one row each (headline numbers). */
  totals: { definition: FigureDefinition; row: FigureRow | undefined }[];
  /** Figures broken down by one or two dimensions, with their rows. */
  breakdowns: { definition: FigureDefinition; rows: FigureRow[] }[];
}

export function bySection(report: TransparencyReport): SectionFigures[] {
  const rowsOf = new Map<string, FigureRow[]>();
  for (const row of report.figures) rowsOf.set(row.id, [...(rowsOf.get(row.id) ?? []), row]);
  const sections = new Map<ReportSection, SectionFigures>();
  for (const definition of FIGURES as readonly FigureDefinition[]) {
    const entry = sections.get(definition.section) ?? { section: definition.section, totals: [], breakdowns: [] };
    sections.set(definition.section, entry);
    const rows = rowsOf.get(definition.id) ?? [];
    if (definition.by.length === 0) entry.totals.push({ definition, row: rows[0] });
    else entry.breakdowns.push({ definition, rows });
  }
  return [...sections.values()];
}
