/**
 * The sealed chain as a verifier sees it: records, hashes and signatures recomputed from what is
 * stored and published, key rotation, the status route, and tampering found.
 */
import { createHash, verify } from 'node:crypto';
import { checkpointMessage, GENESIS, leafPreimage, linkPreimage, toHex } from '@docket/audit-chain';
import { withAdminClient } from '@docket/db/testing';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { recordAuditEvent, SYSTEM_ACTOR } from './record';
import { sealPendingEvents } from './sealer';
import { ed25519PublicKey, registerSigningKeys } from './signing-keys';
import { verifyStoredChain } from './verify';

const t = useTestApp();
const audit = { actor: SYSTEM_ACTOR, requestId: 'req-chain', ip: '192.0.2.7', userAgent: 'vitest' };
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

async function writeEvents(count: number, action = 'test.chained') {
  for (let i = 0; i < count; i++) {
    await t.db
      .transaction()
      .execute((trx) =>
        recordAuditEvent(trx, audit, { action, target: { type: 'test', id: `t${i}` }, details: { i } }),
      );
  }
}

async function sealAll() {
  for (;;) {
    const round = await t.seal();
    if (round.outcome === 'idle') return;
    if (round.outcome !== 'sealed') throw new Error(`unexpected round: ${round.outcome}`);
  }
}

/** A superuser session with triggers and foreign keys off: what a tamperer with full access has. */
function asTamperer(run: (client: TamperClient) => Promise<unknown>) {
  return withAdminClient(t.url, async (client) => {
    await client.query('set session_replication_role = replica');
    await run(client);
  });
}

type TamperClient = Parameters<Parameters<typeof withAdminClient>[1]>[0];

async function overwriteSeals(db: TamperClient, rows: { seq: string; leaf: Buffer; chain: Buffer; record: string }[]) {
  for (const row of rows) {
    await db.query('update audit_seal set leaf = $2, chain = $3, record = $4 where seq = $1', [
      row.seq,
      row.leaf,
      row.chain,
      row.record,
    ]);
  }
}

const sealRows = () =>
  sql<{ seq: string; event_id: string; leaf: Buffer; chain: Buffer; record: string }>`
    select s.seq::text, s.event_id::text, s.leaf, s.chain, s.record from audit_seal s order by s.seq`
    .execute(t.db)
    .then((r) => r.rows);

describe('sealing', () => {
  it('stores each event as the RFC 8785 record that was hashed, with microseconds and ids as strings', async () => {
    await writeEvents(3);
    const round = await t.seal();
    expect(round).toMatchObject({ outcome: 'sealed', sealed: 3, through: 3, more: false });

    const [first] = await sealRows();
    const event = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('id', '=', first?.event_id ?? '')
      .executeTakeFirstOrThrow();
    const record = JSON.parse(first?.record ?? '');
    expect(record).toEqual({
      seq: 1,
      id: event.id,
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      actor: { type: 'system', id: null, label: 'system', roles: [] },
      action: 'test.chained',
      outcome: 'success',
      target: { type: 'test', id: 't0' },
      caseId: null,
      grantId: null,
      details: { i: 0 },
      requestId: 'req-chain',
      ip: '192.0.2.7',
      userAgent: 'vitest',
    });
    expect(Date.parse(record.occurredAt)).toBe(event.occurred_at.getTime());
    // Canonical: sorted keys, no whitespace.
    expect(
      first?.record.startsWith(
        '{"action":"test.chained","actor":{"id":null,"label":"system","roles":[],"type":"system"}',
      ),
    ).toBe(true);
  });

  it('chains every leaf to the one before, from 32 zero bytes', async () => {
    let previous: Uint8Array = GENESIS;
    for (const row of await sealRows()) {
      const leaf = sha256(leafPreimage(row.record));
      expect(row.leaf.equals(leaf)).toBe(true);
      const chain = sha256(linkPreimage(previous, leaf));
      expect(row.chain.equals(chain)).toBe(true);
      previous = chain;
    }
  });

  it('says idle when nothing was committed since the last round', async () => {
    expect(await t.seal()).toEqual({ outcome: 'idle' });
  });

  it('seals in batches and stops a round at maxEvents, leaving the rest for the next', async () => {
    await writeEvents(25, 'test.batched');
    const first = await t.seal({ batchSize: 4, maxEvents: 10 });
    expect(first).toMatchObject({ outcome: 'sealed', sealed: 12, more: true });
    await sealAll();
    const rows = await sealRows();
    expect(rows.map((row) => Number(row.seq))).toEqual(rows.map((_, i) => i + 1));
    expect((await verifyStoredChain(t.db)).problem).toBeNull();
  });
});

