import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../api/api-error';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Confirms disabling or re-enabling one thing (a staff account, a service account, a webhook
 * endpoint): which way is decided by its current state, the words by the caller.
 */
export function EnableDisableDialog({
  id,
  name,
  kind,
  disabling,
  toggle,
  onClose,
  onDone,
  children,
}: {
  id: string;
  /** How the title and the status message name it, e.g. a username. */
  name: string;
  /** What the confirm button calls it, e.g. "account". */
  kind: string;
  disabling: boolean;
  toggle: UseMutationResult<unknown, Error, { id: string; disabled: boolean }>;
  onClose: () => void;
  /** Called after success with a sentence for the page's status message. */
  onDone: (message: string) => void;
  /** What will happen, for this direction. */
  children: ReactNode;
}) {
  const verb = disabling ? 'Disable' : 'Enable';
  return (
    <ConfirmDialog
      title={`${verb} ${name}?`}
      confirmLabel={`${verb} ${kind}`}
      destructive={disabling}
      isPending={toggle.isPending}
      error={isApiError(toggle.error) ? toggle.error : null}
      onClose={onClose}
      onConfirm={() => toggle.mutate({ id, disabled: disabling }, { onSuccess: () => onDone(`${verb}d ${name}.`) })}
    >
      {children}
    </ConfirmDialog>
  );
}
