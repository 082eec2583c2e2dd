/** Query keys of the transparency feature: statement submissions to the EU Transparency Database. */
export const transparencyKeys = {
  all: ['transparency'] as const,
  submissions: () => [...transparencyKeys.all, 'submissions'] as const,
};
