/**
 * One way for an action to have effects (ADR 027). A domain function receives an
 * `ActionContext` — its transaction, who acts and from where, and `emit` — and every event it
 * emits writes, in that same transaction, the audit row, the live notice for access events and,
 * for platform-bound events, the outbox row. Roll the action back and nothing was emitted.
 */
import type { AccessLiveEvent } from '@docket/contracts';
import type { Database } from '@docket/db';
import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import { publishAccessEvent } from '../access/live';
import { type AuditActor, type AuditContext, auditContext, recordAuditEvent, SYSTEM_ACTOR } from '../audit/record';
import type { AppEnv } from '../context';
import { enqueueOutboxEvent } from '../webhooks/outbox';
import { type ActionEvent, type EmittedEvent, PLATFORM_EVENTS, type PlatformEvent } from './events';

export type { ActionEvent } from './events';

export interface ActionContext extends AuditContext {
  readonly trx: Transaction<Database>;
  /** Records the event and its effects; resolves with the outbox event id when it went to the platform. */
  emit(event: ActionEvent): Promise<{ outboxEventId?: string }>;
  /** The same action, recorded from here on as `actor` (who signs in, who redeems a link). */
  actingAs(actor: AuditActor): ActionContext;
}

function platformEvent(event: ActionEvent): PlatformEvent | undefined {
  const toPlatform = PLATFORM_EVENTS[event.action] as ((event: ActionEvent) => PlatformEvent) | undefined;
  return toPlatform?.(event as EmittedEvent<typeof event.action>);
}

/** The action context for `trx`, acting as `who`. */
export function actionContext(trx: Transaction<Database>, who: AuditContext): ActionContext {
  return {
    ...who,
    trx,
    async emit(event) {
      const toPlatform = platformEvent(event);
      let outboxEventId: string | undefined;
      if (toPlatform) {
        const { onlyEndpointId, ...outbound } = toPlatform;
        outboxEventId = await enqueueOutboxEvent(trx, outbound, { onlyEndpointId });
      }
      const { live, outbound: _toOutboxOnly, caseId, ...rest } = { live: undefined, outbound: undefined, ...event };
      const recorded = { ...rest, ...(caseId ? { caseId } : {}) };
      if (live) {
        const notice: AccessLiveEvent = {
          type: event.action as AccessLiveEvent['type'],
          caseId: recorded.caseId ?? '',
          ...live,
        };
        await publishAccessEvent(trx, notice);
      }
      // The audit row names the outbound event, so "what did the platform hear" can be traced.
      const details = outboxEventId ? { ...recorded.details, eventId: outboxEventId } : recorded.details;
      await recordAuditEvent(trx, who, { ...recorded, details });
      return { outboxEventId };
    },
    actingAs: (actor) => actionContext(trx, { ...who, actor }),
  };
}

/** Runs `action` in a transaction of its own, as whoever made the request. */
export function runAction<T>(c: Context<AppEnv>, action: (ctx: ActionContext) => Promise<T>): Promise<T> {
  const who = auditContext(c);
  return c
    .get('deps')
    .db.transaction()
    .execute((trx) => action(actionContext(trx, who)));
}

/** Who acts when no person does: a sweep, a CLI, a seed. `label` names it in the log. */
export function systemActor(label = 'system'): AuditContext {
  return { actor: { ...SYSTEM_ACTOR, label }, requestId: null, ip: null, userAgent: null };
}

/** Runs `action` in a transaction of its own, as the system (or the tool named by `label`). */
export function runSystemAction<T>(
  db: Kysely<Database>,
  action: (ctx: ActionContext) => Promise<T>,
  label?: string,
): Promise<T> {
  return db.transaction().execute((trx) => action(actionContext(trx, systemActor(label))));
}
