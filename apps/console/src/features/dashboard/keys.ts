import type { DashboardPeriod } from './period';

/** Query keys of the dashboard: one per subject (`team`, or a reviewer's id) and period. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  view: (subject: string, period: DashboardPeriod) => [...dashboardKeys.all, subject, period] as const,
};
