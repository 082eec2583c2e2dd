import type { Policy } from '@docket/contracts';
import { isApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { useUpdatePolicy } from './update-policy-mutation';

export interface TogglePolicyDialogProps {
  policy: Policy;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Deactivating retires a policy for new decisions; the ones that cited it keep the code. */
export function TogglePolicyDialog({ policy, onClose, onDone }: TogglePolicyDialogProps) {
  const update = useUpdatePolicy();
  const deactivating = policy.active;
  const error = isApiError(update.error) ? update.error : null;

  function confirm() {
    update.mutate(
      { code: policy.code, changes: { title: policy.title, description: policy.description, active: !deactivating } },
      { onSuccess: () => onDone(`${deactivating ? 'Deactivated' : 'Activated'} ${policy.code}.`) },
    );
  }

  return (
    <Dialog
      title={`${deactivating ? 'Deactivate' : 'Activate'} ${policy.code}?`}
      size="sm"
      isOpen
      isDismissable
      onOpenChange={(open) => !open && onClose()}
    >
      {() => (
        <>
          {error && <ErrorAlert error={error} />}
          <p>
            {deactivating
              ? `Reviewers can no longer cite ${policy.code} (${policy.title}) in new decisions. Decisions that already cite it keep it.`
              : `Reviewers can cite ${policy.code} (${policy.title}) in decisions again.`}
          </p>
          <DialogActions>
            <Button onPress={onClose} autoFocus={deactivating}>
              Cancel
            </Button>
            <Button
              variant={deactivating ? 'danger' : 'primary'}
              onPress={confirm}
              isPending={update.isPending}
              autoFocus={!deactivating}
            >
              {deactivating ? 'Deactivate policy' : 'Activate policy'}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
