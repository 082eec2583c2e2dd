import { EmptyState } from '../../ui/EmptyState';
import { PageHeader, Panel } from '../../ui/PageHeader';

export function AccessRequestsPage() {
  return (
    <div className="page">
      <PageHeader
        title="Access requests"
        description="Requests from reviewers to read a conversation, waiting for a supervisor's decision."
      />
      <Panel>
        <EmptyState title="No access requests">
          Requests appear here when a reviewer asks to read a conversation beyond the reported messages.
        </EmptyState>
      </Panel>
    </div>
  );
}
