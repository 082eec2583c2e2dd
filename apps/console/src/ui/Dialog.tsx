import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import './dialog.css';

export interface DialogProps {
  title: string;
  /** Omit both inside a DialogTrigger, which controls the open state itself. */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  /** Close on a click outside. Off by default: a stray click must not throw away a filled-in form. */
  isDismissable?: boolean;
  /** Ignore Escape too, for a dialog that must end with an explicit choice (a secret shown once). */
  isKeyboardDismissDisabled?: boolean;
  size?: 'sm' | 'md';
  children: (close: () => void) => ReactNode;
}

/** A modal dialog: focus is trapped inside, Escape closes it, focus returns to what opened it. */
export function Dialog({
  title,
  isOpen,
  onOpenChange,
  isDismissable = false,
  isKeyboardDismissDisabled = false,
  size = 'md',
  children,
}: DialogProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={isKeyboardDismissDisabled}
    >
      <Modal className={`modal modal-${size}`}>
        <AriaDialog className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog-title">
                {title}
              </Heading>
              {children(close)}
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The row of buttons at the bottom of a dialog. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="dialog-actions">{children}</div>;
}
