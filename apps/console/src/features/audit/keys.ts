import type { AuditFilters } from './audit-filters';

/** Query keys of the audit feature (the log itself never changes, so nothing here is invalidated). */
export const auditKeys = {
  all: ['audit'] as const,
  events: (filters: AuditFilters) => [...auditKeys.all, 'events', filters] as const,
  event: (id: string) => [...auditKeys.all, 'event', id] as const,
  trace: (grantId: string) => [...auditKeys.all, 'trace', grantId] as const,
  review: (period: { from: string; to: string; breakGlass: string }) => [...auditKeys.all, 'review', period] as const,
  staffReview: (period: { from: string; to: string }) => [...auditKeys.all, 'staff-review', period] as const,
  status: () => [...auditKeys.all, 'status'] as const,
};
