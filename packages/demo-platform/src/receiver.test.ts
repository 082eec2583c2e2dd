import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterEach, expect, it } from 'vitest';
import { APPEAL_EVERY, type DemoAppeal, type DemoReceiver, startDemoReceiver } from './receiver';

const secret = `whsec_${Buffer.from('demo-platform-receiver-test-key!').toString('base64')}`;
const receivers: DemoReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function start(forwardAppeal?: (appeal: DemoAppeal) => Promise<void>) {
  const lines: string[] = [];
  const receiver = await startDemoReceiver({
    secret: () => secret,
    log: (line) => lines.push(line),
    ...(forwardAppeal ? { forwardAppeal } : {}),
  });
  receivers.push(receiver);
  return { receiver, lines };
}

/** A delivery signed the way Docket signs one; `tamper` changes the body after signing. */
function deliver(
  receiver: DemoReceiver,
  data: Record<string, unknown>,
  options: { id?: string; type?: string; at?: Date; tamper?: boolean } = {},
) {
  const id = options.id ?? randomUUID();
  const at = options.at ?? new Date();
  const body = JSON.stringify({ type: options.type ?? 'decision.effective', timestamp: at.toISOString(), data });
  const signature = new Webhook(secret).sign(id, at, body);
  return fetch(receiver.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signature,
    },
    body: options.tamper ? body.replace('account_suspended', 'content_removed') : body,
  });
}

const suspension = (account: string) => ({
  accountId: account,
  decisionId: randomUUID(),
  statement: { restriction: 'account_suspended' },
});

it('suspends the account a verified decision names, and says so in its log', async () => {
  const { receiver, lines } = await start();
  expect((await deliver(receiver, suspension('acct-17'))).status).toBe(204);
  expect(receiver.accounts.get('acct-17')?.restriction).toBe('account_suspended');
  expect(lines).toContain('demo platform: suspended account acct-17');
});

it('refuses a tampered body or a stale timestamp and enforces nothing', async () => {
  const { receiver } = await start();
  expect((await deliver(receiver, suspension('acct-1'), { tamper: true })).status).toBe(401);
  const stale = new Date(Date.now() - 10 * 60_000);
  expect((await deliver(receiver, suspension('acct-2'), { at: stale })).status).toBe(401);
  expect(receiver.refused()).toBe(2);
  expect(receiver.accounts.size).toBe(0);
});

it('applies a redelivery with the same webhook-id once', async () => {
  const { receiver, lines } = await start();
  const id = randomUUID();
  await deliver(receiver, suspension('acct-3'), { id });
  expect((await deliver(receiver, suspension('acct-3'), { id })).status).toBe(204);
  expect(lines.filter((line) => line.includes('acct-3'))).toHaveLength(1);
  expect(receiver.received.get('decision.effective')).toBe(1);
});

it('hands a few enforcements, not all, to the appeal hook', async () => {
  const appeals: DemoAppeal[] = [];
  const { receiver } = await start(async (appeal) => {
    appeals.push(appeal);
  });
  for (let i = 0; i < APPEAL_EVERY * 2; i++) await deliver(receiver, suspension(`acct-${i}`));
  expect(appeals.map((appeal) => appeal.account)).toEqual([`acct-${APPEAL_EVERY - 1}`, `acct-${APPEAL_EVERY * 2 - 1}`]);
});
