import type { StaffUser } from '@docket/contracts';

/** What can be done to one staff account from its row. */
export type StaffAction = 'edit' | 'roles' | 'reset' | 'toggle';

export interface StaffDialogProps {
  user: StaffUser;
  /** The account is the signed-in admin's own. */
  isSelf: boolean;
  onClose: () => void;
  /** Called after success with a sentence for the page's status message. */
  onDone: (message: string) => void;
}
