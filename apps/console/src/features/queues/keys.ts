/** Query keys of the queues feature; claiming a case will invalidate everything under ['queues']. */
export const queueKeys = {
  all: ['queues'] as const,
  summaries: () => [...queueKeys.all, 'summary'] as const,
  settings: () => [...queueKeys.all, 'settings'] as const,
  /** The cases I hold: here so every claim, release and decision refreshes the held-case banner. */
  heldByMe: () => [...queueKeys.all, 'held-by-me'] as const,
};
