import type { ServiceAccountWithSecret } from '@docket/contracts';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyField';
import { DialogActions } from '../../ui/Dialog';

/** The key id and secret of a new service account; Docket can never show this secret again. */
export function OneTimeSecret({ account, onStored }: { account: ServiceAccountWithSecret; onStored: () => void }) {
  return (
    <>
      <Alert tone="info" title="Copy the secret now. It will not be shown again.">
        Docket keeps only a sealed copy and cannot display it later. Store it where the platform keeps its secrets; if
        it is ever lost, create a new service account and disable this one.
      </Alert>
      <CopyField label="Key id" value={account.keyId} />
      <CopyField label="Secret" value={account.secret} autoFocus />
      <DialogActions>
        <Button variant="primary" onPress={onStored}>
          I have stored the secret
        </Button>
      </DialogActions>
    </>
  );
}
