/**
 * Live access events. Actions publish with pg_notify inside their own transaction (so an event
 * exists only if the action committed); each API process LISTENs once and fans events out to
 * its Server-Sent Event streams, so a request filed through one process reaches a supervisor
 * connected to another.
 */
import type { AccessLiveEvent } from '@docket/contracts';
import type { Connection, Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';

export const ACCESS_CHANNEL = 'docket_access';

export type AccessEvent = AccessLiveEvent;

export async function publishAccessEvent(trx: Kysely<Database>, event: AccessEvent): Promise<void> {
  await sql`select pg_notify(${ACCESS_CHANNEL}, ${JSON.stringify(event)})`.execute(trx);
}

/** What an SSE stream hears: events, and word that some may have been missed. */
export interface AccessEventSubscriber {
  onEvent(event: AccessEvent): void;
  /** The LISTEN connection was lost and is back: anything published in between never arrived. */
  onResync(): void;
  /** The process is shutting down: tell the client to reconnect (through the balancer, to another replica) and end. */
  onShutdown(): void;
}

/** One LISTEN per process, started by the first subscriber and re-established by the connection. */
export class AccessEventHub {
  private readonly subscribers = new Set<AccessEventSubscriber>();
  private started: Promise<() => Promise<void>> | undefined;
  private closing = false;

  constructor(private readonly listen: Connection['listen'] | undefined) {}

  /** Opens the LISTEN if it is not open yet; throws (an outage) when the database is unreachable. */
  async start(): Promise<void> {
    if (!this.listen) throw new Error('live events need a database connection that can LISTEN');
    this.started ??= this.listen(ACCESS_CHANNEL, {
      onPayload: (payload) => {
        let event: AccessEvent;
        try {
          event = JSON.parse(payload) as AccessEvent;
        } catch {
          return;
        }
        for (const each of this.subscribers) each.onEvent(event);
      },
      onResumed: () => {
        for (const each of this.subscribers) each.onResync();
      },
    }).catch((error: unknown) => {
      // The database was away for the first subscriber: the next one tries again.
      this.started = undefined;
      throw error;
    });
    await this.started;
  }

  async subscribe(subscriber: AccessEventSubscriber): Promise<() => void> {
    await this.start();
    if (this.closing) {
      subscriber.onShutdown();
      return () => {};
    }
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Tells every open stream to reconnect and ends it; new streams are refused from now on. */
  closeStreams(): void {
    this.closing = true;
    for (const each of this.subscribers) each.onShutdown();
    this.subscribers.clear();
  }

  async stop(): Promise<void> {
    const unlisten = await this.started?.catch(() => undefined);
    this.started = undefined;
    await unlisten?.();
  }
}
