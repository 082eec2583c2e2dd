import type { Policy } from '@docket/contracts';
import { expect, it } from 'vitest';
import { policiesFitting } from './policy-fit';

const policy = (code: string, overrides: Partial<Policy> = {}): Policy => ({
  code,
  title: code,
  description: '',
  active: true,
  dsaCategory: null,
  termsUrl: null,
  categories: [],
  violation: true,
  ...overrides,
});

const catalog = [
  policy('SC-1', { categories: ['scam_fraud', 'spam'] }),
  policy('CS-1', { categories: ['child_safety'] }),
  policy('NV-1', { violation: false }),
  policy('OLD-1', { active: false }),
  policy('ANY-1'),
];
const codes = (list: Policy[]) => list.map((p) => p.code);

it('offers only active policies that cover the case’s category', () => {
  expect(codes(policiesFitting(catalog, 'spam', null))).toEqual(['SC-1', 'NV-1', 'ANY-1']);
});

it('offers "no violation" only the policy that finds none, and a violation only policies that name one', () => {
  expect(codes(policiesFitting(catalog, 'spam', 'no_violation'))).toEqual(['NV-1']);
  expect(codes(policiesFitting(catalog, 'spam', 'warn'))).toEqual(['SC-1', 'ANY-1']);
});
