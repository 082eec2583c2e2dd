/**
 * Live access events. Actions publish with pg_notify inside their own transaction (so an event
 * exists only if the action committed); each API process LISTENs once and fans events out to
 * its Server-Sent Event streams, so a request filed through one process reaches a supervisor
 * connected to another.
 */
import type { AccessLiveEvent } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';

export const ACCESS_CHANNEL = 'docket_access';

export type AccessEvent = AccessLiveEvent;

export async function publishAccessEvent(trx: Kysely<Database>, event: AccessEvent): Promise<void> {
  await sql`select pg_notify(${ACCESS_CHANNEL}, ${JSON.stringify(event)})`.execute(trx);
}

type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

/** One LISTEN per process, started by the first subscriber. */
export class AccessEventHub {
  private readonly listeners = new Set<(event: AccessEvent) => void>();
  private started: Promise<() => Promise<void>> | undefined;

  constructor(private readonly listen: Listen | undefined) {}

  async subscribe(listener: (event: AccessEvent) => void): Promise<() => void> {
    if (!this.listen) throw new Error('live events need a database connection that can LISTEN');
    this.listeners.add(listener);
    this.started ??= this.listen(ACCESS_CHANNEL, (payload) => {
      let event: AccessEvent;
      try {
        event = JSON.parse(payload) as AccessEvent;
      } catch {
        return;
      }
      for (const each of this.listeners) each(event);
    });
    await this.started;
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    const unlisten = await this.started;
    this.started = undefined;
    await unlisten?.();
  }
}
