import type { Category, DecisionAction, Policy } from '@docket/contracts';

/**
 * The policies a decision on this case may cite, as the API checks them: active, covering the
 * case's category, and naming a violation exactly when the action is not "no violation".
 */
export function policiesFitting(policies: Policy[], category: Category, action: DecisionAction | null): Policy[] {
  return policies.filter(
    (policy) =>
      policy.active &&
      (policy.categories.length === 0 || policy.categories.includes(category)) &&
      (action === null || policy.violation === (action !== 'no_violation')),
  );
}
