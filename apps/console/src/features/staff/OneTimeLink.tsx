import type { StaffLink } from '@docket/contracts';
import type { ReactNode } from 'react';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyField';
import { DialogActions } from '../../ui/Dialog';
import { Timestamp } from '../../ui/Timestamp';

/**
 * A link shown this once, as the last step of a dialog: Docket keeps only its hash, so closing
 * the dialog loses it for good.
 */
export function OneTimeLink({
  link,
  username,
  children,
  onDone,
}: {
  link: StaffLink;
  username: string;
  children: ReactNode;
  onDone: () => void;
}) {
  const url = `${window.location.origin}${link.path}`;
  return (
    <>
      <Alert tone="info">
        Send this link to {username} through a trusted channel. It is shown only now, works once, and expires{' '}
        <Timestamp value={link.expiresAt} />.{' '}
        {link.purpose === 'enrol'
          ? 'They choose their own password with it.'
          : 'Their old password works until they use it.'}
      </Alert>
      <CopyField label={link.purpose === 'enrol' ? 'Enrolment link' : 'Password reset link'} value={url} autoFocus />
      <p>{children}</p>
      <DialogActions>
        <Button variant="primary" onPress={onDone}>
          Done
        </Button>
      </DialogActions>
    </>
  );
}
