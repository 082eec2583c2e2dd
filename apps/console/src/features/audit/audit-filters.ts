/**
 * The auditor's event filters, kept in the URL so a search survives a reload and can be sent to
 * a colleague. Times are typed in local time (datetime-local) and sent to the API as UTC.
 */
export const FILTER_FIELDS = [
  'actor',
  'action',
  'outcome',
  'targetType',
  'targetId',
  'caseId',
  'grantId',
  'from',
  'to',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type AuditFilters = Partial<Record<FilterField, string>>;

export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const field of FILTER_FIELDS) {
    const value = params.get(field)?.trim();
    if (value) filters[field] = value;
  }
  return filters;
}

export function filtersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = filters[field]?.trim();
    if (value) params.set(field, value);
  }
  return params;
}

/** `2026-12-01T09:30` in the browser's time zone → an ISO instant; unparseable input stays as typed. */
export function localToIso(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** An ISO instant → the `YYYY-MM-DDTHH:mm` a datetime-local input shows, in the browser's time zone. */
export function isoToLocal(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function hasFilters(filters: AuditFilters): boolean {
  return FILTER_FIELDS.some((field) => filters[field]);
}
