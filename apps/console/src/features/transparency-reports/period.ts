/**
 * The report's period, kept in the URL: `?period=2026-Q4` (a year, half or quarter) or
 * `?from=2026-10-01&to=2026-10-31` (whole UTC days). Without one, the last complete quarter.
 */

export type PeriodKind = 'year' | 'half' | 'quarter' | 'custom';
export type ReportPeriodParams = { period: string } | { from: string; to: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NAMED = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/;

export function lastCompleteQuarter(now = new Date()): string {
  const quarter = Math.floor(now.getUTCMonth() / 3); // 0-based current quarter
  return quarter === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${quarter}`;
}

export function periodFromParams(params: URLSearchParams, now = new Date()): ReportPeriodParams {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DAY.test(from) && DAY.test(to) && from <= to) return { from, to };
  const period = params.get('period') ?? '';
  return NAMED.test(period) ? { period } : { period: lastCompleteQuarter(now) };
}

export function kindOf(params: ReportPeriodParams): PeriodKind {
  if ('from' in params) return 'custom';
  const part = NAMED.exec(params.period)?.[2];
  return part === undefined ? 'year' : part.startsWith('H') ? 'half' : 'quarter';
}

export function describePeriod(params: ReportPeriodParams): string {
  return 'from' in params ? `${params.from} to ${params.to}` : params.period;
}
