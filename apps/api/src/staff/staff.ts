import type { CreateStaffBody, StaffUser, UpdateStaffBody } from '@docket/contracts';
import type { Database, StaffUserRow } from '@docket/db';
import { isRole } from '@docket/permissions';
import { type Kysely, sql } from 'kysely';
import { type AuditContext, recordAuditEvent } from '../audit/record';
import { hashPassword } from '../auth/passwords';
import { deleteSessionsOf } from '../auth/sessions';
import { AppError } from '../http/problem';

const PUBLIC_COLUMNS = [
  'id',
  'username',
  'display_name',
  'roles',
  'disabled_at',
  'created_at',
  'last_sign_in_at',
] as const satisfies readonly (keyof StaffUserRow)[];

type StaffRow = Pick<StaffUserRow, (typeof PUBLIC_COLUMNS)[number]>;

export function toStaffUser(row: StaffRow): StaffUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles.filter(isRole),
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
  let select = db
    .selectFrom('staff_user')
    .select(PUBLIC_COLUMNS)
    .orderBy('username')
    .limit(query.limit + 1);
  if (query.cursor) select = select.where('username', '>', query.cursor);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
    select = select.where((eb) => eb.or([eb('username', 'ilike', pattern), eb('display_name', 'ilike', pattern)]));
  }
  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toStaffUser),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.username ?? null) : null,
  };
}

export async function getStaff(db: Kysely<Database>, id: string): Promise<StaffUser> {
  const row = await db.selectFrom('staff_user').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No staff account with that id.');
  return toStaffUser(row);
}

export async function createStaff(
  trx: Kysely<Database>,
  input: CreateStaffBody,
  audit: AuditContext,
): Promise<StaffUser> {
  const roles = [...new Set(input.roles)];
  const row = await trx
    .insertInto('staff_user')
    .values({
      username: input.username,
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      roles,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('conflict', `The username "${input.username}" is taken.`, {
      errors: [{ field: 'username', message: 'already taken' }],
    });
  }
  await recordAuditEvent(trx, audit, {
    action: 'staff.created',
    target: { type: 'staff_user', id: row.id },
    details: { username: row.username, roles },
  });
  return toStaffUser(row);
}

/** Locks the row so concurrent admin edits (and the last-admin rule) see one another. */
async function lockStaff(trx: Kysely<Database>, id: string): Promise<StaffRow> {
  const row = await trx
    .selectFrom('staff_user')
    .select(PUBLIC_COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No staff account with that id.');
  return row;
}

// Without this rule an admin could lock every administrator, themselves included, out of Docket.
async function assertAnotherActiveAdmin(trx: Kysely<Database>, excludingId: string): Promise<void> {
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

export async function updateStaff(
  trx: Kysely<Database>,
  id: string,
  input: UpdateStaffBody,
  audit: AuditContext,
): Promise<StaffUser> {
  const before = await lockStaff(trx, id);
  const roles = input.roles ? [...new Set(input.roles)] : before.roles;
  if (before.roles.includes('admin') && !roles.includes('admin') && !before.disabled_at) {
    await assertAnotherActiveAdmin(trx, id);
  }
  const row = await trx
    .updateTable('staff_user')
    .set({ display_name: input.displayName ?? before.display_name, roles, updated_at: new Date() })
    .where('id', '=', id)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (row.display_name !== before.display_name)
    changes.displayName = { from: before.display_name, to: row.display_name };
  if (row.roles.join() !== before.roles.join()) changes.roles = { from: before.roles, to: row.roles };
  await recordAuditEvent(trx, audit, {
    action: 'staff.updated',
    target: { type: 'staff_user', id },
    details: { changes },
  });
  return toStaffUser(row);
}

export async function setStaffDisabled(
  trx: Kysely<Database>,
  id: string,
  disabled: boolean,
  audit: AuditContext,
): Promise<StaffUser> {
  const before = await lockStaff(trx, id);
  if (disabled && id === audit.actor.id) throw new AppError('conflict', 'You cannot disable your own account.');
  if (disabled && before.roles.includes('admin') && !before.disabled_at) await assertAnotherActiveAdmin(trx, id);
  const row = await trx
    .updateTable('staff_user')
    .set({ disabled_at: disabled ? (before.disabled_at ?? new Date()) : null, updated_at: new Date() })
    .where('id', '=', id)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
  const sessionsEnded = disabled ? await deleteSessionsOf(trx, id) : 0;
  await recordAuditEvent(trx, audit, {
    action: disabled ? 'staff.disabled' : 'staff.enabled',
    target: { type: 'staff_user', id },
    details: disabled ? { sessionsEnded } : {},
  });
  return toStaffUser(row);
}

export async function setStaffPassword(
  trx: Kysely<Database>,
  id: string,
  password: string,
  audit: AuditContext,
): Promise<void> {
  await lockStaff(trx, id);
  await trx
    .updateTable('staff_user')
    .set({ password_hash: await hashPassword(password), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  const sessionsEnded = await deleteSessionsOf(trx, id);
  await recordAuditEvent(trx, audit, {
    action: 'staff.password_set',
    target: { type: 'staff_user', id },
    details: { sessionsEnded },
  });
}
