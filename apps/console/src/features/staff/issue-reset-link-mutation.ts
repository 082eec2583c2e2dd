import type { StaffLink } from '@docket/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';

/** A one-time link for the account's owner to choose a new password; nothing listed changes. */
export function issueResetLink(id: string): Promise<StaffLink> {
  return api.post<StaffLink>(`/api/staff/${encodeURIComponent(id)}/reset-link`);
}

export function useIssueResetLink() {
  return useMutation({ mutationFn: issueResetLink });
}
