/**
 * A statement of reasons in the EU Transparency Database's statement format (ADR 036): Docket's
 * names renamed to the Database's enums, dates as its days, and nothing that identifies a person —
 * no account, conversation or staff id, no notifier identity, and the free text cleared of the
 * case's handles, e-mail addresses and phone numbers.
 */
import type { Database, StatementOfReasonsRow } from '@docket/db';
import type { TdbStatement } from '@docket/tdb-validator';
import { type Kysely, sql } from 'kysely';

export interface TdbExportSource {
  puid: string;
  statement: StatementOfReasonsRow;
  /** When the decision took effect (at once, or when a second supervisor confirmed it). */
  effectiveAt: Date;
  /** When the content was posted: the earliest reported message, else the earliest report. */
  contentAt: Date;
  /** Handles of the case's accounts, taken out of the free text. */
  handles: string[];
}

const REDACTED = '[redacted]';
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
// International numbers (+ or 00, then 7+ digits with separators), or nine digits or more in a
// row (spaces allowed): dates, times and counts stay.
const PHONE = /(?:\+|\b00)\d(?:[\s().-]?\d){6,}|\b\d(?: ?\d){8,}\b/g;

/** Takes personal identifiers out of `text`; returns the text and how many it took out. */
export function redactPersonalData(text: string, handles: readonly string[]): { text: string; count: number } {
  let count = 0;
  const replace = (pattern: RegExp) => {
    text = text.replace(pattern, () => {
      count += 1;
      return REDACTED;
    });
  };
  replace(EMAIL);
  // Longest first, so a handle that contains another is taken whole.
  for (const handle of [...new Set(handles)].filter((h) => h.length >= 3).sort((a, b) => b.length - a.length)) {
    const escaped = handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    replace(new RegExp(`@?(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'giu'));
  }
  replace(PHONE);
  return { text, count };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Docket keeps Greece as EL (the EU's own code); the Database takes ISO 3166's GR. */
const country = (code: string) => (code === 'EL' ? 'GR' : code);

const SOURCE_TYPES = {
  article_16_notice: 'SOURCE_ARTICLE_16',
  other_notification: 'SOURCE_TYPE_OTHER_NOTIFICATION',
  voluntary: 'SOURCE_VOLUNTARY',
} as const;

const AUTOMATED_DECISIONS = {
  fully: 'AUTOMATED_DECISION_FULLY',
  partially: 'AUTOMATED_DECISION_PARTIALLY',
  not_automated: 'AUTOMATED_DECISION_NOT_AUTOMATED',
} as const;

/** The restriction as the Database's four kinds of decision, with the end date where one applies. */
function restrictionFields(s: StatementOfReasonsRow): TdbStatement {
  const endsOn = s.ends_at ? day(s.ends_at) : null;
  switch (s.restriction) {
    case 'content_removed':
      return { decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'] };
    case 'service_partially_suspended':
      return { decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION', end_date_service_restriction: endsOn };
    case 'account_suspended':
      return { decision_account: 'DECISION_ACCOUNT_SUSPENDED', end_date_account_restriction: endsOn };
    case 'account_terminated':
      return { decision_account: 'DECISION_ACCOUNT_TERMINATED' };
    default:
      throw new Error(`unknown restriction ${s.restriction}`);
  }
}

export function toTdbStatement(source: TdbExportSource): { statement: TdbStatement; redactions: number } {
  const s = source.statement;
  let redactions = 0;
  const clean = (text: string) => {
    const result = redactPersonalData(text, source.handles);
    redactions += result.count;
    return result.text;
  };
  const facts = clean(s.public_reason);
  const ground: TdbStatement =
    s.ground === 'illegal'
      ? {
          decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
          illegal_content_legal_ground: clean(s.legal_ground ?? ''),
          illegal_content_explanation: clean(s.legal_explanation ?? ''),
        }
      : {
          decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
          decision_ground_reference_url: s.terms_url,
          incompatible_content_ground: s.terms_url ?? '',
          // The public reason is why the content breaks the clause; the Database allows 2000 characters here.
          incompatible_content_explanation: [...facts].length > 2000 ? `${[...facts].slice(0, 1999).join('')}…` : facts,
          incompatible_content_illegal: s.also_illegal ? 'Yes' : 'No',
        };
  const statement: TdbStatement = {
    ...restrictionFields(s),
    ...ground,
    // Docket moderates private messages, which it holds as text.
    content_type: ['CONTENT_TYPE_TEXT'],
    category: `STATEMENT_CATEGORY_${s.category.toUpperCase()}`,
    territorial_scope: [...new Set(s.territorial_scope.map(country))].sort(),
    content_date: day(source.contentAt),
    application_date: day(source.effectiveAt),
    decision_facts: facts,
    // The notifier's identity (`source_identity`) is personal data and is never sent.
    source_type: SOURCE_TYPES[s.source],
    automated_detection: s.automated_detection ? 'Yes' : 'No',
    automated_decision: AUTOMATED_DECISIONS[s.automated_decision],
    puid: source.puid,
  };
  return { statement, redactions };
}

/** What the export needs for these decisions' statements, in one query. */
export async function loadExportSources(
  db: Kysely<Database>,
  rows: readonly { decision_id: string; puid: string }[],
): Promise<TdbExportSource[]> {
  if (rows.length === 0) return [];
  const puids = new Map(rows.map((row) => [row.decision_id, row.puid]));
  const found = await db
    .selectFrom('statement_of_reasons as s')
    .innerJoin('decision as d', 'd.id', 's.decision_id')
    .leftJoin('decision_confirmation as dc', 'dc.decision_id', 'd.id')
    .selectAll('s')
    .select([
      sql<Date>`coalesce(dc.confirmed_at, d.decided_at)`.as('effective_at'),
      sql<Date>`coalesce(
        (select min(m.sent_at) from report r
          join message m on m.conversation_id = r.conversation_id and m.id = any (r.reported_message_ids)
          where r.case_id = d.case_id),
        (select min(r.received_at) from report r where r.case_id = d.case_id),
        d.decided_at)`.as('content_at'),
      sql<string[]>`array(
        select distinct a.handle from report r
          join platform_account a on a.id = r.reported_account_id or a.id = r.reporter_id
          where r.case_id = d.case_id)`.as('handles'),
    ])
    .where('s.decision_id', 'in', [...puids.keys()])
    .execute();
  return found.map(({ effective_at, content_at, handles, ...statement }) => ({
    puid: puids.get(statement.decision_id) as string,
    statement,
    effectiveAt: effective_at,
    contentAt: content_at,
    handles,
  }));
}
