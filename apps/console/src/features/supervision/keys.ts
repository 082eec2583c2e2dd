/** Query keys of the supervisors' pages; deciding and claiming invalidate everything under ['supervision']. */
export const supervisionKeys = {
  all: ['supervision'] as const,
  heldCases: () => [...supervisionKeys.all, 'held-cases'] as const,
  pendingConfirmations: () => [...supervisionKeys.all, 'pending-confirmations'] as const,
  assignees: (caseId: string) => [...supervisionKeys.all, 'assignees', caseId] as const,
};
