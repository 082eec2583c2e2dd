import type { Database } from '@docket/db';
import type { Role } from '@docket/permissions';
import { type Kysely, sql } from 'kysely';
import { actionContext } from '../actions/context';
import type { AuditContext } from '../audit/record';
import { hashPassword, verifyPassword } from '../auth/passwords';

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
  // Two legal officers, because a legal request is accepted only by one who did not record it.
  { username: 'legal', password: 'legal-docket-demo', roles: ['legal'], displayName: 'Lee Legal' },
  { username: 'legal2', password: 'legal2-docket-demo', roles: ['legal'], displayName: 'Morgan Counsel' },
];

/** The demo logins this start can honestly print: made just now, or still as made earlier. */
export interface DemoStaff {
  createdNow: boolean;
  logins: DemoLogin[];
}

/**
 * Creates one demo account per role (and two admins, so a role grant can be confirmed) when no
 * staff exist yet, directly as the operator would with `pnpm staff:create`. Otherwise reports
 * the demo accounts that still exist, enabled, with their well-known passwords: none when the
 * staff are real ones.
 */
export async function seedDemoStaff(db: Kysely<Database>, audit: AuditContext): Promise<DemoStaff> {
  const created = await db.transaction().execute(async (trx) => {
    // Serialise concurrent starters on one database: only the first seeds.
    await sql`select pg_advisory_xact_lock(hashtext('docket.seed_demo_staff'))`.execute(trx);
    const existing = await trx
      .selectFrom('staff_user')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) return false;
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
      await actionContext(trx, audit).emit({
        action: 'staff.created',
        target: { type: 'staff_user', id: row.id },
        details: { username: demo.username, roles: demo.roles, demo: true },
      });
    }
    return true;
  });
  const logins = DEMO_STAFF.map(({ username, password, roles }) => ({ username, password, roles }));
  if (created) return { createdNow: true, logins };
  return { createdNow: false, logins: await stillWorking(db, logins) };
}

async function stillWorking(db: Kysely<Database>, logins: DemoLogin[]): Promise<DemoLogin[]> {
  const rows = await db
    .selectFrom('staff_user')
    .select(['username', 'password_hash'])
    .where(
      'username',
      'in',
      logins.map((login) => login.username),
    )
    .where('disabled_at', 'is', null)
    .execute();
  const working = await Promise.all(
    logins.map(async (login) => {
      const row = rows.find((each) => each.username === login.username);
      return row ? verifyPassword(row.password_hash, login.password) : false;
    }),
  );
  return logins.filter((_, i) => working[i]);
}

/** The start-up banner's lines about demo logins: never a login that does not work. */
export function demoLoginLines(staff: DemoStaff): string[] {
  if (staff.logins.length === 0) {
    return ['  Demo logins were not created: staff accounts already existed. Sign in with one of those.'];
  }
  const lines = [
    staff.createdNow
      ? '  Demo logins (created just now on an empty database):'
      : '  Demo logins (created by an earlier demo start):',
  ];
  for (const login of staff.logins) {
    lines.push(`    ${login.username.padEnd(11)} ${login.password.padEnd(24)} ${login.roles.join(', ')}`);
  }
  return lines;
}
