/**
 * One Server-Sent Events stream per tab (`GET /api/access/events`), shared by every screen that
 * listens. The browser reconnects by itself after a dropped connection; when it gives up (an
 * error answer, the server gone), this reopens with backoff. Each (re)connection starts with a
 * `ready` event; listeners hear of reconnections (and of the server's `resync`, sent when it may
 * have lost events) so they can refetch what they may have missed.
 */
import { ACCESS_EVENT_TYPES, type AccessLiveEvent } from '@docket/contracts';

export interface AccessEventListener {
  onEvent?: (event: AccessLiveEvent) => void;
  /** After the stream came back from a drop, or the server said `resync`: events may have been missed. */
  onReconnect?: () => void;
}

const EVENTS_PATH = '/api/access/events';
const MAX_BACKOFF_MS = 30_000;

const listeners = new Set<AccessEventListener>();
let source: EventSource | null = null;
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
let failures = 0;
let connectedBefore = false;

function open(): void {
  reopenTimer = undefined;
  const stream = new EventSource(EVENTS_PATH);
  source = stream;
  stream.addEventListener('ready', () => {
    failures = 0;
    if (connectedBefore) for (const listener of listeners) listener.onReconnect?.();
    connectedBefore = true;
  });
  // The server lost events while the database was away; the stream itself stayed open.
  stream.addEventListener('resync', () => {
    for (const listener of listeners) listener.onReconnect?.();
  });
  for (const type of ACCESS_EVENT_TYPES) {
    stream.addEventListener(type, (message) => {
      let event: AccessLiveEvent;
      try {
        event = JSON.parse((message as MessageEvent<string>).data) as AccessLiveEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener.onEvent?.(event);
    });
  }
  stream.addEventListener('error', () => {
    // CONNECTING: the browser is already retrying. CLOSED: it gave up; try again later ourselves.
    if (stream.readyState !== EventSource.CLOSED || source !== stream) return;
    stream.close();
    source = null;
    failures += 1;
    reopenTimer = setTimeout(open, Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (failures - 1)));
  });
}

function close(): void {
  clearTimeout(reopenTimer);
  reopenTimer = undefined;
  source?.close();
  source = null;
  failures = 0;
  connectedBefore = false;
}

export function subscribeAccessEvents(listener: AccessEventListener): () => void {
  listeners.add(listener);
  if (!source && reopenTimer === undefined) open();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) close();
  };
}
