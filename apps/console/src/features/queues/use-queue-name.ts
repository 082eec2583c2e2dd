import { usePermittedQuery } from '../auth/permissions';
import { queueSummaryQuery } from './queue-summary-query';

/**
 * A queue's display name from the cached summary, without the queues page's polling. Falls back
 * to the id until the summary is there, or for someone who may not see the queues.
 */
export function useQueueNames(): (queueId: string) => string {
  const { data } = usePermittedQuery({ ...queueSummaryQuery(), refetchInterval: false });
  return (queueId) => data?.items.find((queue) => queue.id === queueId)?.name ?? queueId;
}
