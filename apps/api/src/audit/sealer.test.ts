/**
 * Sealing under concurrency: many writers committing out of id order, rolling back, failing at
 * commit, one transaction held open — while two sealers on their own pools run round after round.
 */
import { type Connection, connect } from '@docket/db';
import { withAdminClient } from '@docket/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { type SealRound, sealPendingEvents } from './sealer';
import { verifyStoredChain } from './verify';

const t = useTestApp();
let writers: Connection;
let sealerPools: [Connection, Connection];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  writers = await connect({ databaseUrl: t.url, poolSize: 22 });
  sealerPools = [
    await connect({ databaseUrl: t.url, poolSize: 3 }),
    await connect({ databaseUrl: t.url, poolSize: 3 }),
  ];
  // A constraint that fails at COMMIT, after the audit trigger has taken the transaction's ticket.
  await sql`create table fails_at_commit (x int)`.execute(t.db);
  await sql`create function fail_at_commit() returns trigger language plpgsql as $$
    begin raise exception 'failing at commit on purpose'; end $$`.execute(t.db);
  await sql`create constraint trigger fail_at_commit after insert on fails_at_commit
    deferrable initially deferred for each row execute function fail_at_commit()`.execute(t.db);
});
afterAll(async () => {
  await writers?.close();
  await Promise.all(sealerPools?.map((pool) => pool.close()) ?? []);
});

interface Committed {
  ids: string[];
  /** performance.now() just before COMMIT was sent, and when it returned. */
  commitSent: number;
  commitReturned: number;
}

