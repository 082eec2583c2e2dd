/**
 * One POST to a receiver over keep-alive connections, with a deadline. Node's `http` rather than
 * `fetch`: a delivery needs only the status line, and `fetch` builds streams, headers objects and
 * abort signals per request that a backlog drained at speed turns into most of the worker's
 * garbage (ADR 040).
 */
import http from 'node:http';
import https from 'node:https';

// At most this many open connections per receiver and process: a slow receiver queues
// deliveries here rather than opening a socket for each.
const MAX_SOCKETS = 64;
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS, maxFreeSockets: 16 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS, maxFreeSockets: 16 }),
};

export class PostTimeout extends Error {
  readonly code = 'timed out';
}

/** Resolves with the receiver's status code; the body is never read. Rejects on no answer. */
export function postJson(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const agent = agents[target.protocol as keyof typeof agents];
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        clearTimeout(timer);
        // Drained, not kept: only the status says how it went.
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    // The deadline covers waiting for a connection too, as a receiver sees it.
    const timer = setTimeout(() => request.destroy(new PostTimeout('timed out')), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}
