import type { ConversationRead } from '@docket/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { usePermittedQuery } from '../auth/permissions';
import { accessKeys } from './keys';

export function fetchConversation(caseId: string, signal?: AbortSignal): Promise<ConversationRead> {
  return api.get<ConversationRead>(`/api/cases/${encodeURIComponent(caseId)}/conversation`, { signal });
}

/**
 * Decrypted conversation content, read once per grant: every read is audited, and content must
 * not outlive the grant, so it is never refetched in the background, never retried, and dropped
 * from the cache as soon as no screen shows it (gcTime 0) — or sooner, when the grant ends.
 */
export const conversationQuery = (caseId: string, grantId: string) =>
  queryOptions({
    queryKey: accessKeys.conversation(caseId, grantId),
    meta: { permission: 'read:conversation' },
    queryFn: ({ signal }) => fetchConversation(caseId, signal),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    refetchOnMount: false,
  });

export function useConversation(caseId: string, grantId: string, enabled: boolean) {
  return usePermittedQuery({ ...conversationQuery(caseId, grantId), enabled });
}
