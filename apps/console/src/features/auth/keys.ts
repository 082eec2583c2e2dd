/** Query keys of the auth feature; everything session-related hangs under ['auth']. */
export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
};