/** Opens a transaction on the writers' pool and inserts `count` events in it. */
async function openWithEvents(count: number, label: string) {
  const trx = await writers.db.startTransaction().execute();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await trx
      .insertInto('audit_event')
      .values({
        actor_type: 'system',
        action: 'test.concurrent',
        outcome: 'success',
        details: JSON.stringify({ label, i }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return { trx, ids };
}

async function sealed() {
  const { rows } = await sql<{ seq: string; event_id: string }>`
    select s.seq::text, s.event_id::text from audit_seal s order by s.seq`.execute(t.db);
  return rows.map((row) => ({ seq: Number(row.seq), eventId: row.event_id }));
}

async function sealUntilIdle(pool: Connection) {
  for (;;) {
    const round = await sealPendingEvents(pool.db, t.signingKeys.current(), { settleTimeoutMs: 5000 });
    if (round.outcome === 'idle') return;
  }
}

describe('sealing while many writers commit', () => {
  it('seals exactly the committed events, gap-free, each transaction contiguous, in commit order', async () => {
    const committed: Committed[] = [];
    const rolledBack: string[] = [];
    /** Events whose transaction has not yet sent COMMIT or ROLLBACK: never sealable. */
    const unsent = new Set<string>();
    const violations: string[] = [];
    const outcomes = new Map<SealRound['outcome'], number>();
    let writing = true;

    const finish = async (trx: Awaited<ReturnType<typeof openWithEvents>>, how: 'commit' | 'rollback' | 'fail') => {
      for (const id of trx.ids) unsent.delete(id);
      if (how === 'rollback') {
        await trx.trx.rollback().execute();
        rolledBack.push(...trx.ids);
      } else if (how === 'fail') {
        await sql`insert into fails_at_commit values (1)`.execute(trx.trx);
        await expect(trx.trx.commit().execute()).rejects.toThrow(/failing at commit/);
        await trx.trx.rollback().execute(); // the server ended it; this hands the connection back
        rolledBack.push(...trx.ids);
      } else {
        const commitSent = performance.now();
        await trx.trx.commit().execute();
        committed.push({ ids: trx.ids, commitSent, commitReturned: performance.now() });
      }
    };

    const track = (trx: Awaited<ReturnType<typeof openWithEvents>>) => {
      for (const id of trx.ids) unsent.add(id);
      return trx;
    };

    // Two sealers on their own pools, round after round, checking that nothing unsent got sealed.
    const sealers = sealerPools.map(async (pool) => {
      while (writing) {
        const round = await sealPendingEvents(pool.db, t.signingKeys.current(), {
          settleTimeoutMs: 200,
          batchSize: 50,
        });
        outcomes.set(round.outcome, (outcomes.get(round.outcome) ?? 0) + 1);
        if (round.outcome === 'sealed') {
          const { rows } = await sql<{ event_id: string }>`
            select s.event_id::text from audit_seal s where s.seq > ${round.through - round.sealed} and s.seq <= ${round.through}`.execute(
            t.db,
          );
          for (const row of rows) if (unsent.has(row.event_id)) violations.push(row.event_id);
        }
        await sleep(3);
      }
    });

    // One transaction takes low ids first and stays open while half of everything below commits
    // (and at least 600 ms): the rounds meanwhile wait on it, the rest seal around the writers.
    const held = track(await openWithEvents(2, 'held'));
    const releaseHeld = (async () => {
      await sleep(600);
      while (committed.length < 400) await sleep(10);
      await finish(held, 'commit');
    })();

    const workers = Array.from({ length: 20 }, async (_, worker) => {
      for (let n = 0; n < 50; n++) {
        const trx = track(await openWithEvents(1 + ((worker + n) % 3), `w${worker}-${n}`));
        // Out of id order: some wait before committing while later transactions commit first.
        if ((worker * 7 + n) % 4 === 0) await sleep(((worker + n) % 5) * 4);
        await finish(trx, n % 10 === 3 ? 'rollback' : n % 17 === 5 ? 'fail' : 'commit');
      }
    });
    await Promise.all([...workers, releaseHeld]);
    writing = false;
    await Promise.all(sealers);
    await sealUntilIdle(sealerPools[0]);

    const seals = await sealed();
    const seqOf = new Map(seals.map((row) => [row.eventId, row.seq]));
    const committedIds = committed.flatMap((trx) => trx.ids);

    expect(violations).toEqual([]);
    // Gap-free and duplicate-free: exactly 1..N.
    expect(seals.map((row) => row.seq)).toEqual(seals.map((_, i) => i + 1));
    expect(new Set(seals.map((row) => row.eventId)).size).toBe(seals.length);
    // Exactly the committed events: none rolled back, none failed at commit, none missing.
    expect(seals.length).toBe(committedIds.length);
    expect(new Set(committedIds)).toEqual(new Set(seqOf.keys()));
    for (const id of rolledBack) expect(seqOf.has(id)).toBe(false);

    // Each transaction's events are contiguous, in id order.
    for (const trx of committed) {
      const seqs = trx.ids.map((id) => seqOf.get(id) as number);
      expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] as number) + i));
    }
    // Whenever one COMMIT returned before another was sent, the first one's events come first.
    const byReturn = [...committed].sort((a, b) => a.commitReturned - b.commitReturned);
    const bySent = [...committed].sort((a, b) => a.commitSent - b.commitSent);
    let done = 0;
    let highestSeqDone = 0;
    for (const trx of bySent) {
      while (done < byReturn.length && (byReturn[done] as Committed).commitReturned < trx.commitSent) {
        const earlier = byReturn[done] as Committed;
        highestSeqDone = Math.max(highestSeqDone, ...earlier.ids.map((id) => seqOf.get(id) as number));
        done++;
      }
      expect(Math.min(...trx.ids.map((id) => seqOf.get(id) as number))).toBeGreaterThan(highestSeqDone);
    }
    // The held transaction took the lowest ids, yet events with higher ids that committed while
    // it stayed open come first: commit order, not id order.
    const heldFirstSeq = Math.min(...held.ids.map((id) => seqOf.get(id) as number));
    const overtaken = committedIds.filter(
      (id) => BigInt(id) > BigInt(held.ids[1] as string) && (seqOf.get(id) as number) < heldFirstSeq,
    );
    expect(overtaken.length).toBeGreaterThan(0);

    // The held transaction stalled some rounds; rounds carried on around it.
    expect(outcomes.get('unsettled')).toBeGreaterThan(0);
    expect(outcomes.get('sealed')).toBeGreaterThan(1);
    expect((await verifyStoredChain(t.db)).problem).toBeNull();
  }, 120_000);
});

