/** What reports look like when they come from a legal request or an automated detector, not a user. */
import type { Script } from './script';

export function legalRequestText(script: Script): string {
  return (
    'Legal request from the {agency} (reference {ref}) to preserve and review this conversation as part of ' +
    `${script.legalMatter ?? 'an ongoing investigation'}. Valid order received and checked by the legal team.`
  );
}

export function automatedText(script: Script): string {
  return `Automated detection: ${script.automatedSignal ?? 'policy classifier match'} (score {score}). Queued for human review.`;
}
