/**
 * Role changes need two admins (DESIGN §13, ADR 019). Asking for a role writes a pending row that
 * changes nothing; only a different admin's confirmation adds the role. Removing a role reduces
 * access, so it applies at once. Nobody changes their own roles. The table's CHECKs hold the same
 * rules, so a bug here cannot confirm a request alone.
 */
import type { RoleChange } from '@docket/contracts';
import type { Database } from '@docket/db';
import { isRole, type Role } from '@docket/permissions';
import { type Kysely, sql, type Transaction } from 'kysely';
import { endGrantsOfStaff } from '../access/grant-ends';
import type { ActionContext } from '../actions/context';
import { AppError } from '../http/problem';
import { assertAnotherActiveAdmin, lockStaff } from './staff';

/** The admin acting, who must be a staff member and never the account being changed. */
function actingAdmin(audit: ActionContext, targetId: string): string {
  const actorId = audit.actor.id;
  if (audit.actor.type !== 'staff' || !actorId)
    throw new AppError('forbidden', 'Only a signed-in admin changes roles.');
  if (actorId === targetId) throw new AppError('forbidden', 'You cannot change your own roles; ask another admin.');
  return actorId;
}

/** Writes a pending grant; used when an account is created and when a role is asked for later. */
export async function insertRoleRequest(
  trx: Transaction<Database>,
  targetId: string,
  role: Role,
  requestedBy: string,
): Promise<string> {
  const row = await trx
    .insertInto('staff_role_change')
    .values({ staff_user_id: targetId, role, change: 'grant', status: 'pending', requested_by: requestedBy })
    .onConflict((oc) => oc.columns(['staff_user_id', 'role']).where('status', '=', 'pending').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', `A ${role} grant for this account is already waiting for confirmation.`);
  return row.id;
}

export async function requestRole(ctx: ActionContext, targetId: string, role: Role): Promise<string> {
  const { trx } = ctx;
  const requestedBy = actingAdmin(ctx, targetId);
  const target = await lockStaff(trx, targetId);
  if (target.roles.includes(role)) throw new AppError('conflict', `This account already has the ${role} role.`);
  const changeId = await insertRoleRequest(trx, targetId, role, requestedBy);
  await ctx.emit({
    action: 'staff.role_requested',
    target: { type: 'staff_user', id: targetId },
    details: { role, changeId },
  });
  return changeId;
}

export async function removeRole(ctx: ActionContext, targetId: string, role: Role): Promise<void> {
  const { trx } = ctx;
  const requestedBy = actingAdmin(ctx, targetId);
  const target = await lockStaff(trx, targetId);
  if (!target.roles.includes(role)) throw new AppError('conflict', `This account does not have the ${role} role.`);
  if (role === 'admin' && !target.disabled_at) await assertAnotherActiveAdmin(trx, targetId);
  const remainingRoles = target.roles.filter(isRole).filter((r) => r !== role);
  await trx
    .updateTable('staff_user')
    .set({ roles: remainingRoles, updated_at: new Date() })
    .where('id', '=', targetId)
    .execute();
  const change = await trx
    .insertInto('staff_role_change')
    .values({
      staff_user_id: targetId,
      role,
      change: 'remove',
      status: 'confirmed',
      requested_by: requestedBy,
      decided_at: sql<Date>`now()`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.emit({
    action: 'staff.role_removed',
    target: { type: 'staff_user', id: targetId },
    details: { role, changeId: change.id },
  });
  await endGrantsOfStaff(ctx, targetId, { remainingRoles });
}

/** Confirms (the role takes effect) or rejects a pending grant, as an admin other than the requester. */
export async function decideRoleChange(
  ctx: ActionContext,
  changeId: string,
  outcome: 'confirmed' | 'rejected',
): Promise<RoleChange> {
  const { trx } = ctx;
  const change = await trx
    .selectFrom('staff_role_change')
    .selectAll()
    .where('id', '=', changeId)
    .forUpdate()
    .executeTakeFirst();
  if (!change) throw new AppError('not_found', 'No role change with that id.');
  const deciderId = actingAdmin(ctx, change.staff_user_id);
  if (change.requested_by === deciderId) {
    throw new AppError('forbidden', 'You requested this role change; another admin must decide it.');
  }
  if (change.status !== 'pending') throw new AppError('conflict', `This role change is already ${change.status}.`);
  // The session said admin when the request arrived; the locked row says it still is.
  const decider = await lockStaff(trx, deciderId);
  if (!decider.roles.includes('admin') || decider.disabled_at) {
    throw new AppError('forbidden', 'Only an active admin decides role changes.');
  }
  const target = await lockStaff(trx, change.staff_user_id);
  if (outcome === 'confirmed' && !target.roles.includes(change.role)) {
    await trx
      .updateTable('staff_user')
      .set({ roles: [...target.roles, change.role], updated_at: new Date() })
      .where('id', '=', target.id)
      .execute();
  }
  await trx
    .updateTable('staff_role_change')
    .set({ status: outcome, decided_by: deciderId, decided_at: sql<Date>`now()` })
    .where('id', '=', changeId)
    .execute();
  await ctx.emit({
    action: outcome === 'confirmed' ? 'staff.role_confirmed' : 'staff.role_rejected',
    target: { type: 'staff_user', id: target.id },
    details: { role: change.role, changeId, requestedBy: change.requested_by },
  });
  const [decided] = await listRoleChanges(trx, { id: changeId });
  if (!decided) throw new Error('the role change just decided has vanished');
  return decided;
}

/** Role changes with names: the pending ones for admins, or a period's for the access review. */
export async function listRoleChanges(
  db: Kysely<Database>,
  filter: { id?: string; status?: 'pending'; from?: Date; to?: Date },
): Promise<RoleChange[]> {
  let query = db
    .selectFrom('staff_role_change as c')
    .innerJoin('staff_user as s', 's.id', 'c.staff_user_id')
    .innerJoin('staff_user as r', 'r.id', 'c.requested_by')
    .leftJoin('staff_user as d', 'd.id', 'c.decided_by')
    .select([
      'c.id',
      'c.role',
      'c.change',
      'c.status',
      'c.requested_at',
      'c.decided_at',
      's.id as staff_id',
      's.username as staff_username',
      's.display_name as staff_display_name',
      'r.id as requested_by_id',
      'r.username as requested_by_username',
      'd.id as decided_by_id',
      'd.username as decided_by_username',
    ])
    .orderBy('c.requested_at')
    .orderBy('c.id')
    .limit(500);
  if (filter.id) query = query.where('c.id', '=', filter.id);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  // A change belongs to a period if it was asked for or decided in it.
  if (filter.from && filter.to) {
    const { from, to } = filter;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('c.requested_at', '>=', from), eb('c.requested_at', '<', to)]),
        eb.and([eb('c.decided_at', '>=', from), eb('c.decided_at', '<', to)]),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.flatMap((row) =>
    isRole(row.role)
      ? [
          {
            id: row.id,
            staff: { id: row.staff_id, username: row.staff_username, displayName: row.staff_display_name },
            role: row.role,
            change: row.change,
            status: row.status,
            requestedBy: { id: row.requested_by_id, username: row.requested_by_username },
            requestedAt: row.requested_at.toISOString(),
            decidedBy:
              row.decided_by_id && row.decided_by_username
                ? { id: row.decided_by_id, username: row.decided_by_username }
                : null,
            decidedAt: row.decided_at?.toISOString() ?? null,
          },
        ]
      : [],
  );
}
