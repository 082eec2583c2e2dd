import { expect, it } from 'vitest';

// Run only by exit-code.test.ts, through its own config: a test that must fail the command.
it('fails on purpose', () => {
  expect(1).toBe(2);
});
