/**
 * Mixed, realistic traffic through the balancer, every request recorded with the server's
 * request id: signed intake batches (retried with the same external ids until acknowledged),
 * claims, case views, access requests approved by a supervisor, conversation reads, decisions,
 * audit exports, and a supervisor's live-event stream that reconnects like a browser.
 */
import { randomBytes } from 'node:crypto';
import type { IntakeReportInput } from '@docket/contracts';
import type { Database } from '@docket/db';
import { signRequest } from '@docket/intake-client';
import type { Kysely } from 'kysely';
import { hashPassword } from '../src/auth/passwords';

export interface Exchange {
  op: string;
  method: string;
  path: string;
  /** 0: no answer at all (the connection broke). */
  status: number;
  requestId: string | null;
  servedBy: string | null;
  problemType: string | null;
  retryAfter: string | null;
  startedAt: number;
  ms: number;
  /** Why there was no answer (status 0): the fetch error and its cause. */
  error?: string;
}

/** The audit action each acknowledged operation must have recorded exactly once under its request id. */
export const AUDITED: Record<string, string> = {
  intake: 'intake.reports_received',
  view: 'case.opened',
  request_access: 'access.requested',
  approve: 'access.approved',
  read_conversation: 'conversation.read',
  decide: 'decision.recorded',
  export: 'audit.exported',
  sign_in: 'auth.signed_in',
};

export interface Session {
  cookie: string;
  csrf: string;
}

export class Recorder {
  readonly exchanges: Exchange[] = [];
  /** External ids of every intake batch sent, acknowledged or not. */
  readonly intakeSent = new Set<string>();
  readonly intakeAcknowledged = new Set<string>();
  readonly stream = { opened: 0, readyEvents: 0, reconnectEvents: 0, lastReadyAt: 0, servedBy: null as string | null };

  constructor(readonly baseUrl: string) {}

