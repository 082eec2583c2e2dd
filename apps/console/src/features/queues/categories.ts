import type { Category } from '@docket/contracts';

const LABELS: Record<Category, string> = {
  child_safety: 'Child safety',
  grooming: 'Grooming',
  sextortion: 'Sextortion',
  violent_threat: 'Violent threat',
  self_harm: 'Self-harm',
  harassment: 'Harassment',
  hate: 'Hate',
  scam_fraud: 'Scam & fraud',
  spam: 'Spam',
  other: 'Other',
};

export function categoryLabel(category: Category): string {
  return LABELS[category];
}
