/** Query keys of the holds feature: the holds, and the retention schedule. */
export const holdKeys = {
  all: ['holds'] as const,
  list: () => [...holdKeys.all, 'list'] as const,
  schedule: () => [...holdKeys.all, 'retention-schedule'] as const,
};
