import { expect, test } from '@playwright/test';

// Run only by exit-code.test.ts: a journey that must fail the command.
test('fails on purpose', () => {
  expect(1).toBe(2);
});
