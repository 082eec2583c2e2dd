import type { SessionInfo } from '@docket/contracts';
import type { Permission } from '@docket/permissions';
import { useSession } from './session-query';

/**
 * The UI decides what to show from the permissions the server granted this session (the same
 * vocabulary the API enforces), never from role names.
 */
export function hasPermission(session: Pick<SessionInfo, 'permissions'>, permission: Permission): boolean {
  return session.permissions.includes(permission);
}

export function useCan(permission: Permission): boolean {
  return hasPermission(useSession(), permission);
}
