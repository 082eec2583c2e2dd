import { EmptyState } from '../../ui/EmptyState';
import { PageHeader, Panel } from '../../ui/PageHeader';

export function QueuesPage() {
  return (
    <div className="page">
      <PageHeader title="Queues" description="Report queues you can work, with their open cases and SLA." />
      <Panel>
        <EmptyState title="No queues yet">Queues appear here once reports arrive.</EmptyState>
      </Panel>
    </div>
  );
}
