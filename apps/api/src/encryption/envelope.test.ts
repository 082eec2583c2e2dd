import { Hono } from 'hono';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessEventHub } from '../access/live';
import { SYSTEM_ACTOR } from '../audit/record';
import { SessionCache } from '../auth/session-cache';
import type { AppEnv } from '../context';
import { onError } from '../http/errors';
import { noOperations } from '../ops/health';
import { createMetrics } from '../ops/metrics';
import { createQueueSummaryCache } from '../queues/summary-cache';
import { useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';
import { ContentUnavailableError, readMessages, readReporterTexts } from './content';
import { keysWrappedBy, rewrapAll } from './rotation';

const t = useTestApp();
const system = { actor: SYSTEM_ACTOR, requestId: null, ip: null, userAgent: null };
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

async function ingest(conversationId: string) {
  const report = aReport({ conversationId });
  const result = await (await t.signedPost('/api/intake/reports', report, platform)).json();
  return { report, reportId: result.reportId as string };
}

describe('reading stored content', () => {
  it('decrypts what intake stored', async () => {
    const { report, reportId } = await ingest('conv-roundtrip');
    const messages = await readMessages(t.db, t.keyring, 'conv-roundtrip', ['m1', 'm2', 'm3']);
    expect(messages.map((m) => m.body)).toEqual(report.messages.map((m) => m.body));
    expect((await readReporterTexts(t.db, t.keyring, 'conv-roundtrip', [reportId])).get(reportId)).toEqual({
      text: report.reporterText,
      destroyedAt: null,
    });
  });

  // One data key per conversation: a repeated GCM nonce under it would leak the XOR of two bodies.
  it('never uses a nonce twice in a conversation, across messages, reporter texts and intakes', async () => {
    const conversationId = 'conv-nonces';
    const snapshot = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        id: `m${i + 1}`,
        senderId: 'acct-reported',
        sentAt: new Date(Date.UTC(2026, 10, 1, 10, i)).toISOString(),
        body: 'The same words, again and again.',
      }));
    const first = aReport({ conversationId, messages: snapshot(40), reportedMessageIds: ['m1'] });
    const second = aReport({ conversationId, messages: snapshot(40), reportedMessageIds: ['m2'] });
    await t.signedPost('/api/intake/reports/batch', { reports: [first, second] }, platform);
    await ingest(conversationId); // a later intake into the same conversation

    const messages = await t.db
      .selectFrom('message')
      .select('body_nonce as nonce')
      .where('conversation_id', '=', conversationId)
      .execute();
    const reports = await t.db
      .selectFrom('report')
      .select('reporter_text_nonce as nonce')
      .where('conversation_id', '=', conversationId)
      .execute();
    const nonces = [...messages, ...reports].map((row) => row.nonce?.toString('hex'));
    expect(nonces).toHaveLength(40 + 3);
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it('refuses a tampered ciphertext with a clear error and no content', async () => {
    await ingest('conv-tampered');
    await sql`update message set body_ciphertext = set_byte(body_ciphertext, 0, get_byte(body_ciphertext, 0) # 1)
              where conversation_id = 'conv-tampered' and id = 'm2'`.execute(t.db);
    const error = await readMessages(t.db, t.keyring, 'conv-tampered', ['m1', 'm2']).catch((e) => e);
    expect(error).toBeInstanceOf(ContentUnavailableError);
    expect(error.what).toEqual({ conversationId: 'conv-tampered', messageId: 'm2' });
    expect(error.message).toMatch(/failed authentication/);
  });

  it('refuses a ciphertext moved onto another message (ids are bound as associated data)', async () => {
    await ingest('conv-swapped');
    await sql`update message set body_ciphertext = (select body_ciphertext from message where conversation_id = 'conv-swapped' and id = 'm1'),
                                 body_nonce = (select body_nonce from message where conversation_id = 'conv-swapped' and id = 'm1')
              where conversation_id = 'conv-swapped' and id = 'm3'`.execute(t.db);
    await expect(readMessages(t.db, t.keyring, 'conv-swapped', ['m3'])).rejects.toBeInstanceOf(ContentUnavailableError);
  });

  it('refuses a data key wrapped under a key version the keyring does not have', async () => {
    await ingest('conv-missing-key');
    await t.db.updateTable('conversation').set({ kek_version: 99 }).where('id', '=', 'conv-missing-key').execute();
    const error = await readMessages(t.db, t.keyring, 'conv-missing-key', ['m1']).catch((e) => e);
    expect(error).toBeInstanceOf(ContentUnavailableError);
    expect(error.reason).toMatch(/version 99 is not in the keyring/);
  });

  it('turns a decryption failure into a problem without content, and an audit event', async () => {
    await ingest('conv-audited-failure');
    await sql`update message set body_ciphertext = set_byte(body_ciphertext, 3, get_byte(body_ciphertext, 3) # 255) where conversation_id = 'conv-audited-failure'`.execute(
      t.db,
    );
    // A stand-in read route: the real ones (case view, conversation viewer) share this error path.
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('deps', {
        ...t.deps,
        queueSummaries: createQueueSummaryCache(0),
        accessEvents: new AccessEventHub(undefined),
        sessions: new SessionCache(t.db, undefined, 0),
        ops: noOperations,
        metrics: createMetrics(t.db, noOperations),
      });
      c.set('session', null);
      c.set('service', null);
      c.set('requestId', 'req-test');
      await next();
    });
    app.get('/read', async (c) => c.json(await readMessages(t.db, t.keyring, 'conv-audited-failure', ['m1'])));
    app.onError(onError);
    const response = await app.request('/read');
    expect(response.status).toBe(500);
    const problem = await response.json();
    expect(problem).toMatchObject({ code: 'content_unavailable', requestId: 'req-test' });
    expect(JSON.stringify(problem)).not.toContain('Please stop');
    expect((await t.auditEvents('content.decryption_failed')).at(-1)).toMatchObject({
      outcome: 'failure',
      target_type: 'message',
      target_id: 'conv-audited-failure/m1',
    });
  });
});

