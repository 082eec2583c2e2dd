/** Query keys of the legal desk: the list, each request, and its history from the log. */
export const legalKeys = {
  all: ['legal'] as const,
  requests: () => [...legalKeys.all, 'requests'] as const,
  request: (id: string) => [...legalKeys.all, 'request', id] as const,
  history: (id: string) => [...legalKeys.all, 'history', id] as const,
};
