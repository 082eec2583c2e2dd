/** Where the audit chain stands: sealed, pending, last signed, verified, and by which keys. */
import { toHex } from '@docket/audit-chain';
import type { AuditStatus } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { bytes, utcText } from './records';
import { publishedKeys } from './signing-keys';
import { type ChainProblem, verifyStoredChain } from './verify';

/** Records verified per status request at most, so the first request on a long chain stays quick. */
const VERIFY_PER_REQUEST = 10_000;

/**
 * Verification that remembers how far it got, per API process: each call checks only what was
 * sealed since (sealed rows are append-only) and resumes from the remembered chain hash.
 */
class IncrementalChainCheck {
  private through = 0;
  private head: Buffer | undefined;
  private checkpoints = 0;
  private last: { problem: ChainProblem | null; complete: boolean; at: Date } | null = null;

  /** Not re-entrant: callers take turns (see `auditStatus`), each with a snapshot newer than the last. */
  async check(db: Kysely<Database>, limit = VERIFY_PER_REQUEST) {
    const result = await verifyStoredChain(db, this.through + 1, { previous: this.head, limit });
    this.through = result.through;
    this.head = result.head;
    this.checkpoints += result.checkpoints;
    this.last = { problem: result.problem, complete: result.complete && !result.problem, at: new Date() };
    return {
      through: this.through,
      checkpoints: this.checkpoints,
      problem: this.last.problem,
      complete: this.last.complete,
      at: this.last.at,
    };
  }
}

// One per database handle, so per API process (tests build an app per database).
const processState = new WeakMap<
  Kysely<Database>,
  { check: IncrementalChainCheck; reading: Promise<AuditStatus> | null }
>();

/**
 * The head, the pending events, the latest checkpoint, the verification and the keys, all read
 * in one snapshot: read one by one, a seal committing in between showed a checkpoint ahead of
 * the head, or "not sealed". One read at a time per process; callers arriving meanwhile share it.
 */
export function auditStatus(db: Kysely<Database>): Promise<AuditStatus> {
  let state = processState.get(db);
  if (!state) {
    state = { check: new IncrementalChainCheck(), reading: null };
    processState.set(db, state);
  }
  const { check } = state;
  const current = state;
  current.reading ??= db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => readStatus(trx, check))
    .finally(() => {
      current.reading = null;
    });
  return current.reading;
}

async function readStatus(trx: Transaction<Database>, check: IncrementalChainCheck): Promise<AuditStatus> {
  const { head, pending: waiting } = await sealBacklog(trx);
  const waitsOn = await openAuditWriters(trx);
  const { rows: checkpoints } = await sql<{ seq: string; issued_at: string; key_id: string }>`
    select c.seq::text, ${utcText(sql.ref('c.issued_at'), 'MS')} as issued_at, c.key_id
    from audit_checkpoint c order by c.seq desc limit 1`.execute(trx);
  const verified = await check.check(trx);
  const keys = await publishedKeys(trx);
  const latest = checkpoints[0];
  return {
    sealedThrough: head ? Number(head.seq) : 0,
    head: head ? toHex(bytes(head.chain)) : null,
    pending: {
      count: Number(waiting?.count ?? 0),
      oldestOccurredAt: waiting?.oldest ?? null,
      oldestAgeSeconds: waiting?.age === null || waiting?.age === undefined ? null : Math.max(0, waiting.age),
    },
    sealingWaitsOn: waitsOn,
    latestCheckpoint: latest ? { seq: Number(latest.seq), issuedAt: latest.issued_at, keyId: latest.key_id } : null,
    verification: {
      ok: verified.problem === null,
      verifiedThrough: verified.through,
      checkedAt: verified.at.toISOString(),
      complete: verified.complete,
      checked: describeCheck(verified.through, verified.checkpoints),
      problem: verified.problem,
    },
    keys: keys.map((key) => ({ ...key, publicKey: key.publicKey.toString('base64') })),
  };
}

function describeCheck(through: number, checkpoints: number): string {
  if (through === 0) return 'Nothing verified yet: no sealed record has been checked by this API process.';
  return (
    `Recomputed in this API process for seq 1–${through}: each leaf from its stored record, each chain hash ` +
    `from the one before, each record against its audit_event row, and ${checkpoints} checkpoint signatures ` +
    'against the registered keys. Later requests check only what was sealed since; sealed rows are append-only.'
  );
}

/**
 * The transactions the sealer waits for (see waitForOpenTransactions in sealer.ts): open, and
 * holding the write lock an audit event takes. Locks and activity are read as they are now, not
 * from the snapshot, so a transaction left open shows here with its age until it ends.
 */
export async function openAuditWriters(db: Kysely<Database>) {
  const { rows } = await sql<{ transactions: number; oldest: number | null }>`
    select count(distinct l.virtualtransaction)::int as transactions,
           extract(epoch from clock_timestamp() - min(a.xact_start))::float8 as oldest
    from pg_locks l left join pg_stat_activity a on a.pid = l.pid
    where l.locktype = 'relation' and l.database = (select oid from pg_database where datname = current_database())
      and l.relation = 'audit_event'::regclass and l.mode = 'RowExclusiveLock' and l.granted
      and l.pid is distinct from pg_backend_pid()`.execute(db);
  const row = rows[0];
  return { transactions: row?.transactions ?? 0, oldestOpenSeconds: row?.oldest ?? null };
}

/**
 * The sealed head and the committed events past it: every committed event has a ticket, and
 * those past the head's ticket are not sealed yet. Both reads belong in one snapshot.
 */
export async function sealBacklog(db: Kysely<Database>) {
  const { rows: heads } = await sql<{ seq: string; ticket: string; chain: Uint8Array }>`
    select s.seq::text, s.ticket::text, s.chain from audit_seal s order by s.seq desc limit 1`.execute(db);
  const head = heads[0];
  const { rows } = await sql<{ count: string; oldest: string | null; age: number | null }>`
    select count(*)::text as count, ${utcText(sql`min(e.occurred_at)`, 'US')} as oldest,
           extract(epoch from now() - min(e.occurred_at))::float8 as age
    from audit_commit c join audit_event e on e.tx_id = c.tx_id
    where c.ticket > ${head?.ticket ?? '0'}`.execute(db);
  return { head, pending: rows[0] };
}
