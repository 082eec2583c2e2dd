import type { TransparencyReport } from '@docket/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { reportKeys } from './keys';
import type { ReportPeriodParams } from './period';

export function fetchReportPreview(period: ReportPeriodParams, signal?: AbortSignal): Promise<TransparencyReport> {
  return api.get<TransparencyReport>('/api/transparency/reports/preview', { signal, query: { ...period } });
}

export const reportPreviewQuery = (period: ReportPeriodParams) =>
  queryOptions({
    queryKey: reportKeys.preview(period),
    meta: { permission: 'publish:transparency' },
    queryFn: ({ signal }) => fetchReportPreview(period, signal),
  });

export function useReportPreview(period: ReportPeriodParams) {
  return useSuspenseQuery(reportPreviewQuery(period));
}
