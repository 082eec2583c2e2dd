/**
 * Witnessed checkpoints: the newest signed head leaves the database (to the platform, and to anyone
 * at a public URL), and a bundle exported after the owner rewrote history — triggers disabled, an
 * earlier event changed, the chain re-hashed and every later checkpoint re-signed with the real
 * key — verifies on its own but not against what was witnessed.
 */

import { createHash } from 'node:crypto';
import {
  type AuditRecord,
  checkpointMessage,
  leafPreimage,
  linkPreimage,
  recordText,
  type SignedCheckpoint,
  toHex,
  verifyBundle,
} from '@docket/audit-chain';
import { nodeCryptoProvider } from '@docket/audit-chain/node';
import { blob } from '@docket/audit-chain/testing';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSystemAction } from '../actions/context';
import { useTestApp } from '../testing/harness';
import { witnessCheckpoint } from './checkpoint';

const t = useTestApp();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** Some history: sign-ins are events. */
async function someHistory(count = 3) {
  for (let i = 0; i < count; i++) await t.signedIn(['reviewer']);
  await t.seal();
}

async function published(): Promise<SignedCheckpoint> {
  const response = await t.request('GET', '/api/transparency/checkpoint');
  expect(response.status).toBe(200);
  return response.json();
}

let admin: Awaited<ReturnType<typeof t.signedIn>>;
beforeAll(async () => {
  admin = await t.signedIn(['admin']);
});

describe('the published checkpoint', () => {
  it('is the newest signed head, public, in the exact form docket-verify takes', async () => {
    await someHistory();
    const checkpoint = await published();
    const newest = await t.db
      .selectFrom('audit_checkpoint')
      .select(['seq', 'key_id'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(Object.keys(checkpoint).sort()).toEqual(['head', 'issuedAt', 'keyId', 'seq', 'signature']);
    expect(checkpoint).toMatchObject({ seq: Number(newest.seq), keyId: newest.key_id });
  });

  it('goes to the platform as audit.checkpoint once per new head', async () => {
    const created = await t.request('POST', '/api/webhooks/endpoints', {
      session: admin.session,
      body: { url: 'https://platform.example/hooks', eventTypes: ['audit.checkpoint'] },
    });
    const endpoint = await created.json();
    await someHistory();
    const checkpoint = await published();

    const sent = await runSystemAction(t.db, witnessCheckpoint);
    expect(sent).toEqual(checkpoint);
    expect(await runSystemAction(t.db, witnessCheckpoint)).toBeNull();

    const outbox = await t.db
      .selectFrom('outbox_event as o')
      .innerJoin('webhook_delivery as d', 'd.event_id', 'o.id')
      .select(['o.type', 'o.subject', 'o.payload'])
      .where('d.endpoint_id', '=', endpoint.id)
      .execute();
    expect(outbox).toEqual([{ type: 'audit.checkpoint', subject: 'audit:chain', payload: checkpoint }]);
    const event = await t.db
      .selectFrom('audit_event')
      .select(['details', 'target_id'])
      .where('action', '=', 'audit.checkpoint_sent')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      target_id: String(checkpoint.seq),
      details: { seq: checkpoint.seq, head: checkpoint.head },
    });
  });
});

/** What an owner with the signing key can do: rewrite event `seq` and make everything after agree. */
async function rewriteHistoryAsOwner(seq: number) {
  const signer = t.signingKeys.current();
  await t.db.transaction().execute(async (trx) => {
    for (const table of ['audit_event', 'audit_seal', 'audit_checkpoint']) {
      await sql`alter table ${sql.table(table)} disable trigger user`.execute(trx);
    }
    const seals = await trx
      .selectFrom('audit_seal')
      .select(['seq', 'event_id', 'record'])
      .where('seq', '>=', String(seq))
      .orderBy('seq')
      .execute();
    const before = await trx
      .selectFrom('audit_seal')
      .select('chain')
      .where('seq', '=', String(seq - 1))
      .executeTakeFirst();
    let previous: Uint8Array = before ? new Uint8Array(before.chain) : new Uint8Array(32);
    const chains = new Map<number, Buffer>();
    for (const seal of seals) {
      const record = JSON.parse(seal.record) as AuditRecord;
      if (Number(seal.seq) === seq) {
        record.details = { ...record.details, rewritten: true };
        await sql`update audit_event set details = ${JSON.stringify(record.details)}::jsonb
          where id = ${seal.event_id}`.execute(trx);
      }
      const text = recordText(record);
      const leaf = sha256(leafPreimage(text));
      const chain = sha256(linkPreimage(previous, leaf));
      await sql`update audit_seal set record = ${text}, leaf = ${leaf}, chain = ${chain} where seq = ${seal.seq}`.execute(
        trx,
      );
      chains.set(Number(seal.seq), chain);
      previous = chain;
    }
    const checkpoints = await sql<{ seq: string; issued_at: string }>`
      select seq::text, to_char(issued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as issued_at
      from audit_checkpoint where seq >= ${seq}`.execute(trx);
    for (const checkpoint of checkpoints.rows) {
      const head = chains.get(Number(checkpoint.seq)) as Buffer;
      const statement = {
        seq: Number(checkpoint.seq),
        head: toHex(head),
        issuedAt: checkpoint.issued_at,
        keyId: signer.key.keyId,
      };
      const signature = signer.sign(checkpointMessage(statement));
      await sql`update audit_checkpoint set head = ${head}, signature = ${signature}, key_id = ${signer.key.keyId}
        where seq = ${checkpoint.seq}`.execute(trx);
    }
    for (const table of ['audit_event', 'audit_seal', 'audit_checkpoint']) {
      await sql`alter table ${sql.table(table)} enable trigger user`.execute(trx);
    }
  });
}

describe('a history rewritten by the database owner', () => {
  it('verifies on its own, and fails against the checkpoints witnessed before, naming where', async () => {
    await someHistory();
    const early = await published();
    await someHistory();
    const late = await published();
    const from = new Date(Date.now() - 3_600_000).toISOString();
    await someHistory(); // the export's range must reach past the witnessed head

    await rewriteHistoryAsOwner(early.seq + 2);

    const { session } = await t.signedIn(['auditor']);
    await t.seal();
    const to = new Date().toISOString();
    const response = await t.request('GET', `/api/audit/export?scope=period&from=${from}&to=${to}`, { session });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const keys = await (await t.request('GET', '/api/audit/keys')).json();
    const verify = (savedCheckpoints: SignedCheckpoint[] = []) =>
      verifyBundle(blob(bytes), { crypto: nodeCryptoProvider(), trust: { keys }, savedCheckpoints });

    // Pinned to the real key and internally consistent: without a witness the rewrite is invisible.
    expect(await verify()).toMatchObject({ ok: true, trust: 'pinned' });
    expect(await verify([early, late])).toEqual({
      ok: false,
      file: 'events.jsonl',
      seq: late.seq,
      reason: `seq ${late.seq}: the chain differs from the checkpoint witnessed at seq ${late.seq}, so history was rewritten between seq ${early.seq + 1} and seq ${late.seq} (the checkpoint witnessed at seq ${early.seq} still agrees); this bundle does not extend what was witnessed`,
    });
  });
});
