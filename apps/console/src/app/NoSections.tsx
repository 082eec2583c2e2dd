import { EmptyState } from '../ui/EmptyState';
import { PageHeader, Panel } from '../ui/PageHeader';

/** Only reached by an account whose roles open no section at all. */
export function NoSections() {
  return (
    <div className="page">
      <PageHeader title="Nothing to show yet" />
      <Panel>
        <EmptyState title="Your roles do not open any part of Docket.">
          Ask an administrator to give your account the role your work needs.
        </EmptyState>
      </Panel>
    </div>
  );
}
