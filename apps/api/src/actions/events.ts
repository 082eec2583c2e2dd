/**
 * What an action may emit: one event per audit action, typed by the contracts' vocabulary, so a
 * misspelt action fails to compile. Access events are also live notices (their `live` part says
 * whose access it is); events in `PLATFORM_EVENTS` also go to the platform through the outbox.
 */
import type { ACCESS_EVENT_TYPES, AuditAction } from '@docket/contracts';
import type { AuditEventInput } from '../audit/record';
import type { OutboxEventInput } from '../webhooks/outbox';
import type { OutboundData } from './outbound';

type LiveAction = (typeof ACCESS_EVENT_TYPES)[number];

/** What the audit row records (details: ids, codes and counts; never content or secrets). */
interface EventOf<A extends AuditAction> extends Omit<AuditEventInput, 'action'> {
  action: A;
}

/**
 * A live access event names the case and whose access it is, so SSE streams can route it; a legal
 * grant belongs to no case and says so with an explicit null.
 */
interface LiveEventOf<A extends LiveAction> extends Omit<EventOf<A>, 'caseId'> {
  caseId: string | null;
  live: { staffId: string; requestId?: string; grantId?: string };
}

/**
 * An event told to the platform about someone's account carries what the platform is owed
 * (`outbound`: the user-facing statement, the read counts). It goes to the outbox only; the audit
 * row records the event's own `details`, so ADR 028's rule — the log keeps a hash of the public
 * reason, not its text — holds for these events too.
 */
interface OutboundEventOf<A extends OutboundAction> extends EventOf<A> {
  outbound: OutboundData[A];
}

type OutboundAction = keyof OutboundData;
type PlainAction = Exclude<AuditAction, LiveAction | OutboundAction>;

export type ActionEvent =
  | { [A in LiveAction]: LiveEventOf<A> }[LiveAction]
  | { [A in OutboundAction]: OutboundEventOf<A> }[OutboundAction]
  | { [A in PlainAction]: EventOf<A> }[PlainAction];

export type EmittedEvent<A extends AuditAction> = Extract<ActionEvent, { action: A }>;

/** An event that is only its audit row (no live notice, no outbound data): what a statement may write inline. */
export type PlainEvent = { [A in PlainAction]: EventOf<A> }[PlainAction];

/** Where an event goes to the platform: its outbox event, and `onlyEndpointId` for one endpoint alone. */
export type PlatformEvent = OutboxEventInput & { onlyEndpointId?: string };

/**
 * The events the platform hears of, each mapped to its outbound payload. Adding one is one line:
 * `'decision.effective': (event) => ({ type: 'decision.effective', subject: …, data: … })`.
 */
export const PLATFORM_EVENTS: { [A in AuditAction]?: (event: EmittedEvent<A>) => PlatformEvent } = {
  'webhook.test_sent': (event) => {
    const endpointId = event.target?.id ?? '';
    return {
      type: 'webhook.test',
      subject: `endpoint:${endpointId}`,
      data: { endpointId, sentAt: new Date().toISOString() },
      onlyEndpointId: endpointId,
    };
  },
  // Each is about one platform account, so one account's events arrive in order.
  'decision.effective': ({ outbound }) => toAccount('decision.effective', outbound),
  'case.closed': ({ outbound }) => toAccount('case.closed', outbound),
  'access.notice': ({ outbound }) => toAccount('access.notice', outbound),
  'appeal.decided': ({ outbound }) => toAccount('appeal.decided', outbound),
  'appeal.received': ({ target, details }) => ({
    type: 'appeal.received',
    subject: `account:${details?.accountId}`,
    data: {
      appealId: details?.externalId,
      docketAppealId: target?.id,
      decisionId: details?.decisionId,
      appellant: details?.appellant,
    },
  }),
  // One line for the whole chain, so checkpoints arrive in the order they were signed.
  'audit.checkpoint_sent': ({ outbound }) => ({
    type: 'audit.checkpoint',
    subject: 'audit:chain',
    data: { ...outbound },
  }),
  'decision.reversed': ({ target, details }) => ({
    type: 'decision.reversed',
    subject: `account:${details?.accountId}`,
    data: {
      decisionId: target?.id,
      accountId: details?.accountId,
      partly: details?.partly,
      appealId: details?.externalAppealId,
    },
  }),
};

function toAccount(
  type: OutboxEventInput['type'],
  data: OutboundData[Exclude<OutboundAction, 'audit.checkpoint_sent'>],
): PlatformEvent {
  return { type, subject: `account:${data.accountId}`, data: { ...data } };
}
