/**
 * The demo platform's end of the loop: in demo mode the API starts the receiver from
 * `@docket/demo-platform` and registers it as a webhook endpoint for every event type, so a
 * newcomer sees deliveries succeed on the Webhooks page without configuring anything.
 */
import { WEBHOOK_EVENT_TYPES } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type DemoAppeal, type DemoReceiver, startDemoReceiver } from '@docket/demo-platform';
import { IntakeClient } from '@docket/intake-client';
import type { Kysely } from 'kysely';
import { runSystemAction } from '../actions/context';
import type { Keyring } from '../encryption/keyring';
import { sendTestEvent } from '../webhooks/deliveries';
import { createWebhookEndpoint, setWebhookEndpointDisabled, unsealWebhookSecret } from '../webhooks/endpoints';
import { demoPlatformCredentials } from './demo-platform';

export const DEMO_ENDPOINT_DESCRIPTION = 'Demo platform receiver (started by demo mode)';

/** The endpoint a previous demo start registered, if it is still enabled. */
function registeredEndpoint(db: Kysely<Database>) {
  return db
    .selectFrom('webhook_endpoint')
    .select(['id', 'url', 'secret_sealed', 'kek_version'])
    .where('description', '=', DEMO_ENDPOINT_DESCRIPTION)
    .where('disabled_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Listens on the remembered port when it is free, so the registered URL stays valid. */
async function listen(port: number, options: Omit<Parameters<typeof startDemoReceiver>[0], 'port'>) {
  try {
    return await startDemoReceiver({ ...options, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startDemoReceiver({ ...options, port: 0 });
  }
}

/**
 * Starts the receiver, registers it on first start (or again, through the domain functions and
 * audited as the system, when its old port was taken), and sends one test event so the log shows
 * a verified delivery at once.
 */
export async function startDemoPlatformReceiver(deps: {
  db: Kysely<Database>;
  keyring: Keyring;
  log: (line: string) => void;
  /** Docket's own address: the demo platform forwards a few appeals to its signed intake. */
  docketUrl: string;
}): Promise<DemoReceiver> {
  const { db, keyring } = deps;
  const existing = await registeredEndpoint(db);
  let secret = existing ? unsealWebhookSecret(keyring, existing) : '';
  const rememberedPort = existing ? Number(new URL(existing.url).port) : 0;
  // Credentials are looked up at the first appeal: a receiver that cannot forward still receives.
  let intake: IntakeClient | undefined;
  const forwardAppeal = async (appeal: DemoAppeal) => {
    intake ??= new IntakeClient({ baseUrl: deps.docketUrl, ...(await demoPlatformCredentials(db, keyring)) });
    const result = await intake.submitAppeal({
      externalId: `demo-appeal-${appeal.decisionEventId}`,
      decisionId: appeal.decisionId,
      appellant: 'affected_user',
      accountId: appeal.account,
      submittedAt: new Date().toISOString(),
    });
    deps.log(`demo platform: account ${appeal.account} appealed; Docket opened case ${result.caseId.slice(0, 8)}`);
  };
  const receiver = await listen(rememberedPort, { secret: () => secret, log: deps.log, forwardAppeal });
  const endpointId = await runSystemAction(
    db,
    async (ctx) => {
      if (existing?.url === receiver.url) return existing.id;
      if (existing) await setWebhookEndpointDisabled(ctx, existing.id, true);
      const created = await createWebhookEndpoint(ctx, keyring, {
        url: receiver.url,
        description: DEMO_ENDPOINT_DESCRIPTION,
        eventTypes: [...WEBHOOK_EVENT_TYPES],
      });
      secret = created.secret;
      return created.id;
    },
    'demo',
  );
  await runSystemAction(db, (ctx) => sendTestEvent(ctx, endpointId), 'demo');
  return receiver;
}
