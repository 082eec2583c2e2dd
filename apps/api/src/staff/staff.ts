import type { OperatorStaffBody, StaffUser, UpdateStaffBody } from '@docket/contracts';
import type { Database, StaffUserRow } from '@docket/db';
import { isRole } from '@docket/permissions';
import { type Kysely, sql, type Transaction } from 'kysely';
import { endGrantsOfStaff } from '../access/grant-ends';
import type { ActionContext } from '../actions/context';
import { hashPassword } from '../auth/passwords';
import { deleteSessionsOf } from '../auth/sessions';
import { AppError } from '../http/problem';

const PUBLIC_COLUMNS = [
  'staff_user.id',
  'staff_user.username',
  'staff_user.display_name',
  'staff_user.roles',
  'staff_user.disabled_at',
  'staff_user.created_at',
  'staff_user.last_sign_in_at',
] as const;

type StaffRow = Pick<
  StaffUserRow,
  'id' | 'username' | 'display_name' | 'roles' | 'disabled_at' | 'created_at' | 'last_sign_in_at'
> & { enrolled: boolean; pending_roles: string[] };

/** The columns of a staff account as shown to admins, with what is waiting on its owner or a second admin. */
function selectStaff(db: Kysely<Database>) {
  return db
    .selectFrom('staff_user')
    .select(PUBLIC_COLUMNS)
    .select([
      sql<boolean>`staff_user.password_hash is not null`.as('enrolled'),
      sql<string[]>`array(select role from staff_role_change c
        where c.staff_user_id = staff_user.id and c.status = 'pending' order by role)`.as('pending_roles'),
    ]);
}

export function toStaffUser(row: StaffRow): StaffUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles.filter(isRole),
    pendingRoles: row.pending_roles.filter(isRole),
    enrolled: row.enrolled,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
  };
}

/** Keyset page of staff ordered by username; the cursor is the last username seen. */
export async function listStaff(
  db: Kysely<Database>,
  query: { cursor?: string | undefined; limit: number; q?: string | undefined },
): Promise<{ items: StaffUser[]; nextCursor: string | null }> {
  let select = selectStaff(db)
    .orderBy('staff_user.username')
    .limit(query.limit + 1);
  if (query.cursor) select = select.where('staff_user.username', '>', query.cursor);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
    select = select.where((eb) =>
      eb.or([eb('staff_user.username', 'ilike', pattern), eb('staff_user.display_name', 'ilike', pattern)]),
    );
  }
  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toStaffUser),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.username ?? null) : null,
  };
}

export async function getStaff(db: Kysely<Database>, id: string): Promise<StaffUser> {
  const row = await selectStaff(db).where('staff_user.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No staff account with that id.');
  return toStaffUser(row);
}

/**
 * Inserts an account; `roles` take effect at once and `passwordHash` may be null (the owner
 * enrols later). Only the operator's paths and `createStaff` call this, and say which it is.
 */
export async function insertStaffUser(
  trx: Transaction<Database>,
  input: { username: string; displayName: string; passwordHash: string | null; roles: string[] },
): Promise<string> {
  const row = await trx
    .insertInto('staff_user')
    .values({
      username: input.username,
      display_name: input.displayName,
      password_hash: input.passwordHash,
      roles: input.roles,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    throw new AppError('conflict', `The username "${input.username}" is taken.`, {
      errors: [{ field: 'username', message: 'already taken' }],
    });
  }
  return row.id;
}

/**
 * The operator's account creation (`pnpm staff:create`, the first admin of a deployment): whoever
 * runs the server already holds the database, so the roles apply at once and the password is
 * the operator's own. Never reachable over HTTP.
 */
export async function createStaffAsOperator(ctx: ActionContext, input: OperatorStaffBody): Promise<StaffUser> {
  const { trx } = ctx;
  const roles = [...new Set(input.roles)];
  const id = await insertStaffUser(trx, {
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    roles,
  });
  await ctx.emit({
    action: 'staff.created',
    target: { type: 'staff_user', id },
    details: { username: input.username, roles, byOperator: true },
  });
  return getStaff(trx, id);
}

/** Locks the row so concurrent admin edits (and the last-admin rule) see one another. */
export async function lockStaff(trx: Transaction<Database>, id: string) {
  const row = await trx
    .selectFrom('staff_user')
    .select(['id', 'username', 'display_name', 'roles', 'disabled_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No staff account with that id.');
  return row;
}

// Without this rule an admin could lock every administrator, themselves included, out of Docket.
export async function assertAnotherActiveAdmin(trx: Transaction<Database>, excludingId: string): Promise<void> {
  const others = await trx
    .selectFrom('staff_user')
    .select('id')
    .where('id', '!=', excludingId)
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`'admin' = any(roles)`)
    .forUpdate()
    .execute();
  if (others.length === 0) {
    throw new AppError('conflict', 'This is the last active admin; make someone else an admin first.');
  }
}

export async function updateStaff(ctx: ActionContext, id: string, input: UpdateStaffBody): Promise<StaffUser> {
  const { trx } = ctx;
  const before = await lockStaff(trx, id);
  await trx
    .updateTable('staff_user')
    .set({ display_name: input.displayName, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  const changes =
    input.displayName === before.display_name
      ? {}
      : { displayName: { from: before.display_name, to: input.displayName } };
  await ctx.emit({
    action: 'staff.updated',
    target: { type: 'staff_user', id },
    details: { changes },
  });
  return getStaff(trx, id);
}

export async function setStaffDisabled(ctx: ActionContext, id: string, disabled: boolean): Promise<StaffUser> {
  const { trx } = ctx;
  const before = await lockStaff(trx, id);
  if (disabled && id === ctx.actor.id) throw new AppError('conflict', 'You cannot disable your own account.');
  if (disabled && before.roles.includes('admin') && !before.disabled_at) await assertAnotherActiveAdmin(trx, id);
  await trx
    .updateTable('staff_user')
    .set({ disabled_at: disabled ? (before.disabled_at ?? new Date()) : null, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  const sessionsEnded = disabled ? await deleteSessionsOf(trx, id) : 0;
  await ctx.emit({
    action: disabled ? 'staff.disabled' : 'staff.enabled',
    target: { type: 'staff_user', id },
    details: disabled ? { sessionsEnded } : {},
  });
  if (disabled) await endGrantsOfStaff(ctx, id, { disabled: true });
  return getStaff(trx, id);
}
