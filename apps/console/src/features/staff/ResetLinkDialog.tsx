import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useIssueResetLink } from './issue-reset-link-mutation';
import { OneTimeLink } from './OneTimeLink';
import type { StaffDialogProps } from './staff-actions';

/** Issues a one-time reset link; the owner chooses the new password, never the admin. */
export function ResetLinkDialog({ user, onClose }: StaffDialogProps) {
  const issue = useIssueResetLink();
  const error = isApiError(issue.error) ? issue.error : null;

  return (
    <Dialog title={`Reset password for ${user.username}`} size="sm" isOpen onOpenChange={(open) => !open && onClose()}>
      {() =>
        issue.data ? (
          <OneTimeLink link={issue.data} username={user.username} onDone={onClose}>
            Using it ends every session of {user.username}.
          </OneTimeLink>
        ) : (
          <>
            {error && <ErrorAlert error={error} />}
            <p>
              {user.displayName} gets a link to choose a new password. It replaces any link issued before, and you see
              it only once.
            </p>
            <DialogActions>
              <Button onPress={onClose}>Cancel</Button>
              <Button variant="primary" autoFocus isPending={issue.isPending} onPress={() => issue.mutate(user.id)}>
                Issue reset link
              </Button>
            </DialogActions>
          </>
        )
      }
    </Dialog>
  );
}