describe('key rotation', () => {
  it('re-wraps every data key and service secret without touching messages, and old data still reads', async () => {
    const { report } = await ingest('conv-rotated');
    const ciphertextsBefore = await t.db
      .selectFrom('message')
      .select(['id', 'body_ciphertext'])
      .where('conversation_id', '=', 'conv-rotated')
      .execute();
    const oldVersion = t.keyring.currentVersion;

    const newVersion = t.keyring.addVersion();
    expect(newVersion).toBe(oldVersion + 1);
    // Before re-wrapping, the old version still unwraps existing keys.
    expect((await readMessages(t.db, t.keyring, 'conv-rotated', ['m1']))[0]?.body).toBe(report.messages[0]?.body);

    const result = await rewrapAll(t.db, t.keyring, system);
    expect(result.toVersion).toBe(newVersion);
    // The conversation broken on purpose above is named, not silently skipped.
    expect(result.failed).toEqual([
      { conversationId: 'conv-missing-key', reason: expect.stringMatching(/version 99/) },
    ]);
    await t.db.deleteFrom('report').where('conversation_id', '=', 'conv-missing-key').execute();
    await t.db.deleteFrom('case').where('conversation_id', '=', 'conv-missing-key').execute();
    await t.db.deleteFrom('message').where('conversation_id', '=', 'conv-missing-key').execute();
    await t.db.deleteFrom('conversation').where('id', '=', 'conv-missing-key').execute();
    expect(result.dataKeys).toBeGreaterThan(0);
    expect(result.serviceSecrets).toBeGreaterThan(0);
    expect(await keysWrappedBy(t.db, oldVersion)).toBe(0);

    t.keyring.retireVersion(oldVersion);
    expect((await readMessages(t.db, t.keyring, 'conv-rotated', ['m1', 'm2', 'm3'])).map((m) => m.body)).toEqual(
      report.messages.map((m) => m.body),
    );
    const ciphertextsAfter = await t.db
      .selectFrom('message')
      .select(['id', 'body_ciphertext'])
      .where('conversation_id', '=', 'conv-rotated')
      .execute();
    expect(ciphertextsAfter).toEqual(ciphertextsBefore);
    // Intake keeps working: the service secret was re-sealed under the new version.
    expect((await t.signedPost('/api/intake/reports', aReport(), platform)).status).toBe(200);
    expect((await t.auditEvents('keys.rotated')).at(-1)).toMatchObject({
      outcome: 'failure',
      details: { toVersion: newVersion, fromVersions: [oldVersion, 99], failedCount: 1 },
    });
  });
});
