/**
 * Searching the audit log: each filter rides an index of its own, pages are keyset pages by id
 * (newest first), so the thousandth page costs what the first does at any size.
 */
import type { AuditEvent, AuditEventList, AuditEventQuery } from '@docket/contracts';
import type { AuditEventRow, Database } from '@docket/db';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../http/problem';

type Query = z.output<typeof AuditEventQuery>;

export function toAuditEvent(row: AuditEventRow & { seq: string | null }): AuditEvent {
  return {
    id: row.id,
    seq: row.seq === null ? null : Number(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label, roles: row.actor_roles },
    action: row.action,
    outcome: row.outcome,
    target: row.target_type && row.target_id ? { type: row.target_type, id: row.target_id } : null,
    caseId: row.case_id,
    grantId: row.grant_id,
    details: row.details,
    requestId: row.request_id,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/** Events with their place in the chain (null while pending seal). */
export function selectAuditEvents(db: Kysely<Database>) {
  return db
    .selectFrom('audit_event as e')
    .leftJoin('audit_seal as s', 's.event_id', 'e.id')
    .selectAll('e')
    .select('s.seq');
}

export async function searchAuditEvents(db: Kysely<Database>, query: Query): Promise<AuditEventList> {
  let select = selectAuditEvents(db);
  if (query.actor) {
    const actor = query.actor;
    select = select.where((eb) => eb.or([eb('e.actor_id', '=', actor), eb('e.actor_label', '=', actor)]));
  }
  const actions = query.action?.split(',');
  if (actions?.length) select = select.where('e.action', 'in', actions);
  if (query.outcome) select = select.where('e.outcome', '=', query.outcome);
  if (query.targetType) select = select.where('e.target_type', '=', query.targetType);
  if (query.targetId) select = select.where('e.target_id', '=', query.targetId);
  if (query.caseId) select = select.where('e.case_id', '=', query.caseId);
  if (query.grantId) select = select.where('e.grant_id', '=', query.grantId);
  if (query.from) select = select.where('e.occurred_at', '>=', new Date(query.from));
  if (query.to) select = select.where('e.occurred_at', '<', new Date(query.to));
  if (query.cursor) select = select.where('e.id', '<', query.cursor);
  const rows = await select
    .orderBy('e.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toAuditEvent),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function getAuditEvent(db: Kysely<Database>, id: string): Promise<AuditEvent> {
  const row = await selectAuditEvents(db).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No audit event with that id.');
  return toAuditEvent(row);
}
