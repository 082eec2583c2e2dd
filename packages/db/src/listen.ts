/**
 * A LISTEN that outlives its connection. The server ending the connection (a restart, a
 * failover) must not end live events for good: the channel is listened to again with backoff,
 * and the subscriber hears that notifications sent meanwhile were missed.
 */
import type pg from 'pg';

export interface ListenHandlers {
  onPayload(payload: string): void;
  /** The connection was lost: until `onResumed`, notifications are not heard. */
  onLost?(): void;
  /** The connection was lost and is back: notifications sent in between never arrived. */
  onResumed?(): void;
}

const FIRST_RETRY_MS = 200;
const MAX_RETRY_MS = 5_000;

/** Listens on `channel`; the first connection must open (its failure is thrown), later ones are retried. */
export async function listenAndReconnect(
  open: () => pg.Client,
  channel: string,
  handlers: ListenHandlers,
  onError: (error: Error) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;

  const attach = async () => {
    const client = open();
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.onPayload(message.payload ?? '');
    });
    client.on('error', (error) => {
      onError(error);
      lost(client);
    });
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`listen ${quoteIdentifier(channel)}`);
    } catch (error) {
      void client.end().catch(() => {});
      throw error;
    }
    current = client;
  };

  const lost = (client: pg.Client) => {
    if (stopped || current !== client) return;
    current = undefined;
    void client.end().catch(() => {});
    handlers.onLost?.();
    reattachLater();
  };

  const reattachLater = () => {
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
    failures += 1;
    retry = setTimeout(async () => {
      try {
        await attach();
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)));
        if (!stopped) reattachLater();
        return;
      }
      failures = 0;
      if (stopped) await current?.end();
      else handlers.onResumed?.();
    }, delay);
  };

  await attach();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await current?.end();
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
