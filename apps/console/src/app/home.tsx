import type { QueryClient } from '@tanstack/react-query';
import { type LoaderFunctionArgs, redirect } from 'react-router';
import { requireSession } from '../features/auth/require-session';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader, Panel } from '../ui/PageHeader';
import { homePathFor } from './navigation';

/** `/` is not a page of its own: it forwards to the first section the person can see. */
export function homeLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const session = await requireSession(queryClient, request);
    const home = homePathFor(session.permissions);
    if (home) throw redirect(home);
    return null;
  };
}

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
