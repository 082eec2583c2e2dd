import type { Policy } from '@docket/contracts';
import { isApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { policyInput } from './policy-input';
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

  return (
    <ConfirmDialog
      title={`${deactivating ? 'Deactivate' : 'Activate'} ${policy.code}?`}
      confirmLabel={deactivating ? 'Deactivate policy' : 'Activate policy'}
      destructive={deactivating}
      isPending={update.isPending}
      error={isApiError(update.error) ? update.error : null}
      onClose={onClose}
      onConfirm={() =>
        update.mutate(
          {
            code: policy.code,
            changes: { ...policyInput(policy), active: !deactivating },
          },
          { onSuccess: () => onDone(`${deactivating ? 'Deactivated' : 'Activated'} ${policy.code}.`) },
        )
      }
    >
      <p>
        {deactivating
          ? `Reviewers can no longer cite ${policy.code} (${policy.title}) in new decisions. Decisions that already cite it keep it.`
          : `Reviewers can cite ${policy.code} (${policy.title}) in decisions again.`}
      </p>
    </ConfirmDialog>
  );
}
