import type { PublishedReport, PublishedReportList } from '@docket/contracts';
import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { reportKeys } from './keys';

/** Published versions are public (as on /transparency): the queries name no permission. */
export function fetchPublishedReports(signal?: AbortSignal): Promise<PublishedReportList> {
  return api.get<PublishedReportList>('/api/transparency/reports', { signal });
}

export const publishedReportsQuery = () =>
  queryOptions({ queryKey: reportKeys.published(), queryFn: ({ signal }) => fetchPublishedReports(signal) });

export function usePublishedReports() {
  return useSuspenseQuery(publishedReportsQuery());
}

export function fetchPublishedReport(id: string, signal?: AbortSignal): Promise<PublishedReport> {
  return api.get<PublishedReport>(`/api/transparency/reports/${encodeURIComponent(id)}`, { signal });
}

export const publishedReportQuery = (id: string) =>
  queryOptions({ queryKey: reportKeys.version(id), queryFn: ({ signal }) => fetchPublishedReport(id, signal) });

/** One version with its changes, fetched when someone opens them. */
export function usePublishedReport(id: string, enabled: boolean) {
  return useQuery({ ...publishedReportQuery(id), enabled });
}
