/**
 * What an action may emit: one event per audit action, typed by the contracts' vocabulary, so a
 * misspelt action fails to compile. Access events are also live notices (their `live` part says
 * whose access it is); events in `PLATFORM_EVENTS` also go to the platform through the outbox.
 */
import type { ACCESS_EVENT_TYPES, AuditAction } from '@docket/contracts';
import type { AuditEventInput } from '../audit/record';
import type { OutboxEventInput } from '../webhooks/outbox';

type LiveAction = (typeof ACCESS_EVENT_TYPES)[number];

/** What the audit row records (details: ids, codes and counts; never content or secrets). */
interface EventOf<A extends AuditAction> extends Omit<AuditEventInput, 'action'> {
  action: A;
}

/** A live access event names the case and whose access it is, so SSE streams can route it. */
interface LiveEventOf<A extends LiveAction> extends EventOf<A> {
  caseId: string;
  live: { staffId: string; requestId?: string; grantId?: string };
}

/**
 * An appeal's outcome carries the reason written for the appellant to the platform; the audit row
 * (which takes only the fields of `EventOf`) keeps a hash of it, never the text.
 */
interface AppealDecidedEvent extends EventOf<'appeal.decided'> {
  publicReason: string;
}

type PlainAction = Exclude<AuditAction, LiveAction | 'appeal.decided'>;

export type ActionEvent =
  | { [A in LiveAction]: LiveEventOf<A> }[LiveAction]
  | AppealDecidedEvent
  | { [A in PlainAction]: EventOf<A> }[PlainAction];

export type EmittedEvent<A extends AuditAction> = Extract<ActionEvent, { action: A }>;

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
  'appeal.decided': ({ target, details, publicReason }) => ({
    type: 'appeal.decided',
    subject: `account:${details?.accountId}`,
    data: {
      appealId: details?.externalId,
      docketAppealId: target?.id,
      decisionId: details?.decisionId,
      outcome: details?.outcome,
      publicReason,
    },
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
