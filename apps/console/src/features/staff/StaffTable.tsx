import type { StaffUser } from '@docket/contracts';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { ActionMenu } from '../../ui/ActionMenu';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { Timestamp } from '../../ui/Timestamp';
import { roleLabel } from './roles';
import type { StaffAction } from './staff-actions';
import '../../ui/table.css';

export interface StaffTableProps {
  items: StaffUser[];
  q: string;
  currentUserId: string;
  /** Absent when the viewer lacks manage:staff: no actions column at all. */
  onAction?: (action: StaffAction, user: StaffUser) => void;
}

export function StaffTable({ items, q, currentUserId, onAction }: StaffTableProps) {
  return (
    <Table aria-label="Staff accounts" className="data-table staff-table">
      <TableHeader>
        <Column isRowHeader className="column staff-col-username">
          Username
        </Column>
        <Column className="column staff-col-name">Name</Column>
        <Column className="column staff-col-roles">Roles</Column>
        <Column className="column staff-col-status">Status</Column>
        <Column className="column staff-col-time">Last sign-in</Column>
        <Column className="column staff-col-time">Created</Column>
        {onAction && (
          <Column className="column column-actions">
            <span className="visually-hidden">Actions</span>
          </Column>
        )}
      </TableHeader>
      <TableBody
        items={items}
        dependencies={[onAction, currentUserId]}
        renderEmptyState={() => (
          <EmptyState title={q ? `No staff match “${q}”` : 'No staff accounts'}>
            {q ? 'Search looks at usernames and display names.' : null}
          </EmptyState>
        )}
      >
        {(user) => (
          <Row id={user.id} className="row">
            <Cell className="cell">
              <span className="mono">{user.username}</span>
              {user.id === currentUserId && <span className="staff-you"> (you)</span>}
            </Cell>
            <Cell className="cell">{user.displayName}</Cell>
            <Cell className="cell">
              <span className="staff-roles">
                {user.roles.map((role) => (
                  <Badge key={role} tone="accent">
                    {roleLabel(role)}
                  </Badge>
                ))}
                {user.pendingRoles.map((role) => (
                  <Badge key={role}>{roleLabel(role)} (pending)</Badge>
                ))}
              </span>
            </Cell>
            <Cell className="cell">
              {user.disabledAt ? (
                <Badge tone="danger">Disabled</Badge>
              ) : user.enrolled ? (
                <Badge tone="success">Active</Badge>
              ) : (
                <Badge>Not enrolled yet</Badge>
              )}
            </Cell>
            <Cell className="cell cell-muted">
              <Timestamp value={user.lastSignInAt} empty="Never" />
            </Cell>
            <Cell className="cell cell-muted">
              <Timestamp value={user.createdAt} />
            </Cell>
            {onAction && (
              <Cell className="cell cell-actions">
                <StaffRowActions user={user} isSelf={user.id === currentUserId} onAction={onAction} />
              </Cell>
            )}
          </Row>
        )}
      </TableBody>
    </Table>
  );
}

function StaffRowActions({
  user,
  isSelf,
  onAction,
}: {
  user: StaffUser;
  isSelf: boolean;
  onAction: (action: StaffAction, user: StaffUser) => void;
}) {
  const disabled = user.disabledAt !== null;
  return (
    <ActionMenu<StaffAction>
      label={`Actions for ${user.username}`}
      items={[
        { id: 'edit', label: 'Edit name…' },
        { id: 'roles', label: isSelf ? 'Roles (yours: another admin changes them)…' : 'Roles…' },
        { id: 'reset', label: 'Reset password…', isDisabled: isSelf },
        disabled
          ? { id: 'toggle', label: 'Enable account…' }
          : // The API refuses disabling yourself; say so up front by not offering it.
            {
              id: 'toggle',
              label: isSelf ? 'Disable account (not your own)' : 'Disable account…',
              tone: 'danger',
              isDisabled: isSelf,
            },
      ]}
      onAction={(action) => onAction(action, user)}
    />
  );
}
