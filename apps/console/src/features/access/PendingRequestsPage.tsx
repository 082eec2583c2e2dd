import type { PendingAccessRequest } from '@docket/contracts';
import { useState } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { Panel } from '../../ui/PageHeader';
import { StatusMessage } from '../../ui/StatusMessage';
import { useSession } from '../auth/session-query';
import { useQueueNames } from '../queues/use-queue-name';
import { ApproveRequestDialog } from './ApproveRequestDialog';
import { DenyRequestDialog } from './DenyRequestDialog';
import { PendingRequestCard, type RequestAction } from './PendingRequestCard';
import { usePendingRequests } from './pending-requests-query';

export function PendingRequestsPage() {
  const session = useSession();
  const { items } = usePendingRequests();
  const queueName = useQueueNames();
  const [message, setMessage] = useState<string | null>(null);
  const [active, setActive] = useState<{ action: RequestAction; request: PendingAccessRequest } | null>(null);

  function done(text: string) {
    setActive(null);
    setMessage(text);
  }

  return (
    <>
      <StatusMessage message={message} onDismiss={() => setMessage(null)} />
      {items.length === 0 ? (
        <Panel>
          <EmptyState title="No pending requests">
            Requests appear here the moment a reviewer asks to read a conversation beyond the reported messages.
          </EmptyState>
        </Panel>
      ) : (
        <ul className="pending-list" aria-label="Pending access requests">
          {items.map((request) => (
            <PendingRequestCard
              key={request.id}
              request={request}
              queueName={queueName(request.case.queueId)}
              isOwn={request.requester.id === session.user.id}
              onAction={(action, target) => setActive({ action, request: target })}
            />
          ))}
        </ul>
      )}
      {active?.action === 'approve' && (
        <ApproveRequestDialog request={active.request} onClose={() => setActive(null)} onDone={done} />
      )}
      {active?.action === 'deny' && (
        <DenyRequestDialog request={active.request} onClose={() => setActive(null)} onDone={done} />
      )}
    </>
  );
}
