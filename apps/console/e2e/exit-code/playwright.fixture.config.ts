import { defineConfig } from '@playwright/test';

// The browser journeys' database server around one deliberately failing test (no browser needed).
export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: 'failing.playwright-fixture.ts',
  globalSetup: './playwright-fixture-setup.ts',
  reporter: [['line']],
});
