/**
 * What a legal grant reaches (ADR 032), in one place: when it is live, which messages a target's
 * accepted scope covers, and the domain's half of "a narrowing only shrinks" (the database's
 * `legal_target_scope_inside` CHECK is the other half).
 */
import {
  CONTENT_INSTRUMENTS,
  instrumentReaches,
  LEGAL_INSTRUMENTS,
  type LegalDataCategory,
  type LegalInstrument,
  type LegalTargetBody,
} from '@docket/contracts';
import type { LegalTargetRow } from '@docket/db';
import { sql } from 'kysely';
import { grantUnended } from '../access/liveness';
import { AppError } from '../http/problem';

/** Statuses under which a legal grant reads: accepted or narrowed, or an emergency not yet decided. */
export const LEGAL_READABLE = sql<boolean>`(lr.status in ('accepted','narrowed')
  or (lr.emergency and lr.status in ('received','acknowledged','under_review')))`;

/**
 * A legal grant (aliased `g`) is live while unended and its request (`lr`) is readable, with the
 * grantee still the officer assigned to it — judged by the database clock in the reading statement.
 */
export const legalGrantIsLive = sql<boolean>`(${grantUnended} and exists (
  select 1 from legal_request lr where lr.id = g.legal_request_id and lr.assigned_to = g.grantee_id
    and ${LEGAL_READABLE}))`;

/**
 * The common table expressions of every legal read: `g`, the caller's live grant on the request;
 * `allowed`, each target whose accepted scope includes the category (content only where the
 * instrument reaches it: LEGAL_INSTRUMENTS in @docket/contracts); `scoped`, the messages of the
 * target's conversations sent inside its accepted range — intersected with any asked for by id.
 */
export function scopedMessages(
  requestId: string,
  readerId: string,
  category: 'metadata' | 'content',
  wanted: { conversationId: string; id: string }[] | undefined,
) {
  const asked = wanted ? JSON.stringify(wanted) : null;
  return sql`g as (
      select g.id, g.expires_at, lr.instrument from access_grant g join legal_request lr on lr.id = g.legal_request_id
      where g.legal_request_id = ${requestId} and g.grantee_id = ${readerId} and ${legalGrantIsLive}
      order by g.expires_at desc limit 1
    ), allowed as (
      select t.account_id, t.scope_from, t.scope_until from legal_target t, g
      where t.request_id = ${requestId} and ${category} = any(t.scope_categories)
        and (${category} <> 'content' or g.instrument = any(${CONTENT_INSTRUMENTS}::text[]))
    ), scoped as (
      -- Every column a read needs, from the one scan (as the conversation read, ADR 050): a join back
      -- to message per row scales with the square of the conversation when the planner misjudges it.
      -- Once per message, however many targets' ranges cover it.
      select distinct on (m.conversation_id, m.id) m.conversation_id, m.id, m.sender_id, m.sent_at,
        case when ${category} = 'content' then m.body_nonce || m.body_ciphertext end as sealed,
        c.dek_wrapped, c.kek_version
      from allowed a
      join conversation c on c.participant_ids @> array[a.account_id]
      join message m on m.conversation_id = c.id and m.sent_at >= a.scope_from and m.sent_at < a.scope_until
      where ${asked}::jsonb is null or exists (select 1 from jsonb_array_elements(${asked}::jsonb) w
        where w->>'conversationId' = m.conversation_id and w->>'id' = m.id)
      order by m.conversation_id, m.id
    )`;
}

const field = (index: number, name: string) => `targets.${index}.${name}`;

/**
 * The accepted scope of each target: what was asked (accepted) or what the narrowing keeps. Refuses
 * a target the order did not name, a wider range or category, and a category the instrument does
 * not reach — the second officer must narrow it out instead.
 */
export function acceptedScopes(
  instrument: LegalInstrument,
  asked: LegalTargetRow[],
  kept: LegalTargetBody[] | undefined,
): { accountId: string; from: Date; until: Date; categories: LegalDataCategory[] }[] {
  const errors: { field: string; message: string }[] = [];
  const keptBy = new Map((kept ?? []).map((target, index) => [target.accountId, { target, index }]));
  (kept ?? []).forEach((target, index) => {
    if (!asked.some((row) => row.account_id === target.accountId)) {
      errors.push({ field: field(index, 'accountId'), message: 'not a target of this order' });
    }
  });
  const scopes = asked.map((row) => {
    if (!kept) {
      return { accountId: row.account_id, from: row.from_at, until: row.until_at, categories: row.categories };
    }
    const entry = keptBy.get(row.account_id);
    // Left out of a narrowing: dropped, with nothing in scope.
    if (!entry) return { accountId: row.account_id, from: row.from_at, until: row.until_at, categories: [] };
    const { target, index } = entry;
    const from = new Date(target.from);
    const until = new Date(target.until);
    if (from < row.from_at) errors.push({ field: field(index, 'from'), message: 'earlier than the order asked for' });
    if (until > row.until_at) errors.push({ field: field(index, 'until'), message: 'later than the order asked for' });
    const wider = target.categories.filter((category) => !row.categories.includes(category));
    if (wider.length) errors.push({ field: field(index, 'categories'), message: `not asked for: ${wider.join(', ')}` });
    return { accountId: row.account_id, from, until, categories: target.categories };
  });
  // A preservation instrument reaches nothing: accepting it keeps the targets' data under a hold
  // and opens none of it, so its scopes hold no category (there is nothing to narrow out).
  if (LEGAL_INSTRUMENTS[instrument].reaches.length === 0) {
    for (const scope of scopes) scope.categories = [];
  }
  scopes.forEach((scope, index) => {
    const unreachable = (scope.categories as LegalDataCategory[]).filter(
      (category) => !instrumentReaches(instrument, category),
    );
    if (unreachable.length) {
      const at = kept ? (keptBy.get(scope.accountId)?.index ?? index) : index;
      errors.push({
        field: field(at, 'categories'),
        message: `a ${instrument} does not reach ${unreachable.join(', ')}: narrow it out`,
      });
    }
  });
  if (errors.length) {
    throw new AppError(
      'invalid',
      'A decision may only keep or shrink what the order asked for, within what its instrument reaches.',
      {
        errors,
      },
    );
  }
  return scopes as { accountId: string; from: Date; until: Date; categories: LegalDataCategory[] }[];
}
