import { SecretShownOnce } from '../../ui/SecretShownOnce';

/** An endpoint's signing secret, new or rotated; Docket can never show it again. */
export function WebhookSecret({ secret, onStored }: { secret: string; onStored: () => void }) {
  return (
    <SecretShownOnce
      title="Copy the signing secret now. It will not be shown again."
      fields={[{ label: 'Signing secret', value: secret }]}
      onStored={onStored}
    >
      The platform verifies each delivery with it using any Standard Webhooks library. Docket keeps only a sealed copy;
      if it is lost, rotate the secret.
    </SecretShownOnce>
  );
}
