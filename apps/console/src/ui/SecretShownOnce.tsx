import type { ReactNode } from 'react';
import { Alert } from './Alert';
import { Button } from './Button';
import { CopyField } from './CopyField';
import { DialogActions } from './Dialog';

/**
 * A secret Docket can never show again, with what identifies it: the first field to copy has
 * focus, and only "I have stored the secret" moves on.
 */
export function SecretShownOnce({
  title,
  children,
  fields,
  onStored,
}: {
  title: string;
  /** What the secret is for, and what to do if it is lost. */
  children: ReactNode;
  /** In display order; the last one is the secret and gets focus. */
  fields: { label: string; value: string }[];
  onStored: () => void;
}) {
  return (
    <>
      <Alert tone="info" title={title}>
        {children}
      </Alert>
      {fields.map((field, index) => (
        <CopyField key={field.label} label={field.label} value={field.value} autoFocus={index === fields.length - 1} />
      ))}
      <DialogActions>
        <Button variant="primary" onPress={onStored}>
          I have stored the secret
        </Button>
      </DialogActions>
    </>
  );
}
