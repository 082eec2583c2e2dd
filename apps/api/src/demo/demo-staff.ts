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
];

/** Creates one demo account per role when no staff exist yet; returns the logins it created. */
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
