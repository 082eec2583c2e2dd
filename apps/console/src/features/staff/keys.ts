/** Query keys of the staff feature, hierarchical so one invalidation reaches every list. */
export const staffKeys = {
  all: ['staff'] as const,
  lists: () => [...staffKeys.all, 'list'] as const,
  list: (filters: { q: string }) => [...staffKeys.lists(), filters] as const,
  details: () => [...staffKeys.all, 'detail'] as const,
  detail: (id: string) => [...staffKeys.details(), id] as const,
  pendingRoleChanges: () => [...staffKeys.all, 'role-changes', 'pending'] as const,
};
