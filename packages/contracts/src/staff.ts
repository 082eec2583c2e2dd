import { z } from 'zod';
import { Password, Role, Username } from './auth';

export const StaffUser = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(Role),
    disabledAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    lastSignInAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'StaffUser' });
export type StaffUser = z.infer<typeof StaffUser>;

const Roles = z.array(Role).min(1, 'at least one role').max(4);

export const CreateStaffBody = z
  .object({
    username: Username,
    displayName: z.string().trim().min(1).max(120),
    password: Password,
    roles: Roles,
  })
  .meta({ id: 'CreateStaffBody' });
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;

export const UpdateStaffBody = z
  .object({
    displayName: z.string().trim().min(1).max(120).optional(),
    roles: Roles.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change')
  .meta({ id: 'UpdateStaffBody' });
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

export const SetPasswordBody = z.object({ password: Password }).meta({ id: 'SetPasswordBody' });
export type SetPasswordBody = z.infer<typeof SetPasswordBody>;

export const StaffIdParams = z.object({ id: z.uuid() });
