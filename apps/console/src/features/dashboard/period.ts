/** The dashboard's period, kept in the URL (`?range=30d`, or `?range=custom&from=…&to=…`), in UTC days. */

export const RANGES = [
  { id: '1d', label: 'Today', days: 1 },
  { id: '7d', label: 'Last 7 days', days: 7 },
  { id: '30d', label: 'Last 30 days', days: 30 },
  { id: '90d', label: 'Last 90 days', days: 90 },
  { id: 'custom', label: 'Custom range', days: 0 },
] as const;
export type RangeId = (typeof RANGES)[number]['id'];

export interface DashboardPeriod {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function rangeFromParams(params: URLSearchParams): RangeId {
  const range = params.get('range');
  return RANGES.some((r) => r.id === range) ? (range as RangeId) : '7d';
}

/** The days the URL asks for; a custom range with a missing or malformed day falls back to the last 7. */
export function periodFromParams(params: URLSearchParams, now = Date.now()): DashboardPeriod {
  const range = rangeFromParams(params);
  const today = utcDay(now);
  if (range === 'custom') {
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (DAY.test(from) && DAY.test(to) && from <= to) return { from, to };
  }
  const days = RANGES.find((r) => r.id === range && r.days > 0)?.days ?? 7;
  return { from: utcDay(Date.parse(today) - (days - 1) * DAY_MS), to: today };
}
