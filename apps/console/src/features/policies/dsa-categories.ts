import { DSA_CATEGORIES, type DsaCategory } from '@docket/contracts';

const LABELS: Record<DsaCategory, string> = {
  animal_welfare: 'Animal welfare',
  consumer_information: 'Consumer information',
  cyber_violence: 'Cyber violence',
  cyber_violence_against_women: 'Cyber violence against women',
  data_protection_and_privacy_violations: 'Data protection and privacy',
  illegal_or_harmful_speech: 'Illegal or harmful speech',
  intellectual_property_infringements: 'Intellectual property',
  negative_effects_on_civic_discourse_or_elections: 'Civic discourse or elections',
  not_specified_notice: 'Not specified (notice)',
  other_violation_tc: 'Other violation of the terms',
  protection_of_minors: 'Protection of minors',
  risk_for_public_security: 'Risk for public security',
  scams_and_fraud: 'Scams and fraud',
  self_harm: 'Self-harm',
  unsafe_and_prohibited_products: 'Unsafe or prohibited products',
  violence: 'Violence',
};

/** The DSA Transparency Database categories, by their readable names, for pickers. */
export const DSA_CATEGORY_OPTIONS = DSA_CATEGORIES.map((id) => ({ id, label: LABELS[id] }));

export function dsaCategoryLabel(category: DsaCategory): string {
  return LABELS[category];
}
