import type { StaffReview } from '@docket/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { auditKeys } from './keys';

export const staffReviewQuery = (period: { from: string; to: string }) =>
  queryOptions({
    queryKey: auditKeys.staffReview({ from: period.from, to: period.to }),
    queryFn: ({ signal }) =>
      api.get<StaffReview>('/api/audit/access-review/staff', { query: { from: period.from, to: period.to }, signal }),
  });

export function useStaffReview(period: { from: string; to: string }) {
  return useQuery(staffReviewQuery(period));
}
