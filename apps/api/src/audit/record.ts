import type { AuditActorType, AuditOutcome, Database, NewAuditEvent } from '@docket/db';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv } from '../context';
import { clientIp, userAgent } from '../http/client';

export interface AuditActor {
  type: AuditActorType;
  id: string | null;
  label: string | null;
  roles: string[];
}

/** Who did it and from where: captured once per request and passed to the domain. */
export interface AuditContext {
  actor: AuditActor;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEventInput {
  action: string;
  outcome?: AuditOutcome;
  target?: { type: string; id: string };
  caseId?: string;
  grantId?: string;
  details?: Record<string, unknown>;
}

// A last line of defence: audit details describe actions, never carry secrets or content.
// Compared lower-cased, at any depth; `reporterText` and `messageBody` are the API's own content names.
const FORBIDDEN_DETAIL_KEYS = new Set([
  'password',
  'passwordhash',
  'token',
  'secret',
  'body',
  'messagebody',
  'content',
  'text',
  'reportertext',
  'plaintext',
]);

function refuseForbiddenKeys(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (!Array.isArray(value) && FORBIDDEN_DETAIL_KEYS.has(key.toLowerCase())) {
      throw new Error(`audit details may not carry "${key}"`);
    }
    refuseForbiddenKeys(inner);
  }
}

export function auditContext(c: Context<AppEnv>, actor?: AuditActor): AuditContext {
  const session = c.get('session');
  const service = c.get('service');
  return {
    actor:
      actor ??
      (session
        ? { type: 'staff', id: session.user.id, label: session.user.username, roles: session.user.roles }
        : service
          ? { type: 'service', id: service.id, label: service.name, roles: [] }
          : { type: 'anonymous', id: null, label: null, roles: [] }),
    requestId: c.get('requestId'),
    ip: clientIp(c),
    userAgent: userAgent(c),
  };
}

export const SYSTEM_ACTOR: AuditActor = { type: 'system', id: null, label: 'system', roles: [] };

/** The audit_event row for an event: shared by recordAuditEvent and statements that write it inline. */
export function auditRow(context: AuditContext, event: AuditEventInput) {
  const details = event.details ?? {};
  refuseForbiddenKeys(details);
  return {
    actor_type: context.actor.type,
    actor_id: context.actor.id,
    actor_label: context.actor.label,
    actor_roles: context.actor.roles,
    action: event.action,
    outcome: event.outcome ?? 'success',
    target_type: event.target?.type ?? null,
    target_id: event.target?.id ?? null,
    case_id: event.caseId ?? null,
    grant_id: event.grantId ?? null,
    details: JSON.stringify(details),
    request_id: context.requestId,
    ip: context.ip,
    user_agent: context.userAgent,
  } satisfies NewAuditEvent;
}

/** Writes one audit event on `db`, which should be the action's own transaction. */
export async function recordAuditEvent(
  db: Kysely<Database>,
  context: AuditContext,
  event: AuditEventInput,
): Promise<void> {
  await db.insertInto('audit_event').values(auditRow(context, event)).execute();
}
