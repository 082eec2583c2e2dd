import { type Stack, startStack } from './support/stack';

// Held here for global-teardown.ts, which Playwright runs in this same process.
export let running: Stack | undefined;

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  running = await startStack();
  // Test workers are started after this and inherit the environment; the config reads it.
  process.env.DOCKET_E2E_BASE_URL = running.baseUrl;
  process.env.DOCKET_E2E_DATABASE_URL = running.databaseUrl;
  console.log(`e2e: Docket at ${running.baseUrl} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
