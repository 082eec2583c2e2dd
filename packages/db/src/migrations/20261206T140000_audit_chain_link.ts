import { type Kysely, sql } from 'kysely';

// The sealer hashes in the database where the rows already are (ADR 046): `audit_chain_link(leaf,
// start) over (order by seq)` is the running chain of a batch, chain(n) = SHA-256(0x01 ‖ chain(n−1)
// ‖ leaf(n)) starting from `start`, the head before the batch — the same definition as
// packages/audit-chain, which every verifier uses.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function audit_chain_link_step(previous bytea, leaf bytea, start bytea) returns bytea
    language sql immutable parallel safe
    return sha256('\\x01'::bytea || coalesce(previous, start) || leaf)`.execute(db);
  await sql`create aggregate audit_chain_link(bytea, bytea) (sfunc = audit_chain_link_step, stype = bytea)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop aggregate audit_chain_link(bytea, bytea)`.execute(db);
  await sql`drop function audit_chain_link_step(bytea, bytea, bytea)`.execute(db);
}
