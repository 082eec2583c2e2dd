import type { ServiceAccount } from '@docket/contracts';
import { EnableDisableDialog } from '../../ui/EnableDisableDialog';
import { useSetServiceAccountDisabled } from './set-service-account-disabled-mutation';

export interface ToggleServiceAccountDialogProps {
  account: ServiceAccount;
  onClose: () => void;
  /** Called after success with a sentence for the page's status message. */
  onDone: (message: string) => void;
}

/** Confirms disabling (the platform is cut off at once) or re-enabling a service account. */
export function ToggleServiceAccountDialog({ account, onClose, onDone }: ToggleServiceAccountDialogProps) {
  const toggle = useSetServiceAccountDisabled();
  const disabling = account.disabledAt === null;

  return (
    <EnableDisableDialog
      id={account.id}
      name={account.name}
      kind="service account"
      disabling={disabling}
      toggle={toggle}
      onClose={onClose}
      onDone={onDone}
    >
      {disabling ? (
        <p>
          Docket refuses every request signed with key <code>{account.keyId}</code> from the moment you confirm: the
          platform cannot send reports until an admin enables the account again. Reports already received stay.
        </p>
      ) : (
        <p>
          Requests signed with key <code>{account.keyId}</code> and its current secret are accepted again at once.
        </p>
      )}
    </EnableDisableDialog>
  );
}
