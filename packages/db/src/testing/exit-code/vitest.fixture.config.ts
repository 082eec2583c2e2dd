import { defineConfig } from 'vitest/config';

// The same global setup as the real suite, around one deliberately failing test.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['failing.fixture.ts'],
    globalSetup: ['../global-setup.ts'],
    hookTimeout: 60_000,
  },
});
