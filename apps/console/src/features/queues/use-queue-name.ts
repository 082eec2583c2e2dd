import { useQuery } from '@tanstack/react-query';
import { queueSummaryQuery } from './queue-summary-query';

/**
 * A queue's display name from the cached summary, without the queues page's polling. Falls back
 * to the id until the summary is there.
 */
export function useQueueNames(): (queueId: string) => string {
  const { data } = useQuery({ ...queueSummaryQuery(), refetchInterval: false });
  return (queueId) => data?.items.find((queue) => queue.id === queueId)?.name ?? queueId;
}
