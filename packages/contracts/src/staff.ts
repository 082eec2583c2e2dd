import { z } from 'zod';
import { Password, Role, Username } from './auth';

const Timestamp = z.iso.datetime({ offset: true });

export const StaffUser = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(Role).meta({ description: 'Roles in effect (confirmed).' }),
    pendingRoles: z.array(Role).meta({ description: 'Roles requested and waiting for a second admin.' }),
    enrolled: z.boolean().meta({ description: 'Whether the owner has set a password through their link.' }),
    disabledAt: Timestamp.nullable(),
    createdAt: Timestamp,
    lastSignInAt: Timestamp.nullable(),
  })
  .meta({ id: 'StaffUser' });
export type StaffUser = z.infer<typeof StaffUser>;

const Roles = z.array(Role).min(1, 'at least one role').max(4);
const DisplayName = z.string().trim().min(1).max(120);

// Strict: an admin never chooses a password for someone else, so a `password` field is refused.
export const CreateStaffBody = z.strictObject({ username: Username, displayName: DisplayName, roles: Roles }).meta({
  id: 'CreateStaffBody',
  description: 'The roles are requested; each takes effect when another admin confirms it.',
});
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;

/** What the operator's `pnpm staff:create` (and the demo seed) give: the account's own password. */
export const OperatorStaffBody = CreateStaffBody.extend({ password: Password });
export type OperatorStaffBody = z.infer<typeof OperatorStaffBody>;

export const StaffLink = z
  .object({
    path: z.string().meta({ description: 'Append to the console origin. Shown once; only its hash is stored.' }),
    purpose: z.enum(['enrol', 'reset']),
    expiresAt: Timestamp,
  })
  .meta({ id: 'StaffLink' });
export type StaffLink = z.infer<typeof StaffLink>;

export const CreatedStaff = z.object({ user: StaffUser, link: StaffLink }).meta({ id: 'CreatedStaff' });
export type CreatedStaff = z.infer<typeof CreatedStaff>;

export const UpdateStaffBody = z.strictObject({ displayName: DisplayName }).meta({ id: 'UpdateStaffBody' });
export type UpdateStaffBody = z.infer<typeof UpdateStaffBody>;

export const StaffListQuery = z.object({
  cursor: z.string().max(200).optional().meta({ description: 'Opaque cursor from `nextCursor`.' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(64).optional().meta({ description: 'Username or display name contains.' }),
});

export const StaffList = z
  .object({
    items: z.array(StaffUser),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'StaffList' });
export type StaffList = z.infer<typeof StaffList>;

export const StaffIdParams = z.object({ id: z.uuid() });
export const StaffRoleParams = z.object({ id: z.uuid(), role: Role });
export const RoleChangeIdParams = z.object({ id: z.uuid() });

export const RequestRoleBody = z.strictObject({ role: Role }).meta({ id: 'RequestRoleBody' });
export type RequestRoleBody = z.infer<typeof RequestRoleBody>;

const StaffRef = z.object({ id: z.uuid(), username: z.string() });

export const RoleChange = z
  .object({
    id: z.uuid(),
    staff: StaffRef.extend({ displayName: z.string() }),
    role: Role,
    change: z.enum(['grant', 'remove']),
    status: z.enum(['pending', 'confirmed', 'rejected']),
    requestedBy: StaffRef,
    requestedAt: Timestamp,
    decidedBy: StaffRef.nullable(),
    decidedAt: Timestamp.nullable(),
  })
  .meta({ id: 'RoleChange' });
export type RoleChange = z.infer<typeof RoleChange>;

export const RoleChangeList = z.object({ items: z.array(RoleChange) }).meta({ id: 'RoleChangeList' });
export type RoleChangeList = z.infer<typeof RoleChangeList>;

export const RedeemLinkBody = z
  .strictObject({ token: z.string().min(20).max(200), password: Password })
  .meta({ id: 'RedeemLinkBody' });
export type RedeemLinkBody = z.infer<typeof RedeemLinkBody>;

export const RedeemedLink = z
  .object({ username: z.string(), purpose: z.enum(['enrol', 'reset']) })
  .meta({ id: 'RedeemedLink' });
export type RedeemedLink = z.infer<typeof RedeemedLink>;