describe('sealers racing', () => {
  const lockHolder = async (run: () => Promise<void>) => {
    const holder = await connect({ databaseUrl: t.url, poolSize: 1 });
    try {
      await sql`select pg_advisory_lock(hashtext('docket.audit_sealer'))`.execute(holder.db);
      await run();
      // Released here, not by closing: a closed session's locks go only when its backend exits.
      await sql`select pg_advisory_unlock(hashtext('docket.audit_sealer'))`.execute(holder.db);
    } finally {
      await holder.close();
    }
  };

  it('skips a round while another process holds the sealer lock', async () => {
    const trx = await openWithEvents(1, 'while-locked');
    await trx.trx.commit().execute();
    await lockHolder(async () => {
      expect(await sealPendingEvents(t.db, t.signingKeys.current())).toEqual({ outcome: 'busy' });
    });
    expect(await sealPendingEvents(t.db, t.signingKeys.current())).toMatchObject({ outcome: 'sealed', sealed: 1 });
  });

  it('never seals an event twice when two processes run rounds at once', async () => {
    const before = (await sealed()).length;
    for (let n = 0; n < 100; n++) {
      const trx = await openWithEvents(1 + (n % 3), `race-${n}`);
      await trx.trx.commit().execute();
    }
    const expected = Array.from({ length: 100 }, (_, n) => 1 + (n % 3)).reduce((sum, n) => sum + n, 0);
    const rounds = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        sealPendingEvents((sealerPools[i % 2] as Connection).db, t.signingKeys.current()),
      ),
    );
    const sealedNow = rounds.reduce((sum, round) => sum + (round.outcome === 'sealed' ? round.sealed : 0), 0);
    expect(sealedNow).toBe(expected);
    const seals = await sealed();
    expect(seals.length).toBe(before + expected);
    expect(seals.map((row) => row.seq)).toEqual(seals.map((_, i) => i + 1));
    expect((await verifyStoredChain(t.db)).problem).toBeNull();
  });

  it('waits for a transaction open when the round began, then seals it in its commit position', async () => {
    const open = await openWithEvents(1, 'open-early');
    const later = await openWithEvents(1, 'committed-first');
    await later.trx.commit().execute();
    const stalled = await sealPendingEvents(t.db, t.signingKeys.current(), { settleTimeoutMs: 100 });
    expect(stalled).toMatchObject({ outcome: 'unsettled', waitingOn: [expect.stringMatching(/^\d+\/\d+$/)] });

    const round = sealPendingEvents(t.db, t.signingKeys.current(), { settleTimeoutMs: 5000 });
    await sleep(100);
    await open.trx.commit().execute();
    expect(await round).toMatchObject({ outcome: 'sealed' });
    await sealUntilIdle(sealerPools[0]);
    const seqOf = new Map((await sealed()).map((row) => [row.eventId, row.seq]));
    expect(seqOf.get(later.ids[0] as string)).toBeLessThan(seqOf.get(open.ids[0] as string) as number);
  });

  it('is not held up by transactions that write no audit event, here or in another database', async () => {
    await sql`create table unrelated_work (x int)`.execute(t.db);
    const unrelated = await writers.db.startTransaction().execute();
    await sql`insert into unrelated_work values (1)`.execute(unrelated);
    await withAdminClient(inject('testDatabaseAdminUrl'), async (elsewhere) => {
      await elsewhere.query('begin');
      await elsewhere.query('create temp table other_database_work (x int)'); // takes an xid there
      try {
        const event = await openWithEvents(1, 'beside-unrelated');
        await event.trx.commit().execute();
        expect(await sealPendingEvents(t.db, t.signingKeys.current(), { settleTimeoutMs: 200 })).toMatchObject({
          outcome: 'sealed',
          sealed: 1,
        });
      } finally {
        await elsewhere.query('rollback');
        await unrelated.rollback().execute();
      }
    });
  });
});
