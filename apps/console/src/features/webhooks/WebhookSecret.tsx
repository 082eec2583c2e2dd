import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyField';
import { DialogActions } from '../../ui/Dialog';

/** An endpoint's signing secret, new or rotated; Docket can never show it again. */
export function WebhookSecret({ secret, onStored }: { secret: string; onStored: () => void }) {
  return (
    <>
      <Alert tone="info" title="Copy the signing secret now. It will not be shown again.">
        The platform verifies each delivery with it using any Standard Webhooks library. Docket keeps only a sealed
        copy; if it is lost, rotate the secret.
      </Alert>
      <CopyField label="Signing secret" value={secret} autoFocus />
      <DialogActions>
        <Button variant="primary" onPress={onStored}>
          I have stored the secret
        </Button>
      </DialogActions>
    </>
  );
}
