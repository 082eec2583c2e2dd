import { ROLES } from '@docket/permissions';
import { z } from 'zod';

export const Role = z.enum(ROLES);

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'letters, digits, dot, dash or underscore');

export const Password = z.string().min(12, 'at least 12 characters').max(256);

export const SignInBody = z
  .object({
    username: z.string().trim().toLowerCase().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'SignInBody' });
export type SignInBody = z.infer<typeof SignInBody>;

export const SessionInfo = z
  .object({
    user: z.object({
      id: z.uuid(),
      username: z.string(),
      displayName: z.string(),
      roles: z.array(Role),
    }),
    permissions: z.array(z.string()),
    csrfToken: z.string().meta({ description: 'Send as `X-CSRF-Token` on every state-changing request.' }),
    idleExpiresAt: z.iso.datetime({ offset: true }),
    absoluteExpiresAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfo>;
