import type { ServiceAccountWithSecret } from '@docket/contracts';
import { SecretShownOnce } from '../../ui/SecretShownOnce';

/** The key id and secret of a new service account; Docket can never show this secret again. */
export function OneTimeSecret({ account, onStored }: { account: ServiceAccountWithSecret; onStored: () => void }) {
  return (
    <SecretShownOnce
      title="Copy the secret now. It will not be shown again."
      fields={[
        { label: 'Key id', value: account.keyId },
        { label: 'Secret', value: account.secret },
      ]}
      onStored={onStored}
    >
      Docket keeps only a sealed copy and cannot display it later. Store it where the platform keeps its secrets; if it
      is ever lost, create a new service account and disable this one.
    </SecretShownOnce>
  );
}
