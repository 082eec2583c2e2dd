/**
 * Query keys of the cases feature. A case's detail carries message content: it is cached only
 * while its screen is open (see use-drop-case-on-leave.ts).
 */
export const caseKeys = {
  all: ['cases'] as const,
  details: () => [...caseKeys.all, 'detail'] as const,
  detail: (id: string) => [...caseKeys.details(), id] as const,
};

export function casePath(id: string): string {
  return `/cases/${encodeURIComponent(id)}`;
}
