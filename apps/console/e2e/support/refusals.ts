/**
 * The audit log's refusals, read straight from the stack's database: a console that only ever
 * calls routes its user may use leaves no `authz.denied` behind, and every one it did leave
 * would be a false lead for an auditor.
 */
import { withAdminClient } from '@docket/db/testing';

export interface Refusal {
  actor: string | null;
  permission: string;
  request: string;
}

export function databaseUrl(): string {
  const url = process.env.DOCKET_E2E_DATABASE_URL;
  if (!url) throw new Error('DOCKET_E2E_DATABASE_URL is not set: run the journeys through playwright.config.ts');
  return url;
}

/** The database's clock now: refusals are stamped by it, not by this machine's. */
export async function databaseNow(): Promise<Date> {
  return withAdminClient(databaseUrl(), async (client) => {
    const { rows } = await client.query<{ now: Date }>('select clock_timestamp() as now');
    return rows[0]?.now ?? new Date(0);
  });
}

/** Every `authz.denied` recorded since `since`, oldest first. */
export async function refusalsSince(since: Date): Promise<Refusal[]> {
  return withAdminClient(databaseUrl(), async (client) => {
    const { rows } = await client.query<Refusal>(
      `select actor_label as actor, details->>'permission' as permission,
              concat(details->>'method', ' ', details->>'path') as request
         from audit_event
        where action = 'authz.denied' and occurred_at >= $1
        order by occurred_at, id`,
      [since],
    );
    return rows;
  });
}
