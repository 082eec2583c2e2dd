import type { Database } from '@docket/db';
import type { Role } from '@docket/permissions';
import { type Kysely, sql } from 'kysely';
import { type AuditContext, recordAuditEvent } from '../audit/record';
import { hashPassword } from '../auth/passwords';

export interface DemoLogin {
  username: string;
  password: string;
  roles: Role[];
}

// Public, well-known demo credentials: only ever created on an empty database in demo mode.
export const DEMO_STAFF: readonly (DemoLogin & { displayName: string })[] = [
  { username: 'reviewer', password: 'reviewer-docket-demo', roles: ['reviewer'], displayName: 'Riley Reviewer' },
  {
    username: 'supervisor',
    password: 'supervisor-docket-demo',
    roles: ['reviewer', 'supervisor'],
    displayName: 'Sam Supervisor',
  },
  { username: 'auditor', password: 'auditor-docket-demo', roles: ['auditor'], displayName: 'Avery Auditor' },
  { username: 'admin', password: 'admin-docket-demo', roles: ['admin'], displayName: 'Ada Admin' },
  // A second admin, because granting a role needs one: the demo shows both halves of a confirmation.
  { username: 'admin2', password: 'admin2-docket-demo', roles: ['admin'], displayName: 'Blake Admin' },
];

/**
 * Creates one demo account per role (and two admins) when no staff exist yet, directly as the
 * operator would with `pnpm staff:create`; returns the logins it created.
 */
export async function seedDemoStaff(db: Kysely<Database>, audit: AuditContext): Promise<DemoLogin[]> {
  return db.transaction().execute(async (trx) => {
    // Serialise concurrent starters on one database: only the first seeds.
    await sql`select pg_advisory_xact_lock(hashtext('docket.seed_demo_staff'))`.execute(trx);
    const existing = await trx
      .selectFrom('staff_user')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) return [];
    for (const demo of DEMO_STAFF) {
      const row = await trx
        .insertInto('staff_user')
        .values({
          username: demo.username,
          display_name: demo.displayName,
          password_hash: await hashPassword(demo.password),
          roles: demo.roles,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAuditEvent(trx, audit, {
        action: 'staff.created',
        target: { type: 'staff_user', id: row.id },
        details: { username: demo.username, roles: demo.roles, demo: true },
      });
    }
    return DEMO_STAFF.map(({ username, password, roles }) => ({ username, password, roles }));
  });
}