describe('published keys and checkpoints', () => {
  const publishedKeys = async () => {
    const response = await t.request('GET', '/api/audit/keys');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.format).toBe('docket.audit.keys.v1');
    return body.keys as { keyId: string; algorithm: string; publicKey: string; retiredAt: string | null }[];
  };

  const checkpointsVerify = async () => {
    const keys = new Map((await publishedKeys()).map((key) => [key.keyId, Buffer.from(key.publicKey, 'base64')]));
    const { rows } = await sql<{
      seq: string;
      head: Buffer;
      issued_at: Date;
      issued: string;
      key_id: string;
      signature: Buffer;
    }>`
      select c.seq::text, c.head, c.issued_at, to_char(c.issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as issued,
             c.key_id, c.signature
      from audit_checkpoint c order by c.seq`.execute(t.db);
    const chains = new Map((await sealRows()).map((row) => [row.seq, row.chain]));
    for (const row of rows) {
      expect(row.head.equals(chains.get(row.seq) as Buffer)).toBe(true);
      // issuedAt is reproducible from the row alone: the column holds exactly the signed milliseconds.
      expect(row.issued).toBe(row.issued_at.toISOString());
      const key = keys.get(row.key_id);
      expect(key, row.key_id).toBeDefined();
      const message = checkpointMessage({
        seq: Number(row.seq),
        head: toHex(row.head),
        issuedAt: row.issued,
        keyId: row.key_id,
      });
      expect(verify(null, message, ed25519PublicKey(key as Buffer), row.signature)).toBe(true);
    }
    return rows;
  };

  it('publishes the signing key without a session, as raw 32-byte Ed25519 in base64', async () => {
    const [key] = await publishedKeys();
    expect(key).toMatchObject({ keyId: t.signingKeys.current().key.keyId, algorithm: 'Ed25519', retiredAt: null });
    expect(Buffer.from(key?.publicKey ?? '', 'base64')).toHaveLength(32);
    expect(key?.keyId).toBe(
      `ed25519:${sha256(Buffer.from(key?.publicKey ?? '', 'base64'))
        .subarray(0, 16)
        .toString('hex')}`,
    );
  });

  it('signs a checkpoint per round that every published key verifies', async () => {
    const rows = await checkpointsVerify();
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });

  it('signs with the new key after a rotation, and the old checkpoints still verify', async () => {
    const before = t.signingKeys.current().key.keyId;
    const rotation = t.signingKeys.rotate();
    expect(rotation.retired.map((key) => key.keyId)).toEqual([before]);
    await registerSigningKeys(t.db, t.signingKeys.keys()); // as every process does on noticing the new file
    await writeEvents(2, 'test.after_rotation');
    const round = await t.seal();
    expect(round).toMatchObject({ outcome: 'sealed', checkpoint: { keyId: rotation.current.keyId } });

    const keys = await publishedKeys();
    expect(keys.map((key) => key.keyId)).toEqual([before, rotation.current.keyId]);
    expect(keys[0]?.retiredAt).not.toBeNull();
    const rows = await checkpointsVerify();
    expect(new Set(rows.map((row) => row.key_id))).toEqual(new Set([before, rotation.current.keyId]));
  });

  it('refuses a checkpoint signed with a retired key (a process with a stale key file)', async () => {
    const stale = t.signingKeys.current();
    t.signingKeys.rotate();
    await registerSigningKeys(t.db, t.signingKeys.keys());
    await writeEvents(1, 'test.stale_signer');
    await expect(sealPendingEvents(t.db, stale)).rejects.toThrow(/signing key .* is retired/);
    expect(await t.seal()).toMatchObject({ outcome: 'sealed', sealed: 1 });
  });
});

