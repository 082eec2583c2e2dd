/**
 * events.csv, for spreadsheets: one row per full event (RFC 4180, CRLF between records). The
 * reference rendering; a server that renders in SQL must produce the same text.
 */
import { canonicalJson } from '../canonical';
import type { AuditRecord } from '../record';

const COLUMNS = [
  ['seq', (r) => String(r.seq)],
  ['id', (r) => r.id],
  ['occurredAt', (r) => r.occurredAt],
  ['actorType', (r) => r.actor.type],
  ['actorId', (r) => r.actor.id],
  ['actorLabel', (r) => r.actor.label],
  ['actorRoles', (r) => r.actor.roles.join(' ')],
  ['action', (r) => r.action],
  ['outcome', (r) => r.outcome],
  ['targetType', (r) => r.target?.type ?? null],
  ['targetId', (r) => r.target?.id ?? null],
  ['caseId', (r) => r.caseId],
  ['grantId', (r) => r.grantId],
  ['requestId', (r) => r.requestId],
  ['ip', (r) => r.ip],
  ['userAgent', (r) => r.userAgent],
  ['details', (r) => canonicalJson(r.details)],
] as const satisfies readonly (readonly [string, (record: AuditRecord) => string | null])[];

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe. */
const FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsvHeader(): string {
  return COLUMNS.map(([name]) => name).join(',');
}

/** One record as a CSV row, without the line ending. */
export function auditCsvRow(record: AuditRecord): string {
  return COLUMNS.map(([, value]) => csvField(value(record))).join(',');
}
