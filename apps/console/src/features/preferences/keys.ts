/** Query keys of the signed-in person's own preferences. */
export const preferenceKeys = {
  all: ['preferences'] as const,
  mine: () => [...preferenceKeys.all, 'me'] as const,
};
