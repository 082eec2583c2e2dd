import type { ReactNode } from 'react';
import type { ApiError } from '../api/api-error';
import { ErrorAlert } from './Alert';
import { Button } from './Button';
import { Dialog, DialogActions } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** A destructive action (locks someone out, cuts a platform off) is red, and focus starts on Cancel. */
  destructive: boolean;
  isPending: boolean;
  error: ApiError | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" for one action: what will happen, Cancel, and the action itself. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  destructive,
  isPending,
  error,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Dialog title={title} size="sm" isOpen isDismissable onOpenChange={(open) => !open && onClose()}>
      {() => (
        <>
          {error && <ErrorAlert error={error} />}
          {children}
          <DialogActions>
            {/* Focus starts on the harmless choice when the action is destructive. */}
            <Button onPress={onClose} autoFocus={destructive}>
              Cancel
            </Button>
            <Button
              variant={destructive ? 'danger' : 'primary'}
              onPress={onConfirm}
              isPending={isPending}
              autoFocus={!destructive}
            >
              {confirmLabel}
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}
