/** Query keys of the policy catalog; one list per session (the server decides what it holds). */
export const policyKeys = {
  all: ['policies'] as const,
  lists: () => [...policyKeys.all, 'list'] as const,
};
