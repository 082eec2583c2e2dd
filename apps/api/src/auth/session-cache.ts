/**
 * Sessions kept per process, so a request costs no session query (ADR 047). Whatever ends or
 * changes a session — sign-out, disable, a role or name change, any delete or update of the rows,
 * by any process or by hand — is announced by database triggers on `docket_sessions` when it
 * commits, and every process drops what it holds. The cache fails closed: while its LISTEN is not
 * up (not yet started, lost, reconnecting) every request asks the database, and an entry is kept
 * at most `maxAgeMs`, then asked again (which also keeps the idle deadline moving).
 *
 * A notification reaches this process a moment after the change commits, so a request that
 * arrives right after a sign-out elsewhere could beat it. Before answering from memory, a request
 * therefore waits for a *barrier*: a notification of this process's own, sent after the request
 * arrived. PostgreSQL delivers a channel's notifications in commit order, so once the barrier is
 * heard, so is every change committed before the request came in. One barrier serves every request
 * that arrived before it was sent, so under load it costs a fraction of a query per request.
 */

import { randomBytes } from 'node:crypto';
import type { Connection, Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { Config } from '../config';
import type { Session } from '../context';
import { findLiveSession, hashToken } from './sessions';

export const SESSION_CHANNEL = 'docket_sessions';
const MAX_ENTRIES = 10_000;
/** A barrier not heard within this long means the LISTEN is in trouble: ask the database. */
const BARRIER_TIMEOUT_MS = 1000;

interface Entry {
  session: Session;
  /** Local clock: until when the entry may answer without asking the database. */
  freshUntil: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped on every invalidation: a lookup that raced one does not store what it read. */
  private generation = 0;
  private listening = false;
  private started: Promise<unknown> | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  /** Barriers: this process's tag, the last one sent and heard, and who waits for which. */
  private readonly tag = randomBytes(6).toString('hex');
  private barrierSent = 0;
  private barrierHeard = 0;
  private barrierInFlight = false;
  private readonly waiters: { barrier: number; resolve: (heard: boolean) => void }[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly listen: Connection['listen'] | undefined,
    private readonly maxAgeMs: number,
  ) {
    // From the start, so the first requests already find it listening.
    if (maxAgeMs > 0) this.start();
  }

  /** The live session for a cookie token; from memory when it is known to be current. */
  async find(token: string, config: Config['session']): Promise<Session | null> {
    const { db } = this;
    if (this.maxAgeMs <= 0 || !this.listen) return findLiveSession(db, token, config);
    this.start();
    const key = hashToken(token).toString('hex');
    const cached = this.entries.get(key);
    if (cached && this.listening && Date.now() < cached.freshUntil) {
      // Still there once every change committed before this request has been heard: current.
      if ((await this.barrier()) && this.entries.get(key) === cached) return cached.session;
    }

    const generation = this.generation;
    const session = await findLiveSession(db, token, config);
    if (session && this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      // Never past the session's own deadlines (judged again by the database once it is stale).
      const lifetime = Math.min(session.idleExpiresAt.getTime(), session.absoluteExpiresAt.getTime()) - Date.now();
      this.entries.set(key, { session, freshUntil: Date.now() + Math.min(this.maxAgeMs, lifetime - 1000) });
    } else {
      this.entries.delete(key);
    }
    return session;
  }

  private start() {
    if (this.started || !this.listen) return;
    this.started = this.listen(SESSION_CHANNEL, {
      onPayload: (payload) => (payload.startsWith('b:') ? this.heard(payload) : this.invalidate(payload)),
      onLost: () => {
        this.listening = false;
        this.invalidate('');
        this.releaseWaiters(false);
      },
      onResumed: () => {
        this.invalidate('');
        this.listening = true;
      },
    }).then(
      (unlisten) => {
        this.unlisten = unlisten;
        this.listening = true;
      },
      () => {
        // The database was away: the next request tries again, and asks the database meanwhile.
        this.started = undefined;
      },
    );
  }

  /** Resolves true once a barrier sent after this call has come back through the LISTEN. */
  private barrier(): Promise<boolean> {
    return new Promise((resolve) => {
      // A barrier already on its way may have been sent before this request arrived: wait for the next.
      this.waiters.push({ barrier: this.barrierSent + 1, resolve });
      if (!this.barrierInFlight) this.sendBarrier();
    });
  }

  private sendBarrier() {
    this.barrierInFlight = true;
    const barrier = ++this.barrierSent;
    // Only an ordering mark: its commit need not wait for the disk.
    sql`select set_config('synchronous_commit', 'off', true), pg_notify(${SESSION_CHANNEL}, ${`b:${this.tag}:${barrier}`})`
      .execute(this.db)
      .catch(() => this.releaseWaiters(false));
    setTimeout(() => {
      if (this.barrierHeard < barrier) this.releaseWaiters(false);
    }, BARRIER_TIMEOUT_MS).unref();
  }

  private heard(payload: string) {
    const [, tag, number] = payload.split(':');
    if (tag !== this.tag) return;
    this.barrierHeard = Math.max(this.barrierHeard, Number(number));
    this.barrierInFlight = false;
    const waiting = this.waiters.splice(0);
    for (const waiter of waiting) {
      if (waiter.barrier <= this.barrierHeard) waiter.resolve(true);
      else this.waiters.push(waiter);
    }
    if (this.waiters.length > 0) this.sendBarrier();
  }

  /** Everyone waiting asks the database instead. */
  private releaseWaiters(heard: boolean) {
    this.barrierInFlight = false;
    for (const waiter of this.waiters.splice(0)) waiter.resolve(heard);
  }

  /** `s:<token hash hex>` ends one session, `u:<user id>` every session of a user, '' all of them. */
  private invalidate(payload: string) {
    this.generation++;
    if (payload.startsWith('s:')) {
      this.entries.delete(payload.slice(2));
    } else if (payload.startsWith('u:')) {
      const userId = payload.slice(2);
      for (const [key, entry] of this.entries) if (entry.session.user.id === userId) this.entries.delete(key);
    } else {
      this.entries.clear();
    }
  }

  async stop(): Promise<void> {
    this.listening = false;
    this.entries.clear();
    await this.started;
    await this.unlisten?.();
  }
}
