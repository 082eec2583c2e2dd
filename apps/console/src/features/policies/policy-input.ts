import type { DsaCategory, Policy } from '@docket/contracts';

/** The fields of a policy an admin edits (PolicyBody in the contracts); `code` only when adding. */
export interface PolicyInput {
  code?: string;
  title: string;
  description: string;
  active: boolean;
  dsaCategory: DsaCategory | null;
  termsUrl: string | null;
}

/** A policy's editable fields as they stand, so a change of one keeps the others. */
export function policyInput(policy: Policy): PolicyInput {
  const { title, description, active, dsaCategory, termsUrl } = policy;
  return { title, description, active, dsaCategory, termsUrl };
}
