import type { Dashboard } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { dashboardKeys } from './keys';
import type { DashboardPeriod } from './period';

const query = (period: DashboardPeriod | undefined) => ({ from: period?.from, to: period?.to });

export function fetchTeamDashboard(period: DashboardPeriod | undefined, signal?: AbortSignal): Promise<Dashboard> {
  return api.get<Dashboard>('/api/dashboard/team', { signal, query: query(period) });
}

export function fetchReviewerDashboard(
  reviewerId: string,
  period: DashboardPeriod | undefined,
  signal?: AbortSignal,
): Promise<Dashboard> {
  return api.get<Dashboard>(`/api/dashboard/reviewers/${encodeURIComponent(reviewerId)}`, {
    signal,
    query: query(period),
  });
}

export const teamDashboardQuery = (period: DashboardPeriod) =>
  queryOptions({
    queryKey: dashboardKeys.view('team', period),
    meta: { permission: 'read:team_dashboard' },
    queryFn: ({ signal }) => fetchTeamDashboard(period, signal),
  });

export const reviewerDashboardQuery = (reviewerId: string, period: DashboardPeriod) =>
  queryOptions({
    queryKey: dashboardKeys.view(reviewerId, period),
    meta: { permission: 'read:dashboard' },
    queryFn: ({ signal }) => fetchReviewerDashboard(reviewerId, period, signal),
  });

/** The team's figures for a supervisor; a reviewer's own otherwise (the server refuses anyone else's). */
export function dashboardQueryFor(
  session: { user: { id: string }; permissions: readonly string[] },
  period: DashboardPeriod,
) {
  return session.permissions.includes('read:team_dashboard')
    ? teamDashboardQuery(period)
    : reviewerDashboardQuery(session.user.id, period);
}

export function useDashboard(
  session: { user: { id: string }; permissions: readonly string[] },
  period: DashboardPeriod,
) {
  return useSuspenseQuery(dashboardQueryFor(session, period));
}
