/**
 * From an audit_event row to the hashed `AuditRecord`, and the hashes themselves: one definition
 * shared by the sealer, which stores the record, and the verifier, which rebuilds it.
 */
import { hash } from 'node:crypto';
import { type AuditRecord, HASH_BYTES, recordText } from '@docket/audit-chain';
import type { AuditEventRow } from '@docket/db';
import { type RawBuilder, sql } from 'kysely';

/** A timestamp as UTC ISO 8601 text, by the database: microseconds for events, milliseconds for checkpoints. */
export function utcText(column: RawBuilder<unknown>, precision: 'US' | 'MS'): RawBuilder<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', ${`YYYY-MM-DD"T"HH24:MI:SS.${precision}"Z"`})`;
}

/** The audit_event columns (table alias `e`) a record is built from; ids as text on every driver. */
export const eventColumns = sql`e.id::text as id, ${utcText(sql.ref('e.occurred_at'), 'US')} as occurred_at,
  e.actor_type, e.actor_id, e.actor_label, e.actor_roles, e.action, e.outcome, e.target_type, e.target_id,
  e.case_id::text as case_id, e.grant_id::text as grant_id, e.details, e.request_id, e.ip, e.user_agent`;

/** An audit_event row as `eventColumns` selects it: the time already rendered as record text. */
export type EventColumns = Omit<AuditEventRow, 'occurred_at' | 'tx_id'> & { occurred_at: string };

export function auditRecord(seq: number, row: EventColumns): AuditRecord {
  return {
    seq,
    id: row.id,
    occurredAt: row.occurred_at,
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label, roles: row.actor_roles },
    action: row.action,
    outcome: row.outcome,
    target:
      row.target_type === null && row.target_id === null
        ? null
        : { type: row.target_type ?? '', id: row.target_id ?? '' },
    caseId: row.case_id,
    grantId: row.grant_id,
    details: row.details,
    requestId: row.request_id,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/**
 * The same text as `sealedText`, built by the database from audit_event `e` (ADR 046): `seq` and
 * the canonical (RFC 8785) text of the details come from the caller, everything else is rendered
 * here — JSON strings by `to_json`, which escapes exactly as JSON.stringify does. The verifier
 * rebuilds every record with `sealedText` and compares, so the two cannot drift unnoticed.
 */
export function recordTextSql(seq: RawBuilder<unknown>, details: RawBuilder<unknown>): RawBuilder<string> {
  const str = (value: RawBuilder<unknown>) => sql`coalesce(to_json(${value})::text, 'null')`;
  const uuid = (value: RawBuilder<unknown>) => sql`coalesce('"' || ${value}::text || '"', 'null')`;
  return sql<string>`'{"action":' || ${str(sql.ref('e.action'))}
    || ',"actor":{"id":' || ${str(sql.ref('e.actor_id'))} || ',"label":' || ${str(sql.ref('e.actor_label'))}
    || ',"roles":' || array_to_json(e.actor_roles)::text || ',"type":' || ${str(sql.ref('e.actor_type'))}
    || '},"caseId":' || ${uuid(sql.ref('e.case_id'))} || ',"details":' || ${details}
    || ',"grantId":' || ${uuid(sql.ref('e.grant_id'))} || ',"id":"' || e.id::text
    || '","ip":' || ${str(sql.ref('e.ip'))} || ',"occurredAt":"' || ${utcText(sql.ref('e.occurred_at'), 'US')}
    || '","outcome":' || ${str(sql.ref('e.outcome'))} || ',"requestId":' || ${str(sql.ref('e.request_id'))}
    || ',"seq":' || ${seq}::text
    || ',"target":' || case when e.target_type is null and e.target_id is null then 'null'
         else '{"id":' || to_json(coalesce(e.target_id, ''))::text || ',"type":'
              || to_json(coalesce(e.target_type, ''))::text || '}' end
    || ',"userAgent":' || ${str(sql.ref('e.user_agent'))} || '}'`;
}

/** The canonical text of the record for `row` at `seq`: what is hashed and stored. */
export function sealedText(seq: number, row: EventColumns): string {
  return recordText(auditRecord(seq, row));
}

// The preimages of packages/audit-chain (leafPreimage, linkPreimage), hashed one-shot without
// assembling copies: U+0000 is the single byte 0x00 in UTF-8, and the link preimage is one reused
// 65-byte buffer (the sealer hashes synchronously). records.test.ts pins both to the core's.
const link = Buffer.alloc(1 + 2 * HASH_BYTES);
link[0] = 0x01;

/** SHA-256(0x00 ‖ UTF-8(text)). */
export function leafHash(text: string): Buffer {
  return hash('sha256', `\u0000${text}`, 'buffer');
}

/** SHA-256(0x01 ‖ previous ‖ leaf). */
export function linkHash(previous: Uint8Array, leaf: Uint8Array): Buffer {
  if (previous.length !== HASH_BYTES || leaf.length !== HASH_BYTES) throw new TypeError('hashes are 32 bytes');
  link.set(previous, 1);
  link.set(leaf, 1 + HASH_BYTES);
  return hash('sha256', link, 'buffer');
}

/** bytea arrives as a Buffer from pg and as a Uint8Array from PGlite. */
export const bytes = (value: Uint8Array): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value));
