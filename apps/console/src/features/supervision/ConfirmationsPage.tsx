import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Panel } from '../../ui/PageHeader';
import { StatusMessage } from '../../ui/StatusMessage';
import { useSession } from '../auth/session-query';
import { policyListQuery } from '../policies/policy-list-query';
import { useQueueNames } from '../queues/use-queue-name';
import { ConfirmDecisionDialog } from './ConfirmDecisionDialog';
import { type ConfirmationAction, PendingDecisionCard } from './PendingDecisionCard';
import { type PendingConfirmation, usePendingConfirmations } from './pending-confirmations-query';
import { RejectDecisionDialog } from './RejectDecisionDialog';

export function ConfirmationsPage() {
  const session = useSession();
  const pending = usePendingConfirmations();
  const policies = useQuery(policyListQuery());
  const queueName = useQueueNames();
  const [message, setMessage] = useState<string | null>(null);
  const [active, setActive] = useState<{ action: ConfirmationAction; decision: PendingConfirmation } | null>(null);
  const items = pending.data.pages.flatMap((page) => page.items);
  const refreshError = pending.isRefetchError ? (isApiError(pending.error) ? pending.error : networkError()) : null;
  const loadMoreError = pending.isFetchNextPageError
    ? isApiError(pending.error)
      ? pending.error
      : networkError()
    : null;
  const policyTitle = (code: string) => policies.data?.items.find((policy) => policy.code === code)?.title;

  function done(text: string) {
    setActive(null);
    setMessage(text);
  }

  return (
    <>
      <StatusMessage message={message} onDismiss={() => setMessage(null)} />
      {refreshError && <ErrorAlert error={refreshError} title="Could not refresh the list; Docket keeps trying." />}
      {items.length === 0 ? (
        <Panel>
          <EmptyState title="Nothing awaits confirmation">
            Suspensions and referrals to law enforcement appear here until a supervisor other than the one who decided
            confirms or rejects them.
          </EmptyState>
        </Panel>
      ) : (
        <ul className="pending-list" aria-label="Decisions awaiting confirmation">
          {items.map((decision) => (
            <PendingDecisionCard
              key={decision.id}
              decision={decision}
              queueName={queueName(decision.case.queueId)}
              policyTitle={policyTitle(decision.policyCode)}
              isOwn={decision.decidedBy.id === session.user.id}
              onAction={(action, target) => setActive({ action, decision: target })}
            />
          ))}
        </ul>
      )}
      {loadMoreError && <ErrorAlert error={loadMoreError} title="Could not load more decisions" />}
      {pending.hasNextPage && (
        <div className="supervision-more">
          <Button onPress={() => pending.fetchNextPage()} isPending={pending.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
      {active?.action === 'confirm' && (
        <ConfirmDecisionDialog decision={active.decision} onClose={() => setActive(null)} onDone={done} />
      )}
      {active?.action === 'reject' && (
        <RejectDecisionDialog decision={active.decision} onClose={() => setActive(null)} onDone={done} />
      )}
    </>
  );
}
