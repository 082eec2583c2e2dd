/**
 * Live updates across API processes: two app instances, each with its own connections and its
 * own LISTEN, share only the database — as two processes behind a load balancer do.
 */
import { type Connection, connect } from '@docket/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type App, createApp } from '../app';
import { casesVia } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';
import { publishAccessEvent } from './live';
import { fileRequest, heldCase, sweepDeadlines } from './test-helpers';

const t = useTestApp();
let second: { app: App; connection: Connection };

beforeAll(async () => {
  const connection = await connect({ databaseUrl: t.url, poolSize: 4 });
  second = { connection, app: createApp({ ...t.deps, db: connection.db, listen: connection.listen }) };
});
afterAll(async () => {
  await second.connection.close();
});

/** Opens an SSE stream and resolves with the first event of `type` (after the stream is ready). */
async function openStream(app: App, session: TestSession) {
  const response = await app.request('/api/access/events', { headers: { cookie: session.cookie } });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const next = async (type: string, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!text.includes(`event: ${type}\n`)) {
      if (Date.now() > deadline) throw new Error(`no ${type} event; got:\n${text}`);
      const chunk = await Promise.race([
        reader.read(),
        new Promise<{ done: true; value: undefined }>((resolve) =>
          setTimeout(() => resolve({ done: true, value: undefined }), 500),
        ),
      ]);
      if (chunk.value) text += decoder.decode(chunk.value, { stream: true });
    }
    const block = text.slice(text.indexOf(`event: ${type}\n`));
    text = text.slice(text.indexOf(`event: ${type}\n`) + type.length + 8);
    return JSON.parse(/data: (.*)\n/.exec(block)?.[1] ?? '{}');
  };
  await next('ready');
  return { next, close: () => reader.cancel() };
}

it('delivers a request filed through one process to a supervisor connected to another, and the outcome back', async () => {
  const platform = await t.serviceAccount();
  const reviewer = await t.signedIn(['reviewer']);
  const supervisor = await t.signedIn(['supervisor']);
  const [caseId] = await casesVia(t, platform, [aReport({ category: 'hate' })]);
  await t.db
    .updateTable('case')
    .set({ status: 'decided' })
    .where('id', '!=', caseId as string)
    .where('status', '=', 'open')
    .execute();
  await t.request('POST', '/api/queues/harassment_hate/claim-next', { session: reviewer.session, body: {} });

  const supervisorStream = await openStream(second.app, supervisor.session);
  const reviewerStream = await openStream(t.app, reviewer.session);
  const bystander = await t.signedIn(['reviewer']);
  const bystanderStream = await openStream(t.app, bystander.session);

  const filed = await (
    await t.request('POST', `/api/cases/${caseId}/access-requests`, {
      session: reviewer.session,
      body: {
        justificationCode: 'USER_REPORT',
        justification: 'The reported messages refer to earlier ones I need to read in context.',
        scope: { kind: 'full_conversation' },
        durationMinutes: 15,
      },
    })
  ).json();
  expect(await supervisorStream.next('access.requested')).toMatchObject({ requestId: filed.id, caseId });

  const approve = await second.app.request(`/api/access/requests/${filed.id}/approve`, {
    method: 'POST',
    headers: {
      cookie: supervisor.session.cookie,
      'x-csrf-token': supervisor.session.csrfToken,
      'content-type': 'application/json',
    },
    body: '{}',
  });
  expect(approve.status).toBe(200);
  expect(await reviewerStream.next('access.approved')).toMatchObject({ requestId: filed.id, staffId: reviewer.id });
  // Supervisors follow every decision (their inbox drops it); other reviewers hear nothing of it.
  expect(await supervisorStream.next('access.approved')).toMatchObject({ requestId: filed.id });
  await expect(bystanderStream.next('access.approved', 1_000)).rejects.toThrow(/no access.approved event/);
  await bystanderStream.close();

  await supervisorStream.close();
  await reviewerStream.close();
});

it('tells the requester live when the sweep expires their pending request, whichever process sweeps', async () => {
  const platform = await t.serviceAccount();
  const reviewer = await t.signedIn(['reviewer']);
  const caseId = await heldCase(t, platform, reviewer.session);
  const filed = await (await fileRequest(t, reviewer.session, caseId)).json();
  const reviewerStream = await openStream(t.app, reviewer.session);
  await t.db.updateTable('access_request').set({ pending_until: sql`now()` }).where('id', '=', filed.id).execute();
  // The other process's job runner sweeps; the stream is served by this one.
  await sweepDeadlines(second.connection.db);
  expect(await reviewerStream.next('access.expired')).toMatchObject({ requestId: filed.id, staffId: reviewer.id });
  await reviewerStream.close();
});

it('tells open streams to resynchronise when the LISTEN connection is lost, then delivers events again', async () => {
  const supervisor = await t.signedIn(['supervisor']);
  const streams = [await openStream(t.app, supervisor.session), await openStream(second.app, supervisor.session)];
  // What a database restart does to the LISTEN connections of both processes.
  await sql`select pg_terminate_backend(pid) from pg_stat_activity
            where application_name = 'docket-listen' and datname = current_database()`.execute(t.db);
  for (const stream of streams) await stream.next('resync');

  await publishAccessEvent(t.db, { type: 'access.requested', caseId: 'after-the-gap', staffId: supervisor.id });
  for (const stream of streams)
    expect(await stream.next('access.requested')).toMatchObject({ caseId: 'after-the-gap' });
  for (const stream of streams) await stream.close();
});
