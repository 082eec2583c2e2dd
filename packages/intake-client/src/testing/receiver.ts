/**
 * A platform's receiving end for tests: a real local HTTP server that verifies every delivery
 * with the stock `standardwebhooks` library (not Docket's code) and records what it saw.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  type: string;
  subject: string | null;
  data: Record<string, unknown>;
  body: string;
  at: number;
  /** What the receiver answered. */
  status: number;
}

export interface TestReceiver {
  url: string;
  /** Every request that verified, in arrival order (with what was answered). */
  received: Received[];
  /** Requests whose signature, timestamp or body did not verify. */
  refused: number;
  /** The secret to verify with (set after the endpoint is created). */
  secret: string;
  /** Decides the status for each verified request; 200 by default. */
  respond: (event: Received, received: Received[]) => number | Promise<number>;
  close(): Promise<void>;
}

function signedHeaders(headers: IncomingHttpHeaders) {
  const one = (name: string) => String(headers[name] ?? '');
  return {
    'webhook-id': one('webhook-id'),
    'webhook-timestamp': one('webhook-timestamp'),
    'webhook-signature': one('webhook-signature'),
  };
}

export async function startTestReceiver(): Promise<TestReceiver> {
  const receiver: TestReceiver = {
    url: '',
    received: [],
    refused: 0,
    secret: '',
    respond: () => 200,
    close: async () => {},
  };
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = signedHeaders(request.headers);
    let payload: { type: string; data: Record<string, unknown> & { subject?: string } };
    try {
      payload = new Webhook(receiver.secret).verify(body, headers) as typeof payload;
    } catch {
      receiver.refused += 1;
      response.writeHead(401).end();
      return;
    }
    const event: Received = {
      id: headers['webhook-id'],
      type: payload.type,
      subject: typeof payload.data.subject === 'string' ? payload.data.subject : null,
      data: payload.data,
      body,
      at: Date.now(),
      status: 0,
    };
    event.status = await receiver.respond(event, receiver.received);
    receiver.received.push(event);
    response.writeHead(event.status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
