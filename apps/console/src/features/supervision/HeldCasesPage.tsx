import type { CaseSummary } from '@docket/contracts';
import { useState } from 'react';
import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Panel } from '../../ui/PageHeader';
import { StatusMessage } from '../../ui/StatusMessage';
import { useNow } from '../../ui/use-now';
import { useSession } from '../auth/session-query';
import { useQueueNames } from '../queues/use-queue-name';
import { CaseHoldDialog } from './CaseHoldDialog';
import { HeldCasesTable, type HoldAction } from './HeldCasesTable';
import { useHeldCases } from './held-cases-query';
import { ReassignDialog } from './ReassignDialog';

export function HeldCasesPage() {
  const session = useSession();
  const list = useHeldCases();
  const now = useNow();
  const queueName = useQueueNames();
  const [message, setMessage] = useState<string | null>(null);
  const [active, setActive] = useState<{ action: HoldAction; summary: CaseSummary } | null>(null);

  const items = list.data.pages.flatMap((page) => page.items);
  const loadMoreError = list.isFetchNextPageError ? (isApiError(list.error) ? list.error : networkError()) : null;
  const refreshError = list.isRefetchError ? (isApiError(list.error) ? list.error : networkError()) : null;

  return (
    <>
      <div className="supervision-toolbar">
        <span>
          {items.length} {items.length === 1 ? 'case' : 'cases'} held
          {list.hasNextPage ? ' shown, more available' : ''}
        </span>
      </div>
      <StatusMessage message={message} onDismiss={() => setMessage(null)} />
      {refreshError && <ErrorAlert error={refreshError} title="Could not refresh the list; Docket keeps trying." />}
      <Panel>
        <HeldCasesTable
          items={items}
          now={now}
          currentUserId={session.user.id}
          queueName={queueName}
          onAction={(action, summary) => setActive({ action, summary })}
        />
      </Panel>
      {loadMoreError && <ErrorAlert error={loadMoreError} title="Could not load more cases" />}
      {list.hasNextPage && (
        <div className="supervision-more">
          <Button onPress={() => list.fetchNextPage()} isPending={list.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
      {active?.action === 'reassign' && (
        <ReassignDialog
          summary={active.summary}
          queueName={queueName(active.summary.queueId)}
          onClose={() => setActive(null)}
          onDone={(text) => {
            setActive(null);
            setMessage(text);
          }}
        />
      )}
      {active && active.action !== 'reassign' && (
        <CaseHoldDialog
          action={active.action}
          summary={active.summary}
          currentUserId={session.user.id}
          queueName={queueName(active.summary.queueId)}
          onClose={() => setActive(null)}
          onDone={(text) => {
            setActive(null);
            setMessage(text);
          }}
        />
      )}
    </>
  );
}
