/**
 * The demo platform's receiving end: a local HTTP server that verifies each Docket delivery the
 * Standard Webhooks way (`verifyWebhook`, on the stock `standardwebhooks` library), applies
 * enforcement to its synthetic accounts, and answers 2xx — the loop a real platform closes.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RESTRICTIONS, type Restriction } from '@docket/contracts';
import { type DocketEvent, verifyWebhook, WebhookRejected } from '@docket/intake-client';

/** What the demo platform did to one of its accounts, and on which event's word. */
export interface Enforcement {
  account: string;
  restriction: Restriction;
  /** The Docket decision enforced: what an appeal names. */
  decisionId: string;
  eventId: string;
}

/** An appeal the demo platform would forward for one enforcement (see `forwardAppeal`). */
export interface DemoAppeal {
  account: string;
  decisionId: string;
  decisionEventId: string;
}

export interface DemoReceiverOptions {
  /** The endpoint's signing secret, read on every request so a rotation takes effect at once. */
  secret: () => string;
  log: (line: string) => void;
  /** 0: any free port. A remembered port keeps a registered endpoint's URL valid across restarts. */
  port?: number;
  /**
   * Where the demo forwards an appeal against one enforcement in `APPEAL_EVERY`: in demo mode,
   * Docket's signed appeals intake, as the affected user.
   */
  forwardAppeal?: (appeal: DemoAppeal) => Promise<void>;
}

export interface DemoReceiver {
  url: string;
  port: number;
  /** Each account's latest enforcement, by account id. */
  accounts: ReadonlyMap<string, Enforcement>;
  /** Verified events by type (duplicates by `webhook-id` are counted once). */
  received: ReadonlyMap<string, number>;
  refused(): number;
  close(): Promise<void>;
}

/** A few appeals, not one per decision: every second enforcement is appealed. */
export const APPEAL_EVERY = 2;

const VERBS: Record<Restriction, string> = {
  content_removed: 'removed messages of',
  service_partially_suspended: 'restricted',
  account_suspended: 'suspended',
  account_terminated: 'terminated',
};

/**
 * The account and restriction a `decision.effective` names: `data.accountId`, and the restriction
 * its statement of reasons states. Decisions that restrict nothing carry no statement.
 */
function enforcementOf(event: DocketEvent): Enforcement | null {
  if (event.type !== 'decision.effective') return null;
  const { accountId, decisionId, statement } = event.data as {
    accountId?: unknown;
    decisionId?: unknown;
    statement?: { restriction?: unknown } | null;
  };
  const known = RESTRICTIONS.find((value) => value === statement?.restriction);
  return typeof accountId === 'string' && typeof decisionId === 'string' && known
    ? { account: accountId, decisionId, restriction: known, eventId: event.id }
    : null;
}

export async function startDemoReceiver(options: DemoReceiverOptions): Promise<DemoReceiver> {
  const accounts = new Map<string, Enforcement>();
  const received = new Map<string, number>();
  // Delivery is at-least-once: a redelivery carries the same webhook-id and changes nothing.
  const seen = new Set<string>();
  let refused = 0;
  let enforced = 0;

  function apply(event: DocketEvent) {
    if (seen.has(event.id)) return;
    seen.add(event.id);
    received.set(event.type, (received.get(event.type) ?? 0) + 1);
    if (event.type === 'webhook.test') {
      options.log(`demo platform: verified test event ${event.id}`);
      return;
    }
    if (event.type !== 'decision.effective') return;
    const enforcement = enforcementOf(event);
    if (!enforcement) return;
    accounts.set(enforcement.account, enforcement);
    options.log(`demo platform: ${VERBS[enforcement.restriction]} account ${enforcement.account}`);
    enforced += 1;
    if (options.forwardAppeal && enforced % APPEAL_EVERY === 0) {
      const appeal = { account: enforcement.account, decisionId: enforcement.decisionId, decisionEventId: event.id };
      options
        .forwardAppeal(appeal)
        .catch((error: Error) => options.log(`demo platform: appeal failed: ${error.message}`));
    }
  }

  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    try {
      apply(verifyWebhook(options.secret(), request.headers, Buffer.concat(chunks).toString('utf8')));
      response.writeHead(204).end();
    } catch (error) {
      if (!(error instanceof WebhookRejected)) throw error;
      refused += 1;
      options.log(`demo platform: refused a delivery (${error.message})`);
      response.writeHead(401).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/docket-events`,
    port,
    accounts,
    received,
    refused: () => refused,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
