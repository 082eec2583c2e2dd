/**
 * The audit sealer (ADR 013): gives committed events their place in the hash chain, in commit
 * order, and signs a checkpoint for the new head. Any process may run rounds; an advisory lock
 * lets one seal at a time, and nothing a writer does ever waits for it.
 */
import { canonicalJson, checkpointMessage, GENESIS, type SignedCheckpoint, toHex } from '@docket/audit-chain';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { bytes, recordTextSql, utcText } from './records';
import { type AuditSigner, registerSigningKeys } from './signing-keys';

const SEALER_LOCK = sql`hashtext('docket.audit_sealer')`;
/** Digits of a ticket and of an event id in a window's lines (a bigint has at most 19). */
const ID_DIGITS = 19;

export interface SealOptions {
  /** Events per INSERT. */
  batchSize?: number;
  /** Events per round, rounded up to a whole transaction: bounds one sealing transaction. */
  maxEvents?: number;
  /** How long to wait for transactions that were open when the round began. */
  settleTimeoutMs?: number;
}

export type SealRound =
  | { outcome: 'sealed'; sealed: number; through: number; checkpoint: SignedCheckpoint; more: boolean }
  /** Nothing committed since the last round. */
  | { outcome: 'idle' }
  /** Another process is sealing. */
  | { outcome: 'busy' }
  /** Audit writers open when the round began were still open at the timeout (virtual transaction ids). */
  | { outcome: 'unsettled'; waitingOn: string[] };

interface Head {
  seq: number;
  ticket: string;
  chain: Buffer;
}

/**
 * One round: everything committed up to now, in commit-ticket order (a transaction's events by
 * id), under one transaction with one signed checkpoint. Takes the pool, not a transaction.
 */
