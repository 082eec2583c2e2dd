import type { PublishedReport, PublishReportBody } from '@docket/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { reportKeys } from './keys';

export function publishReport(body: Partial<PublishReportBody>): Promise<PublishedReport> {
  return api.post<PublishedReport>('/api/transparency/reports', body);
}

export function usePublishReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishReport,
    onSuccess: (published) => {
      queryClient.setQueryData(reportKeys.version(published.id), published);
      return queryClient.invalidateQueries({ queryKey: reportKeys.published() });
    },
  });
}
