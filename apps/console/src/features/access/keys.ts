/**
 * Query keys of the access feature. Conversation content lives under `conversation` only, is
 * never invalidated (so never refetched behind the reviewer's back) and is removed the moment
 * its grant ends; everything else here is metadata that live events invalidate.
 */
export const accessKeys = {
  all: ['access'] as const,
  policy: () => [...accessKeys.all, 'policy'] as const,
  cases: () => [...accessKeys.all, 'case'] as const,
  caseAccess: (caseId: string) => [...accessKeys.cases(), caseId] as const,
  conversations: (caseId: string) => [...accessKeys.all, 'conversation', caseId] as const,
  conversation: (caseId: string, grantId: string) => [...accessKeys.conversations(caseId), grantId] as const,
  inbox: () => [...accessKeys.all, 'inbox'] as const,
  pending: () => [...accessKeys.inbox(), 'pending'] as const,
  grants: () => [...accessKeys.inbox(), 'grants'] as const,
  breakGlass: () => [...accessKeys.inbox(), 'break-glass'] as const,
};
