import type { StaffUser } from '@docket/contracts';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PageHeader, Panel } from '../../ui/PageHeader';
import { StatusMessage } from '../../ui/StatusMessage';
import { hasPermission } from '../auth/permissions';
import { useSession } from '../auth/session-query';
import { CreateStaffDialog } from './CreateStaffDialog';
import { PendingRoleChanges } from './PendingRoleChanges';
import { StaffActionDialog } from './StaffActionDialog';
import { StaffSearch } from './StaffSearch';
import { StaffTable } from './StaffTable';
import type { StaffAction } from './staff-actions';
import { useStaffList } from './staff-list-query';
import './staff.css';

export function StaffPage() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const session = useSession();
  const canManage = hasPermission(session, 'manage:staff');
  const list = useStaffList(q);
  const [message, setMessage] = useState<string | null>(null);
  const [active, setActive] = useState<{ action: StaffAction; user: StaffUser } | null>(null);

  const items = list.data.pages.flatMap((page) => page.items);
  const loadMoreError = list.isFetchNextPageError ? (isApiError(list.error) ? list.error : networkError()) : null;

  return (
    <div className="page">
      <PageHeader
        title="Staff"
        description="Everyone who can sign in to Docket, and the roles that decide what they can do."
        actions={
          canManage && (
            <CreateStaffDialog
              onCreated={(user) => setMessage(`Created ${user.username}; their roles wait for a second admin.`)}
            />
          )
        }
      />

      <div className="staff-toolbar">
        <StaffSearch q={q} />
        <span className="staff-count">
          {items.length} {items.length === 1 ? 'account' : 'accounts'}
          {list.hasNextPage ? ' shown, more available' : ''}
        </span>
      </div>

      <StatusMessage message={message} onDismiss={() => setMessage(null)} />

      <PendingRoleChanges currentUserId={session.user.id} canDecide={canManage} onDone={setMessage} />

      <Panel>
        <StaffTable
          items={items}
          q={q}
          currentUserId={session.user.id}
          onAction={canManage ? (action, user) => setActive({ action, user }) : undefined}
        />
      </Panel>

      {loadMoreError && <ErrorAlert error={loadMoreError} title="Could not load more staff" />}
      {list.hasNextPage && (
        <div className="staff-more">
          <Button onPress={() => list.fetchNextPage()} isPending={list.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}

      {active && (
        <StaffActionDialog
          action={active.action}
          user={active.user}
          isSelf={active.user.id === session.user.id}
          onClose={() => setActive(null)}
          onDone={(text) => {
            setActive(null);
            setMessage(text);
          }}
        />
      )}
    </div>
  );
}