export async function sealPendingEvents(
  db: Kysely<Database>,
  signer: AuditSigner,
  options: SealOptions = {},
): Promise<SealRound> {
  const { batchSize = 2000, maxEvents = 100_000, settleTimeoutMs = 5000 } = options;

  // V first, the open writers after, in separate statements: a transaction holding a ticket ≤ V
  // took it before V was read, so by then it has ended or still holds its lock on audit_event.
  const { rows } = await sql<{ issued: string | null; sealed: string | null }>`
    select (select last_value::text from audit_commit_order where is_called) as issued,
           (select s.ticket::text from audit_seal s order by s.seq desc limit 1) as sealed`.execute(db);
  const issued = rows[0]?.issued ?? null;
  if (issued === null || BigInt(issued) <= BigInt(rows[0]?.sealed ?? '0')) return { outcome: 'idle' };
  const waitingOn = await waitForOpenTransactions(db, settleTimeoutMs);
  if (waitingOn.length > 0) return { outcome: 'unsettled', waitingOn };

  // Every ticket ≤ V is now settled: committed and visible, or aborted and gone.
  return db.transaction().execute(async (trx): Promise<SealRound> => {
    const lock = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${SEALER_LOCK}) as locked`.execute(
      trx,
    );
    if (!lock.rows[0]?.locked) return { outcome: 'busy' };
    // Every statement of a round is a bounded batch, which JIT compilation (~100 ms a statement)
    // never repays; on a table that outgrew its statistics the planner's estimate would have every
    // window compiled, halving a catch-up (ADR 053).
    await sql`set local jit = off`.execute(trx);

    const head = await readHead(trx);
    const state = { seq: head.seq, chain: head.chain };
    const end = BigInt(issued);
    // Tickets per window: adapted so a window holds about `batchSize` events.
    let width = BigInt(batchSize);
    const windowAfter = (after: bigint) => {
      const through = after + width < end ? after + width : end;
      return readWindow(trx, after, through).then((window) => ({ ...window, through }));
    };
    let next: ReturnType<typeof windowAfter> | null = windowAfter(BigInt(head.ticket));
    let inserting: Promise<unknown> = Promise.resolve();
    let sealed = 0;
    let more = false;
    try {
      while (next) {
        const { lines, events, tickets, through } = await next;
        next = null;
        const reachedEnd = through >= end;
        more = !reachedEnd && sealed + events >= maxEvents;
        if (!reachedEnd && !more) {
          if (tickets > 0) width = BigInt(Math.max(1, Math.floor(batchSize / (events / tickets))));
          // Ask for the next window before canonicalising this one, so the database works while we do.
          next = windowAfter(through);
        }
        if (events === 0) continue;
        const batch = canonicalDetails(lines as string);
        const from = state.seq;
        state.seq += events;
        await inserting; // one INSERT in flight at a time, so a failure surfaces in order
        inserting = insertSeals(trx, batch, events, from, state);
        sealed += events;
      }
      await inserting;
    } catch (error) {
      // The transaction is failing; queries still queued on it fail too, and must not go unhandled.
      void next?.catch(() => {});
      void inserting.catch(() => {});
      throw error;
    }
    if (sealed === 0) return { outcome: 'idle' };

    const checkpoint = await signCheckpoint(trx, signer, state.seq, state.chain);
    return { outcome: 'sealed', sealed, through: state.seq, checkpoint, more };
  });
}

/**
 * The events of the tickets in (after, through], a transaction's by id, as one text of lines:
 * ticket and id as 19 digits each, then the details (jsonb text never holds a raw newline). One
 * value for the driver to hand over instead of a row per event to parse; fixed-width numbers so
 * the insert cuts lines apart without scanning them. A bounded range rather than a LIMIT
 * over an open one, so each window stays an index range scan whatever the planner's statistics
 * say after a burst; `offset 0` keeps the lateral join a lookup per ticket on the tx_id index
 * (flattened into a hash join, every window would scan the whole event table).
 */
async function readWindow(db: Kysely<Database>, after: bigint, through: bigint) {
  const { rows } = await sql<{ events: number; tickets: number; lines: string | null }>`
    select count(*)::int as events, count(distinct t.ticket)::int as tickets,
           string_agg(lpad(t.ticket::text, ${sql.lit(ID_DIGITS)}, '0') || lpad(e.id::text, ${sql.lit(ID_DIGITS)}, '0') || e.details::text, E'\\n'
                      order by t.ticket, e.id) as lines
    from (select tx_id, ticket from audit_commit where ticket > ${String(after)}::bigint
          and ticket <= ${String(through)}::bigint) t
    join lateral (select id, details from audit_event where tx_id = t.tx_id offset 0) e on true`.execute(db);
  return rows[0] ?? { events: 0, tickets: 0, lines: null };
}

/**
 * The window's lines with each event's details replaced by their RFC 8785 text. The one part of
 * a record the database cannot render canonically (key order, number forms), so it is done here,
 * by the same canonicaliser the verifiers use, on the details as the driver would parse them.
 */
function canonicalDetails(lines: string): string {
  let out = '';
  let start = 0;
  while (start < lines.length) {
    let stop = lines.indexOf('\n', start);
    if (stop === -1) stop = lines.length;
    const details = start + 2 * ID_DIGITS;
    if (out !== '') out += '\n';
    out += lines.slice(start, details) + canonicalJson(JSON.parse(lines.slice(details, stop)));
    start = stop + 1;
  }
  return out;
}

/**
 * One statement per batch (ADR 046): the database joins each line to its event, renders the
 * record, hashes the leaf and runs the chain from the head before the batch (`audit_chain_link`),
 * and inserts — nothing but the details crosses the wire, and only the new head comes back.
 * `materialized` renders each record and hashes each leaf once: inlined, the planner copies the
 * record's expression into the leaf's and the leaf's into the chain's, three renders a row (ADR 053).
 */
async function insertSeals(
  db: Kysely<Database>,
  batch: string,
  events: number,
  from: number,
  state: { chain: Buffer },
) {
  const start = state.chain;
  const { rows } = await sql<{ sealed: number; head: Uint8Array | null }>`
    with batch as (
      select n, substr(line, 1, ${sql.lit(ID_DIGITS)})::bigint as ticket,
             substr(line, ${sql.lit(ID_DIGITS + 1)}, ${sql.lit(ID_DIGITS)})::bigint as event_id,
             substr(line, ${sql.lit(2 * ID_DIGITS + 1)}) as details
      from string_to_table(${batch}::text, E'\\n') with ordinality as b(line, n)
    ), records as materialized (
      select b.n, b.ticket, b.event_id, ${recordTextSql(sql`(${from}::bigint + b.n)`, sql`b.details`)} as record
      from batch b join audit_event e on e.id = b.event_id
    ), hashed as materialized (
      select n, ticket, event_id, record, sha256('\\x00'::bytea || convert_to(record, 'UTF8')) as leaf from records
    ), sealed as (
      insert into audit_seal (seq, event_id, ticket, leaf, chain, record)
      select ${from}::bigint + n, event_id, ticket, leaf,
             audit_chain_link(leaf, ${start}::bytea) over (order by n rows between unbounded preceding and current row),
             record
      from hashed
      returning seq, chain
    )
    select count(*)::int as sealed, (select chain from sealed order by seq desc limit 1) as head from sealed`.execute(
    db,
  );
  const row = rows[0];
  if (row?.sealed !== events || !row.head) throw new Error(`sealed ${row?.sealed} of a batch of ${events} events`);
  // The head advances only when the batch's statement has run; the next batch's statement is sent after.
  state.chain = bytes(row.head);
}

async function readHead(db: Kysely<Database>): Promise<Head> {
  // `seq::text` is named seq too: ordering by the table's column (s.seq) keeps the order numeric.
  const { rows } = await sql<{ seq: string; ticket: string; chain: Uint8Array }>`
    select s.seq::text, s.ticket::text, s.chain from audit_seal s order by s.seq desc limit 1`.execute(db);
  const row = rows[0];
  return row
    ? { seq: Number(row.seq), ticket: row.ticket, chain: bytes(row.chain) }
    : { seq: 0, ticket: '0', chain: Buffer.from(GENESIS) };
}

/** Signs and stores the checkpoint for `seq`; issuedAt is the database clock in milliseconds. */
async function signCheckpoint(db: Kysely<Database>, signer: AuditSigner, seq: number, head: Buffer) {
  await registerSigningKeys(db, [signer.key]);
  const { rows } = await sql<{ issued_at: string }>`
    select ${utcText(sql`date_trunc('milliseconds', clock_timestamp())`, 'MS')} as issued_at`.execute(db);
  const statement = { seq, head: toHex(head), issuedAt: rows[0]?.issued_at ?? '', keyId: signer.key.keyId };
  const signature = signer.sign(checkpointMessage(statement));
  await db
    .insertInto('audit_checkpoint')
    .values({ seq, head, issued_at: statement.issuedAt, key_id: statement.keyId, signature })
    .execute();
  return { ...statement, signature: signature.toString('base64') } satisfies SignedCheckpoint;
}

/**
 * Waits, in small sleeps, until every transaction that holds a ticket it may not have finished
 * committing has ended; returns those still open at the timeout (virtual transaction ids).
 *
 * A transaction can only hold a ticket if it inserted into audit_event, so it holds
 * RowExclusiveLock on the table until it ends — and PostgreSQL releases locks only after the
 * transaction has left the running set, so once the lock is gone its rows are visible (or gone).
 * Waiting on those alone, rather than on every xid in a snapshot, keeps transactions of other
 * databases on the server and work that writes no audit event from holding sealing up. A prepared
 * transaction (pid null) that wrote events is waited on until it is resolved.
 */
async function waitForOpenTransactions(db: Kysely<Database>, timeoutMs: number): Promise<string[]> {
  const writers = sql`
    locktype = 'relation' and database = (select oid from pg_database where datname = current_database())
    and relation = 'audit_event'::regclass and mode = 'RowExclusiveLock' and granted`;
  const first = await sql<{ open: string }>`
    select coalesce(string_agg(distinct virtualtransaction, ','), '') as open from pg_locks where ${writers}`.execute(
    db,
  );
  let open = first.rows[0]?.open ?? '';
  const deadline = Date.now() + timeoutMs;
  let pause = 1;
  while (open !== '') {
    const { rows } = await sql<{ open: string }>`
      select coalesce(string_agg(distinct virtualtransaction, ','), '') as open from pg_locks
      where ${writers} and (virtualtransaction = any(string_to_array(${open}, ',')) or pid is null)`.execute(db);
    open = rows[0]?.open ?? '';
    if (open === '') break;
    if (Date.now() >= deadline) return open.split(',');
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 50);
  }
  return [];
}
