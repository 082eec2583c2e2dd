/**
 * Every operation in the app's own `/openapi.json`, fed generated and hostile input by every
 * kind of caller: never a 5xx, a problem+json body on every 4xx, nothing written on a refusal,
 * and every status it answers is one its OpenAPI entry documents.
 * Seeded and bounded; FUZZ_SEED and FUZZ_RUNS explore further.
 */
import { signRequest } from '@docket/intake-client';
import { can, type Permission, ROLES } from '@docket/permissions';
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestSession, useTestApp } from '../testing/harness';
import { type JsonSchema, type Operation, operations, type RequestInput, requestFor } from '../testing/openapi-inputs';

const t = useTestApp();
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

const CALLERS = ['anonymous', ...ROLES, 'service'] as const;
type Caller = (typeof CALLERS)[number];

// Tables a refusal may legitimately write: its audit event (and the event's commit ticket), a
// failed sign-in's throttle row, and the session's idle deadline touched by any request.
const WRITTEN_BY_REFUSALS = new Set(['audit_event', 'audit_commit', 'sign_in_failure', 'staff_session']);

let document: JsonSchema;
let fingerprintQuery: string;
const sessions = new Map<Caller, TestSession>();
const staff = new Map<Caller, { username: string; password: string }>();
let service: { keyId: string; secret: string };

/** One text digest of every table a refusal must leave untouched. */
async function fingerprint(): Promise<string> {
  const { rows } = await sql.raw<{ digest: string }>(fingerprintQuery).execute(t.db);
  return rows[0]?.digest ?? '';
}

/** Every kind of caller, the ones the route admits three times as often (to get past the gate). */
function callersFor(operation: Operation): fc.Arbitrary<Caller> {
  const admitted = (caller: Caller) =>
    operation.permission === 'public' ||
    (operation.permission === 'service'
      ? caller === 'service'
      : caller !== 'anonymous' &&
        caller !== 'service' &&
        (operation.permission === 'authenticated' || can([caller], operation.permission as Permission)));
  return fc.oneof(...CALLERS.map((caller) => ({ weight: admitted(caller) ? 3 : 1, arbitrary: fc.constant(caller) })));
}

async function send(operation: Operation, caller: Caller, input: RequestInput) {
  const headers: Record<string, string> = {};
  if (input.body !== undefined) headers['content-type'] = 'application/json';
  if (caller === 'service') {
    Object.assign(
      headers,
      signRequest(service.keyId, service.secret, {
        method: operation.method,
        path: input.path,
        timestamp: Math.floor(Date.now() / 1000),
        body: input.body ?? '',
      }),
    );
  }
  const session = sessions.get(caller);
  return t.request(operation.method, input.path, {
    ...(session ? { session } : {}),
    ...(input.body !== undefined ? { rawBody: input.body } : {}),
    headers,
  });
}

beforeAll(async () => {
  document = t.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'fuzz', version: '0' } });
  const { rows: tables } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(t.db);
  fingerprintQuery = `select md5(${tables
    .map(({ table_name }) => table_name)
    .filter((table) => !WRITTEN_BY_REFUSALS.has(table))
    .map((table) => `coalesce((select string_agg(r::text, '|' order by r::text) from "${table}" r), '')`)
    .join(' || ')}) as digest`;
  for (const role of ROLES) {
    const user = await t.staff([role]);
    staff.set(role, user);
    sessions.set(role, await t.signIn(user.username, user.password));
  }
  service = await t.serviceAccount('Fuzzing platform');
});

describe('every route, any input, any caller', () => {
  it('walks a useful number of operations', () => {
    expect(operations(document).length).toBeGreaterThanOrEqual(50);
  });

  it('never answers 5xx, answers every 4xx with problem+json, writes nothing on refusal, documents every status', async () => {
    const undocumented = new Set<string>();
    for (const [index, operation] of operations(document).entries()) {
      const label = `${operation.method} ${operation.path}`;
      await fc.assert(
        fc.asyncProperty(callersFor(operation), requestFor(operation, document), async (caller, input) => {
          const before = await fingerprint();
          const response = await send(operation, caller, input);
          const status = response.status;
          if (!operation.documented.has(status)) undocumented.add(`${label} → ${status}`);
          if (status < 400) {
            await response.body?.cancel(); // a live event stream never ends on its own
            return;
          }
          const text = await response.text();
          expect(status, `${caller} ${input.path}: ${text.slice(0, 300)}`).toBeLessThan(500);
          expect(response.headers.get('content-type'), `${caller} ${input.path}`).toBe('application/problem+json');
          expect(JSON.parse(text)).toMatchObject({ status, requestId: response.headers.get('x-request-id') });
          expect(await fingerprint(), `${caller} ${input.path} wrote on a ${status}`).toBe(before);
          // Sign-out or a changed password ends a session; sign in again for the next run.
          const staffUser = staff.get(caller);
          if (status === 401 && staffUser) sessions.set(caller, await t.signIn(staffUser.username, staffUser.password));
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
    }
    expect([...undocumented]).toEqual([]);
  }, 120_000);
});