describe('the status route', () => {
  it('reports sealed, pending, the latest checkpoint, what was verified, and the keys', async () => {
    await sealAll();
    await writeEvents(2, 'test.pending');
    const { session } = await t.signedIn(['auditor']);
    const response = await t.request('GET', '/api/audit/status', { session });
    expect(response.status).toBe(200);
    const status = await response.json();
    const sealed = Number(
      (await sql<{ n: string }>`select count(*)::text as n from audit_seal`.execute(t.db)).rows[0]?.n,
    );
    expect(status.sealedThrough).toBe(sealed);
    // The two events just written, plus the auditor's sign-in.
    expect(status.pending.count).toBe(3);
    expect(status.pending.oldestAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(status.latestCheckpoint).toMatchObject({ seq: sealed, keyId: expect.stringMatching(/^ed25519:/) });
    expect(status.verification).toMatchObject({ ok: true, verifiedThrough: sealed, complete: true, problem: null });
    expect(status.verification.checked).toMatch(/checkpoint signatures/);
    expect(status.keys.length).toBeGreaterThanOrEqual(2);

    await sealAll();
    const after = await (await t.request('GET', '/api/audit/status', { session })).json();
    expect(after.pending).toEqual({ count: 0, oldestOccurredAt: null, oldestAgeSeconds: null });
    expect(after.verification.verifiedThrough).toBe(after.sealedThrough);
  });
});

describe('tampering', () => {
  const problem = async () => (await verifyStoredChain(t.db)).problem;

  it('finds an edited record, by its leaf', async () => {
    expect(await problem()).toBeNull();
    await asTamperer((db) =>
      db.query(`update audit_seal set record = replace(record, '"i":1', '"i":9') where seq = 2`),
    );
    expect(await problem()).toMatchObject({ seq: 2, kind: 'leaf' });
    await asTamperer((db) =>
      db.query(`update audit_seal set record = replace(record, '"i":9', '"i":1') where seq = 2`),
    );
    expect(await problem()).toBeNull();
  });

  it('finds a record rewritten with matching hashes, by its event row and the checkpoint signatures', async () => {
    const rows = await sealRows();
    const target = rows[1] as (typeof rows)[number];
    const forged = target.record.replace('"i":1', '"i":7');
    let previous = rows[0]?.chain as Buffer;
    const rewrites = rows.slice(1).map((row) => {
      const leaf = sha256(leafPreimage(row.seq === target.seq ? forged : row.record));
      previous = sha256(linkPreimage(previous, leaf));
      return { seq: row.seq, leaf, chain: previous, record: row.seq === target.seq ? forged : row.record };
    });
    await asTamperer((db) => overwriteSeals(db, rewrites));
    expect(await problem()).toMatchObject({ seq: 2, kind: 'event' });
    // Even with the event row edited to match, the signed heads no longer do.
    await asTamperer((db) => db.query(`update audit_event set details = '{"i":7}' where id = $1`, [target.event_id]));
    expect(await problem()).toMatchObject({ kind: 'checkpoint' });

    await asTamperer(async (db) => {
      await db.query(`update audit_event set details = '{"i":1}' where id = $1`, [target.event_id]);
      await overwriteSeals(db, rows);
    });
    expect(await problem()).toBeNull();
  });

  it('finds a removed row as a gap, and a stray inserted row as a broken link', async () => {
    const rows = await sealRows();
    const removed = rows[2] as (typeof rows)[number];
    await asTamperer((db) => db.query('delete from audit_seal where seq = 3'));
    expect(await problem()).toMatchObject({ seq: 3, kind: 'gap' });
    const forgedRecord = removed.record.replace('"action":"test.chained"', '"action":"test.forged"');
    await asTamperer((db) =>
      db.query('insert into audit_seal (seq, event_id, ticket, leaf, chain, record) values (3, $1, $2, $3, $4, $5)', [
        removed.event_id,
        '0',
        sha256(leafPreimage(forgedRecord)),
        removed.chain,
        forgedRecord,
      ]),
    );
    expect(await problem()).toMatchObject({ seq: 3, kind: 'chain' });
    await asTamperer(async (db) => {
      await db.query('delete from audit_seal where seq = 3');
      await db.query(
        `insert into audit_seal (seq, event_id, ticket, leaf, chain, record)
         select $1, $2, ticket, $3, $4, $5 from audit_commit c join audit_event e on e.tx_id = c.tx_id where e.id = $2`,
        [3, removed.event_id, removed.leaf, removed.chain, removed.record],
      );
    });
    expect(await problem()).toBeNull();
  });

  it('finds a sealed event whose row was removed', async () => {
    const [row] = await sealRows();
    await withAdminClient(t.url, async (db) => {
      await db.query('set session_replication_role = replica');
      await db.query('create temp table saved as select * from audit_event where id = $1', [row?.event_id]);
      await db.query('delete from audit_event where id = $1', [row?.event_id]);
      expect(await problem()).toMatchObject({ seq: 1, kind: 'event', detail: expect.stringMatching(/is gone/) });
      await db.query('insert into audit_event overriding system value select * from saved');
    });
    expect(await problem()).toBeNull();
  });

  it('finds a forged checkpoint signature', async () => {
    await asTamperer((db) =>
      db.query(`update audit_checkpoint set signature = set_byte(signature, 0, (get_byte(signature, 0) + 1) % 256)
                where seq = (select min(seq) from audit_checkpoint)`),
    );
    expect(await problem()).toMatchObject({ kind: 'signature' });
    await asTamperer((db) =>
      db.query(`update audit_checkpoint set signature = set_byte(signature, 0, (get_byte(signature, 0) + 255) % 256)
                where seq = (select min(seq) from audit_checkpoint)`),
    );
    expect(await problem()).toBeNull();
  });

  it('resumes an incremental check from where it stopped', async () => {
    const whole = await verifyStoredChain(t.db);
    const firstHalf = await verifyStoredChain(t.db, 1, { limit: 5 });
    expect(firstHalf).toMatchObject({ through: 5, complete: false, problem: null });
    const rest = await verifyStoredChain(t.db, 6, { previous: firstHalf.head });
    expect(rest).toMatchObject({ through: whole.through, complete: true, problem: null });
    expect(rest.head.equals(whole.head)).toBe(true);
  });
});
