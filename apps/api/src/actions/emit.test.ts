import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACCESS_CHANNEL } from '../access/live';
import { useTestApp } from '../testing/harness';
import { createWebhookEndpoint } from '../webhooks/endpoints';
import { type ActionContext, runSystemAction } from './context';

const t = useTestApp();
const heard: unknown[] = [];
let unlisten: () => Promise<void>;
let endpointId: string;

beforeAll(async () => {
  // A real LISTEN, as every API process holds one: a notice exists only if it reached here.
  unlisten = await t.deps.listen!(ACCESS_CHANNEL, { onPayload: (payload) => heard.push(JSON.parse(payload)) });
  const input = {
    url: 'http://127.0.0.1:9/hooks',
    description: 'emit test',
    eventTypes: ['decision.effective' as const],
  };
  endpointId = (await runSystemAction(t.db, (ctx) => createWebhookEndpoint(ctx, t.keyring, input))).id;
});
afterAll(() => unlisten());

const caseId = '00000000-0000-4000-8000-000000000001';

/** One action with every kind of effect: a live access event and a platform-bound event. */
async function emitBoth(ctx: ActionContext, marker: string) {
  await ctx.emit({ action: 'access.requested', caseId, live: { staffId: marker }, details: { marker } });
  await ctx.emit({ action: 'webhook.test_sent', target: { type: 'webhook_endpoint', id: endpointId } });
}

async function effects(marker: string) {
  // NOTIFY is delivered on commit; give the listener a moment before judging silence.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const audited = await t.db
    .selectFrom('audit_event')
    .select('action')
    .where((eb) =>
      eb.or([
        eb(sql`details ->> 'marker'`, '=', marker),
        eb.and([eb('action', '=', 'webhook.test_sent'), eb('target_id', '=', endpointId)]),
      ]),
    )
    .execute();
  const outbox = await t.db.selectFrom('outbox_event').select('type').where('type', '=', 'webhook.test').execute();
  const notices = heard.filter((event) => (event as { staffId?: string }).staffId === marker);
  return { audited: audited.map((row) => row.action).sort(), outbox: outbox.length, notices };
}

it('leaves no audit row, no live notice and no outbox row when the action rolls back', async () => {
  const rolledBack = runSystemAction(t.db, async (ctx) => {
    await emitBoth(ctx, 'rolled-back');
    throw new Error('the action failed after emitting');
  });
  await expect(rolledBack).rejects.toThrow('the action failed after emitting');
  expect(await effects('rolled-back')).toEqual({ audited: [], outbox: 0, notices: [] });

  // The same action, committed, has all three: the silence above is the rollback's doing.
  await runSystemAction(t.db, (ctx) => emitBoth(ctx, 'committed'));
  expect(await effects('committed')).toEqual({
    audited: ['access.requested', 'webhook.test_sent'],
    outbox: 1,
    notices: [{ type: 'access.requested', caseId, staffId: 'committed' }],
  });
});

it('links the audit row of a platform-bound event to the outbox event the platform receives', async () => {
  const { outboxEventId } = await runSystemAction(t.db, (ctx) =>
    ctx.emit({ action: 'webhook.test_sent', target: { type: 'webhook_endpoint', id: endpointId } }),
  );
  const row = await t.db
    .selectFrom('audit_event')
    .select('details')
    .where('action', '=', 'webhook.test_sent')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  expect(row.details).toEqual({ eventId: outboxEventId });
  const deliveries = await t.db
    .selectFrom('webhook_delivery')
    .select('endpoint_id')
    .where('event_id', '=', outboxEventId!)
    .execute();
  expect(deliveries).toEqual([{ endpoint_id: endpointId }]);
});

// Never run: the compiler is the test (`pnpm typecheck` fails if an error below stops being one).
export function vocabularyIsTyped(ctx: ActionContext) {
  // @ts-expect-error a misspelt action is not in the vocabulary
  void ctx.emit({ action: 'acess.requested', caseId, live: { staffId: 'x' } });
  // @ts-expect-error an access event is a live notice: it must say whose access it is
  void ctx.emit({ action: 'access.requested', caseId });
  // @ts-expect-error only access events are live notices
  void ctx.emit({ action: 'case.claimed', caseId, live: { staffId: 'x' } });
}
