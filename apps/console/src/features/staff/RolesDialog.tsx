import { ROLE_DESCRIPTIONS, ROLES, type Role } from '@docket/permissions';
import { isApiError } from '../../api/api-error';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useRemoveRole, useRequestRole } from './role-change-mutations';
import { roleLabel } from './roles';
import type { StaffDialogProps } from './staff-actions';
import { useStaffUser } from './staff-user-query';

/**
 * One role at a time: a held role is removed at once; one asked for waits for another admin.
 * Your own roles are shown but cannot be changed here (nor through the API).
 */
export function RolesDialog({ user: initial, isSelf, onClose }: StaffDialogProps) {
  const user = useStaffUser(initial);
  const request = useRequestRole();
  const remove = useRemoveRole();
  const failure = [request.error, remove.error].find(isApiError) ?? null;

  function stateOf(role: Role) {
    if (user.roles.includes(role)) return 'held';
    if (user.pendingRoles.includes(role)) return 'pending';
    return 'none';
  }

  return (
    <Dialog title={`Roles of ${user.username}`} isOpen onOpenChange={(open) => !open && onClose()}>
      {() => (
        <>
          {isSelf && <Alert tone="info">This is your own account: another admin changes your roles.</Alert>}
          {failure && <ErrorAlert error={failure} />}
          <ul className="staff-role-list">
            {ROLES.map((role) => {
              const state = stateOf(role);
              return (
                <li key={role} className="staff-role-item">
                  <div>
                    <strong>{roleLabel(role)}</strong> {state === 'held' && <Badge tone="accent">Held</Badge>}
                    {state === 'pending' && <Badge>Waiting for a second admin</Badge>}
                    <p className="staff-role-hint">{ROLE_DESCRIPTIONS[role]}</p>
                  </div>
                  {!isSelf && state !== 'pending' && (
                    <RoleButton
                      role={role}
                      verb={state === 'held' ? 'Remove' : 'Request'}
                      mutation={state === 'held' ? remove : request}
                      onPress={() => (state === 'held' ? remove : request).mutate({ id: user.id, role })}
                    />
                  )}
                </li>
              );
            })}
          </ul>
          <DialogActions>
            <Button variant="primary" onPress={onClose} autoFocus>
              Done
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

function RoleButton({
  role,
  verb,
  mutation,
  onPress,
}: {
  role: Role;
  verb: 'Remove' | 'Request';
  mutation: { isPending: boolean; variables?: { role: Role } | undefined };
  onPress: () => void;
}) {
  return (
    <Button
      size="sm"
      variant={verb === 'Remove' ? 'danger' : 'secondary'}
      isPending={mutation.isPending && mutation.variables?.role === role}
      onPress={onPress}
      aria-label={`${verb} ${roleLabel(role)}`}
    >
      {verb}
    </Button>
  );
}
