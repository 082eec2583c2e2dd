import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

it('lists every queue in order, empty ones included', async () => {
  const { session } = await t.signedIn(['reviewer']);
  const body = await (await t.request('GET', '/api/queues', { session })).json();
  expect(body.items.map((q: { id: string }) => q.id)).toEqual([
    'urgent',
    'harassment_hate',
    'scams_spam',
    'other',
    'escalations',
    'appeals',
  ]);
  expect(body.items.every((q: { openCases: number }) => q.openCases === 0)).toBe(true);
});

it('counts open cases, the oldest one and SLA breaches per queue', async () => {
  const { session } = await t.signedIn(['reviewer']);
  await t.signedPost('/api/intake/reports', aReport({ category: 'hate' }), platform);
  const late = await (await t.signedPost('/api/intake/reports', aReport({ category: 'harassment' }), platform)).json();
  await t.db
    .updateTable('case')
    .set({ sla_due_at: sql`now() - interval '1 minute'`, opened_at: sql`now() - interval '2 days'` })
    .where('id', '=', late.caseId)
    .execute();
  const decided = await (await t.signedPost('/api/intake/reports', aReport({ category: 'hate' }), platform)).json();
  await t.db.updateTable('case').set({ status: 'decided' }).where('id', '=', decided.caseId).execute();

  const body = await (await t.request('GET', '/api/queues', { session })).json();
  const queue = body.items.find((q: { id: string }) => q.id === 'harassment_hate');
  expect(queue).toMatchObject({ openCases: 2, slaBreaches: 1 });
  expect(Date.now() - Date.parse(queue.oldestOpenedAt)).toBeGreaterThan(47 * 3600 * 1000);
});
