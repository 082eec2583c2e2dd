/** Query keys of the service-accounts feature; there are few accounts, so one unfiltered list. */
export const serviceAccountKeys = {
  all: ['service-accounts'] as const,
  lists: () => [...serviceAccountKeys.all, 'list'] as const,
};
