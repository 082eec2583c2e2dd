import type { AccessReviewList } from '@docket/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { auditKeys } from './keys';

export interface ReviewPeriod {
  from: string;
  to: string;
  /** '' for every grant, 'true' for break-glass only, 'false' for approved requests only. */
  breakGlass: string;
}

/** The default period: the last seven days up to now (rounded to the minute, so the key is stable). */
export function defaultReviewPeriod(now = Date.now()): ReviewPeriod {
  const minute = 60_000;
  const to = Math.ceil(now / minute) * minute;
  return { from: new Date(to - 7 * 24 * 60 * minute).toISOString(), to: new Date(to).toISOString(), breakGlass: '' };
}

/** The period in the URL, or the default one. */
export function reviewPeriodFrom(params: URLSearchParams, now = Date.now()): ReviewPeriod {
  const fallback = defaultReviewPeriod(now);
  return {
    from: params.get('from') ?? fallback.from,
    to: params.get('to') ?? fallback.to,
    breakGlass: params.get('breakGlass') === 'true' ? 'true' : '',
  };
}

export const accessReviewQuery = (period: ReviewPeriod) =>
  infiniteQueryOptions({
    queryKey: auditKeys.review(period),
    meta: { permission: 'read:audit' },
    queryFn: ({ pageParam, signal }) =>
      api.get<AccessReviewList>('/api/audit/access-review', {
        query: { ...period, cursor: pageParam, limit: 50 },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

export function useAccessReview(period: ReviewPeriod) {
  return useSuspenseInfiniteQuery(accessReviewQuery(period));
}
