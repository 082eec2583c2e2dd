import { EmptyState } from '../../ui/EmptyState';
import { PageHeader, Panel } from '../../ui/PageHeader';

export function AuditPage() {
  return (
    <div className="page">
      <PageHeader title="Audit" description="Every action, read and sign-in in Docket, searchable and verifiable." />
      <Panel>
        <EmptyState title="The audit log is not browsable here yet">
          Events are already being recorded; searching, exporting and verifying them arrive in a later release.
        </EmptyState>
      </Panel>
    </div>
  );
}