  async call(
    op: string,
    method: string,
    path: string,
    options: { session?: Session; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<{ exchange: Exchange; body: unknown; bytes?: Uint8Array }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.session) {
      headers.cookie = options.session.cookie;
      headers['x-csrf-token'] = options.session.csrf;
    }
    let body = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const startedAt = Date.now();
    const exchange: Exchange = {
      op,
      method,
      path,
      status: 0,
      requestId: null,
      servedBy: null,
      problemType: null,
      retryAfter: null,
      startedAt,
      ms: 0,
    };
    let parsed: unknown = null;
    let bytes: Uint8Array | undefined;
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(30_000),
      });
      exchange.status = response.status;
      exchange.requestId = response.headers.get('x-request-id');
      exchange.servedBy = response.headers.get('x-served-by');
      exchange.retryAfter = response.headers.get('retry-after');
      if (op === 'export' && response.ok) {
        bytes = new Uint8Array(await response.arrayBuffer());
      } else {
        const text = await response.text();
        parsed = text ? safeJson(text) : null;
        if (response.status >= 400) exchange.problemType = (parsed as { type?: string } | null)?.type ?? null;
      }
    } catch (error) {
      exchange.status = 0;
      exchange.error = describeFailure(error);
    }
    exchange.ms = Date.now() - startedAt;
    this.exchanges.push(exchange);
    return bytes ? { exchange, body: parsed, bytes } : { exchange, body: parsed };
  }

  private lastCookie = '';
  /** Sign-in needs the cookie, which `call` does not keep: a plain fetch for it. */
  async signInRaw(username: string, password: string): Promise<Session> {
    const startedAt = Date.now();
    const response = await fetch(`${this.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json()) as { csrfToken: string };
    this.exchanges.push({
      op: 'sign_in',
      method: 'POST',
      path: '/api/auth/sign-in',
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      servedBy: response.headers.get('x-served-by'),
      problemType: null,
      retryAfter: null,
      startedAt,
      ms: Date.now() - startedAt,
    });
    if (response.status !== 200) throw new Error(`${username} could not sign in: ${response.status}`);
    this.lastCookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
    return { cookie: this.lastCookie, csrf: body.csrfToken };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function retrying<T>(what: () => Promise<T>, times = 40): Promise<T> {
  let last: unknown;
  for (let i = 0; i < times; i++) {
    try {
      return await what();
    } catch (error) {
      last = error;
      await sleep(500);
    }
  }
  throw last;
}

export interface Actors {
  reviewers: Session[];
  supervisor: Session;
  auditor: Session;
  platform: { keyId: string; secret: string };
}

/** Staff and a platform: reviewers made in the database (setup, not traffic), the rest through the API. */
export async function prepareActors(recorder: Recorder, db: Kysely<Database>, reviewers: number): Promise<Actors> {
  const password = 'fault-harness reviewer password';
  const hash = await hashPassword(password);
  const suffix = randomBytes(3).toString('hex');
  const names = Array.from({ length: reviewers }, (_, i) => `faults-reviewer-${suffix}-${i}`);
  await db
    .insertInto('staff_user')
    .values(names.map((username) => ({ username, display_name: username, password_hash: hash, roles: ['reviewer'] })))
    .execute();
  const admin = await retrying(() => recorder.signInRaw('admin', 'admin-docket-demo'));
  const created = await recorder.call('create_platform', 'POST', '/api/service-accounts', {
    session: admin,
    body: { name: `Fault harness ${suffix}` },
  });
  if (created.exchange.status !== 201 && created.exchange.status !== 200) {
    throw new Error(`could not create a service account: ${created.exchange.status}`);
  }
  const account = created.body as { keyId: string; secret: string };
  return {
    reviewers: await Promise.all(names.map((name) => retrying(() => recorder.signInRaw(name, password)))),
    supervisor: await retrying(() => recorder.signInRaw('supervisor', 'supervisor-docket-demo')),
    auditor: await retrying(() => recorder.signInRaw('auditor', 'auditor-docket-demo')),
    platform: { keyId: account.keyId, secret: account.secret },
  };
}

let reportCounter = 0;
function report(): IntakeReportInput {
  reportCounter += 1;
  const id = `${process.pid}-${Date.now().toString(36)}-${reportCounter}`;
  return {
    externalId: `faults-${id}`,
    category: 'harassment',
    reporterId: `acct-r-${id}`,
    reportedAccountId: `acct-x-${id}`,
    reporterText: 'They keep messaging me after I asked them to stop.',
    accounts: [
      { id: `acct-r-${id}`, handle: `reporter_${reportCounter}`, ageBand: 'adult' },
      { id: `acct-x-${id}`, handle: `reported_${reportCounter}`, ageBand: 'adult' },
    ],
    conversation: { id: `conv-${id}`, participantIds: [`acct-r-${id}`, `acct-x-${id}`] },
    messages: [
      { id: 'm1', senderId: `acct-r-${id}`, sentAt: '2026-11-01T10:00:00Z', body: 'Please stop messaging me.' },
      {
        id: 'm2',
        senderId: `acct-x-${id}`,
        sentAt: '2026-11-01T10:01:00Z',
        body: 'I will message you whenever I like.',
      },
    ],
    reportedMessageIds: ['m2'],
  };
}

/** A batch sent until acknowledged, always with the same external ids: retries must not duplicate. */
async function intakeBatch(recorder: Recorder, platform: Actors['platform'], size: number, running: () => boolean) {
  const reports = Array.from({ length: size }, report);
  for (const r of reports) recorder.intakeSent.add(r.externalId);
  const path = '/api/intake/reports/batch';
  const body = JSON.stringify({ reports });
  for (let attempt = 0; attempt < 60; attempt++) {
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = signRequest(platform.keyId, platform.secret, { method: 'POST', path, timestamp, body });
    const { exchange } = await recorder.call('intake', 'POST', path, {
      rawBody: body,
      headers: { ...headers, 'content-type': 'application/json' },
    });
    if (exchange.status >= 200 && exchange.status < 300) {
      for (const r of reports) recorder.intakeAcknowledged.add(r.externalId);
      return;
    }
    if (exchange.status !== 0 && exchange.status !== 503 && exchange.status !== 502) return;
    if (!running() && attempt > 20) return;
    await sleep(300);
  }
}

/** One reviewer's day: intake arrives, claim, look, ask to read, get approved, read, decide. */
async function reviewerLoop(recorder: Recorder, actors: Actors, me: Session, running: () => boolean, pace: number) {
  let queues: string[] = [];
  while (running()) {
    await intakeBatch(recorder, actors.platform, 3, running);
    if (queues.length === 0) {
      const { body } = await recorder.call('list_queues', 'GET', '/api/queues', { session: me });
      queues = ((body as { items?: { id: string }[] } | null)?.items ?? []).map((q) => q.id);
    }
    let caseId: string | undefined;
    for (const queue of queues) {
      const { body } = await recorder.call('claim', 'POST', `/api/queues/${queue}/claim-next`, {
        session: me,
        body: {},
      });
      caseId = (body as { case?: { id: string } | null } | null)?.case?.id;
      if (caseId) break;
    }
    if (caseId) {
      await recorder.call('view', 'GET', `/api/cases/${caseId}`, { session: me });
      const asked = await recorder.call('request_access', 'POST', `/api/cases/${caseId}/access-requests`, {
        session: me,
        body: {
          justificationCode: 'USER_REPORT',
          justification: 'The reported messages point at earlier threats that I need to read in context.',
          scope: { kind: 'full_conversation' },
          durationMinutes: 30,
        },
      });
      const requestId = (asked.body as { id?: string } | null)?.id;
      if (requestId) {
        const approved = await recorder.call('approve', 'POST', `/api/access/requests/${requestId}/approve`, {
          session: actors.supervisor,
          body: {},
        });
        if (approved.exchange.status === 200) {
          await recorder.call('read_conversation', 'GET', `/api/cases/${caseId}/conversation`, { session: me });
        }
      }
      await recorder.call('decide', 'POST', `/api/cases/${caseId}/decisions`, {
        session: me,
        body: { action: 'no_violation', policyCode: 'HR-1', rationale: 'Read in context: no rule was broken here.' },
      });
    }
    await sleep(pace);
  }
}

/** A supervisor's console: the live stream through the balancer, reopened like EventSource does. */
async function streamLoop(recorder: Recorder, supervisor: Session, running: () => boolean) {
  while (running()) {
    const controller = new AbortController();
    const stop = setInterval(() => {
      if (!running()) controller.abort();
    }, 200);
    try {
      const response = await fetch(`${recorder.baseUrl}/api/access/events`, {
        headers: { cookie: supervisor.cookie },
        signal: controller.signal,
      });
      if (response.ok && response.body) {
        recorder.stream.opened += 1;
        recorder.stream.servedBy = response.headers.get('x-served-by');
        const decoder = new TextDecoder();
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          const text = decoder.decode(chunk, { stream: true });
          if (text.includes('event: ready')) {
            recorder.stream.readyEvents += 1;
            recorder.stream.lastReadyAt = Date.now();
          }
          if (text.includes('event: reconnect')) recorder.stream.reconnectEvents += 1;
        }
      }
    } catch {
      // Dropped: reconnect, as a browser would.
    } finally {
      clearInterval(stop);
    }
    if (running()) await sleep(500);
  }
}

/** Audit exports of everything so far, now and then. */
async function auditorLoop(recorder: Recorder, auditor: Session, running: () => boolean, everyMs: number) {
  while (running()) {
    await sleep(everyMs);
    if (!running()) return;
    await exportAll(recorder, auditor);
  }
}

export async function exportAll(recorder: Recorder, auditor: Session) {
  const to = new Date(Date.now() + 60_000).toISOString();
  return recorder.call('export', 'GET', `/api/audit/export?scope=period&from=2000-01-01T00:00:00Z&to=${to}`, {
    session: auditor,
  });
}

export interface Traffic {
  recorder: Recorder;
  stop(): Promise<void>;
}

export function startTraffic(
  recorder: Recorder,
  actors: Actors,
  options: { paceMs?: number; exportEveryMs?: number } = {},
): Traffic {
  let on = true;
  const running = () => on;
  const loops = [
    ...actors.reviewers.map((me) => reviewerLoop(recorder, actors, me, running, options.paceMs ?? 200)),
    streamLoop(recorder, actors.supervisor, running),
    auditorLoop(recorder, actors.auditor, running, options.exportEveryMs ?? 20_000),
  ];
  return {
    recorder,
    async stop() {
      on = false;
      await Promise.all(loops);
    },
  };
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause =
    error.cause instanceof Error ? `: ${(error.cause as Error & { code?: string }).code ?? error.cause.message}` : '';
  return `${error.name}${cause}`;
}
