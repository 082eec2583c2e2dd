import type { RoleChange } from '@docket/contracts';
import { isApiError, networkError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Panel } from '../../ui/PageHeader';
import { Spinner } from '../../ui/Spinner';
import { Timestamp } from '../../ui/Timestamp';
import { useDecideRoleChange } from './role-change-mutations';
import { usePendingRoleChanges } from './role-changes-query';
import { roleLabel } from './roles';

const DECISIONS = [
  { outcome: 'reject', verb: 'Reject', done: 'Rejected' },
  { outcome: 'confirm', verb: 'Confirm', done: 'Confirmed' },
] as const;

/**
 * Role grants waiting for a second admin. Your own requests, and grants to you, are listed but
 * cannot be decided by you: the API refuses them, so the console does not offer them.
 */
export function PendingRoleChanges({
  currentUserId,
  canDecide,
  onDone,
}: {
  currentUserId: string;
  canDecide: boolean;
  onDone: (message: string) => void;
}) {
  const pending = usePendingRoleChanges();
  const decide = useDecideRoleChange();
  const decideError = isApiError(decide.error) ? decide.error : null;

  function why(change: RoleChange): string | null {
    if (change.requestedBy.id === currentUserId) return 'Your request: another admin decides it.';
    if (change.staff.id === currentUserId) return 'Your own account: another admin decides it.';
    return null;
  }

  return (
    <section aria-labelledby="pending-role-changes" className="staff-pending">
      <h2 id="pending-role-changes">Role changes waiting</h2>
      <Panel>
        {pending.isPending ? (
          <p role="status" className="staff-role-hint">
            <Spinner /> Loading role changes…
          </p>
        ) : pending.isError ? (
          <ErrorAlert
            error={isApiError(pending.error) ? pending.error : networkError()}
            title="Could not load role changes"
          />
        ) : pending.data.items.length === 0 ? (
          <EmptyState title="Nothing waiting">Roles asked for by an admin appear here for another admin.</EmptyState>
        ) : (
          <>
            {decideError && <ErrorAlert error={decideError} />}
            <ul className="staff-pending-list">
              {pending.data.items.map((change) => {
                const reason = why(change);
                const label = `${roleLabel(change.role)} for ${change.staff.username}`;
                return (
                  <li key={change.id} className="staff-pending-item" aria-label={label}>
                    <div>
                      <strong>{roleLabel(change.role)}</strong> for{' '}
                      <span className="mono">{change.staff.username}</span> ({change.staff.displayName})
                      <p className="staff-role-hint">
                        Asked by <span className="mono">{change.requestedBy.username}</span>,{' '}
                        <Timestamp value={change.requestedAt} />
                      </p>
                    </div>
                    {reason || !canDecide ? (
                      <span className="staff-role-hint">{reason}</span>
                    ) : (
                      <span className="staff-pending-actions">
                        {DECISIONS.map(({ outcome, verb, done }) => (
                          <Button
                            key={outcome}
                            size="sm"
                            variant={outcome === 'confirm' ? 'primary' : 'secondary'}
                            onPress={() =>
                              decide.mutate(
                                { id: change.id, outcome },
                                { onSuccess: () => onDone(`${done} ${label}.`) },
                              )
                            }
                            aria-label={`${verb} ${label}`}
                          >
                            {verb}
                          </Button>
                        ))}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Panel>
    </section>
  );
}
