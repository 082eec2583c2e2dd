/** Query keys of the queues feature; claiming a case will invalidate everything under ['queues']. */
export const queueKeys = {
  all: ['queues'] as const,
  summaries: () => [...queueKeys.all, 'summary'] as const,
  settings: () => [...queueKeys.all, 'settings'] as const,
};
