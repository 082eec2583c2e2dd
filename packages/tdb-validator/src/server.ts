/**
 * A local stand-in for the Transparency Database's statement API, for tests and demos: it takes
 * `POST /api/v1/statements` (1–100 statements) and `POST /api/v1/statement` with a bearer token,
 * applies the database's rules (`validate.ts`), keeps puids unique per platform, and answers as
 * the database does — 201 with the stored statements, 422 with the validator's errors, 401.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateBatch, validateStatement } from './validate';

export interface TdbTestServer {
  /** The base URL, e.g. http://127.0.0.1:41234; the multi endpoint is `${url}/api/v1/statements`. */
  url: string;
  /** Statements stored so far, by puid. */
  stored: Map<string, Record<string, unknown>>;
  /** Every call received: its path and how many statements it carried. */
  calls: { path: string; statements: number; status: number }[];
  /** The next calls answer with these statuses instead (a 503, a 429), without storing anything. */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startTdbTestServer(options: { token: string; port?: number }): Promise<TdbTestServer> {
  const stored = new Map<string, Record<string, unknown>>();
  const calls: TdbTestServer['calls'] = [];
  const failures: number[] = [];

  function store(statements: Record<string, unknown>[]) {
    const now = new Date().toISOString();
    return statements.map((statement) => {
      const saved = { ...statement, uuid: randomUUID(), created_at: now };
      stored.set(String(statement.puid), saved);
      return saved;
    });
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    call: TdbTestServer['calls'][number],
  ): Promise<number> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      send(res, 401, { message: 'Unauthenticated.' });
      return 401;
    }
    const failure = failures.shift();
    if (failure) {
      send(res, failure, { message: 'Service unavailable, try again later.' });
      return failure;
    }
    if (req.method !== 'POST' || (path !== '/api/v1/statements' && path !== '/api/v1/statement')) {
      send(res, 404, { message: 'Not found.' });
      return 404;
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch {
      send(res, 400, { message: 'The body is not JSON.' });
      return 400;
    }
    if (path === '/api/v1/statement') {
      const errors = validateStatement(body);
      if (Object.keys(errors).length > 0) {
        send(res, 422, { message: Object.values(errors)[0]?.[0], errors });
        return 422;
      }
      const puid = String((body as Record<string, unknown>).puid);
      if (stored.has(puid)) {
        const message = 'The identifier given is not unique within this platform.';
        send(res, 422, { message, errors: { puid: [message] }, existing: { puid } });
        return 422;
      }
      send(res, 201, store([body as Record<string, unknown>])[0]);
      return 201;
    }
    const verdict = validateBatch(body);
    call.statements = Array.isArray((body as { statements?: unknown })?.statements)
      ? (body as { statements: unknown[] }).statements.length
      : 0;
    if (!verdict.ok) {
      send(res, verdict.status, verdict.body);
      return verdict.status;
    }
    // Then puids: unique within the call and within the platform, or nothing is stored.
    const puids = verdict.statements.map((statement) => String(statement.puid));
    const repeated = puids.filter((puid, index) => puids.indexOf(puid) !== index);
    const duplicates = repeated.length > 0 ? [...new Set(repeated)] : puids.filter((puid) => stored.has(puid));
    if (duplicates.length > 0) {
      const message = 'The platform identifier(s) are not all unique within this call.';
      send(res, 422, { message, errors: { puid: [message], existing_puids: duplicates } });
      return 422;
    }
    send(res, 201, { statements: store(verdict.statements) });
    return 201;
  }

  const server = createServer((req, res) => {
    const call = { path: req.url ?? '', statements: 0, status: 0 };
    calls.push(call);
    handle(req, res, call).then(
      (status) => {
        call.status = status;
      },
      () => {
        call.status = 500;
        send(res, 500, { message: 'Server Error' });
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stored,
    calls,
    failNext: (...statuses) => failures.push(...statuses),
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
