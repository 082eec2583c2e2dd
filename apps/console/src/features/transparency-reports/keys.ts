import type { ReportPeriodParams } from './period';

/** Query keys of transparency reports: a period's preview, the published versions, one version. */
export const reportKeys = {
  all: ['transparency-reports'] as const,
  preview: (period: ReportPeriodParams) => [...reportKeys.all, 'preview', period] as const,
  published: () => [...reportKeys.all, 'published'] as const,
  version: (id: string) => [...reportKeys.all, 'published', id] as const,
};
