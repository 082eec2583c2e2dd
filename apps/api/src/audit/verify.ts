/**
 * Checks the stored chain the way an outside verifier checks a bundle, plus what only the
 * database can show: each sealed record still matches its audit_event row.
 */
import { verify } from 'node:crypto';
import { checkpointMessage, GENESIS, toHex } from '@docket/audit-chain';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { bytes, type EventColumns, eventColumns, leafHash, linkHash, sealedText, utcText } from './records';
import { ed25519PublicKey } from './signing-keys';

export type ChainProblemKind =
  /** A sequence number is missing (or the row before the range is). */
  | 'gap'
  /** The leaf is not the hash of the stored record. */
  | 'leaf'
  /** The chain hash does not follow from the previous one and the leaf. */
  | 'chain'
  /** The record does not match its audit_event row, or the row is gone. */
  | 'event'
  /** A checkpoint's head is not the chain at its seq, or it names a seq never sealed. */
  | 'checkpoint'
  /** A checkpoint's signature fails, or its key is not registered. */
  | 'signature';

export interface ChainProblem {
  seq: number;
  kind: ChainProblemKind;
  detail: string;
}

export interface ChainVerification {
  /** Seqs from..through were read and every check passed for them. */
  from: number;
  through: number;
  /** chain(through). */
  head: Buffer;
  records: number;
  checkpoints: number;
  /** The first failure; `through` is the seq before it. */
  problem: ChainProblem | null;
  /** Whether the check reached the stored head (false when `limit` stopped it). */
  complete: boolean;
}

export interface VerifyOptions {
  /** chain(fromSeq − 1), when the caller verified up to there before; read from the table otherwise. */
  previous?: Uint8Array;
  /** Stop after this many records (the result says so). */
  limit?: number;
  batchSize?: number;
}

type SealRow = Omit<EventColumns, 'id'> & {
  seq: string;
  event_id: string;
  leaf: Uint8Array;
  chain: Uint8Array;
  record: string;
  id: string | null;
};

interface CheckpointRow {
  seq: string;
  head: Uint8Array;
  issued_at: string;
  key_id: string;
  signature: Uint8Array;
  public_key: Uint8Array | null;
}

/** Recomputes leaf and chain hashes from the stored records and checks every checkpoint signature. */
export async function verifyStoredChain(
  db: Kysely<Database>,
  fromSeq = 1,
  options: VerifyOptions = {},
): Promise<ChainVerification> {
  const { limit = Number.POSITIVE_INFINITY, batchSize = 5000 } = options;
  const result: ChainVerification = {
    from: fromSeq,
    through: fromSeq - 1,
    head: Buffer.from(GENESIS),
    records: 0,
    checkpoints: 0,
    problem: null,
    complete: false,
  };
  const fail = (seq: number, kind: ChainProblemKind, detail: string) => {
    result.problem = { seq, kind, detail };
    return result;
  };

  if (options.previous) result.head = bytes(options.previous);
  else if (fromSeq > 1) {
    const previous = await db
      .selectFrom('audit_seal')
      .select('chain')
      .where('seq', '=', String(fromSeq - 1))
      .executeTakeFirst();
    if (!previous) return fail(fromSeq - 1, 'gap', `seq ${fromSeq - 1} is not sealed`);
    result.head = bytes(previous.chain);
  }

  const keys = new Map<string, ReturnType<typeof ed25519PublicKey> | null>();
  while (result.records < limit) {
    const next = result.through + 1;
    const take = Math.min(batchSize, limit - result.records);
    const { rows } = await sql<SealRow>`
      select s.seq::text, s.event_id::text, s.leaf, s.chain, s.record, ${eventColumns}
      from audit_seal s left join audit_event e on e.id = s.event_id
      where s.seq >= ${next} order by s.seq limit ${take}`.execute(db);
    if (rows.length === 0) break;
    const last = Number(rows[rows.length - 1]?.seq);
    const checkpoints = await checkpointsBetween(db, next, last);

    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== result.through + 1) return fail(result.through + 1, 'gap', `seq ${result.through + 1} is missing`);
      const leaf = leafHash(row.record);
      if (!leaf.equals(bytes(row.leaf)))
        return fail(seq, 'leaf', 'the stored leaf is not the hash of the stored record');
      const chain = linkHash(result.head, leaf);
      if (!chain.equals(bytes(row.chain)))
        return fail(seq, 'chain', 'the chain hash does not follow from the previous one');
      if (row.id === null) return fail(seq, 'event', `audit event ${row.event_id} is gone`);
      if (sealedText(seq, row as EventColumns) !== row.record) {
        return fail(seq, 'event', `audit event ${row.event_id} no longer matches its sealed record`);
      }
      const checkpoint = checkpoints.get(seq);
      if (checkpoint) {
        const problem = checkCheckpoint(checkpoint, chain, keys);
        if (problem) return fail(seq, problem.kind, problem.detail);
        result.checkpoints += 1;
      }
      result.head = chain;
      result.through = seq;
      result.records += 1;
    }
  }

  if (result.records < limit) {
    result.complete = true;
    const stray = await db
      .selectFrom('audit_checkpoint')
      .select((eb) => eb.fn.min('seq').as('seq'))
      .where('seq', '>', String(result.through))
      .executeTakeFirst();
    if (stray?.seq)
      return fail(Number(stray.seq), 'checkpoint', `a checkpoint names seq ${stray.seq}, which is not sealed`);
  }
  return result;
}

async function checkpointsBetween(db: Kysely<Database>, from: number, through: number) {
  const { rows } = await sql<CheckpointRow>`
    select c.seq::text, c.head, ${utcText(sql.ref('c.issued_at'), 'MS')} as issued_at, c.key_id, c.signature, k.public_key
    from audit_checkpoint c left join audit_signing_key k on k.key_id = c.key_id
    where c.seq between ${from} and ${through}`.execute(db);
  return new Map(rows.map((row) => [Number(row.seq), row]));
}

function checkCheckpoint(
  row: CheckpointRow,
  chain: Buffer,
  keys: Map<string, ReturnType<typeof ed25519PublicKey> | null>,
): Omit<ChainProblem, 'seq'> | null {
  if (!bytes(row.head).equals(chain))
    return { kind: 'checkpoint', detail: 'the checkpoint head is not the chain at its seq' };
  if (!keys.has(row.key_id)) keys.set(row.key_id, row.public_key ? ed25519PublicKey(row.public_key) : null);
  const key = keys.get(row.key_id);
  if (!key) return { kind: 'signature', detail: `signing key ${row.key_id} is not registered` };
  const message = checkpointMessage({
    seq: Number(row.seq),
    head: toHex(chain),
    issuedAt: row.issued_at,
    keyId: row.key_id,
  });
  if (!verify(null, message, key, bytes(row.signature))) {
    return { kind: 'signature', detail: `the checkpoint signature does not verify with ${row.key_id}` };
  }
  return null;
}
