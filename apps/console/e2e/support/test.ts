import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { databaseNow, type Refusal, refusalsSince } from './refusals';

/** The demo accounts the API seeds on an empty database in demo mode. */
export const DEMO = {
  reviewer: { username: 'reviewer', password: 'reviewer-docket-demo', displayName: 'Riley Reviewer' },
  supervisor: { username: 'supervisor', password: 'supervisor-docket-demo', displayName: 'Sam Supervisor' },
  auditor: { username: 'auditor', password: 'auditor-docket-demo', displayName: 'Avery Auditor' },
  admin: { username: 'admin', password: 'admin-docket-demo', displayName: 'Ada Admin' },
  admin2: { username: 'admin2', password: 'admin2-docket-demo', displayName: 'Blake Admin' },
  legal: { username: 'legal', password: 'legal-docket-demo', displayName: 'Lee Legal' },
} as const;
export type DemoAccount = keyof typeof DEMO;

/**
 * Collects a page's browser console errors and uncaught exceptions: that is how a CSP violation
 * (an inline script, a request to another origin) shows up. Failed HTTP responses are logged by
 * Chromium too, and are expected (a 401 before sign-in, a 409 for a lost case), so they are left out.
 */
export function watchBrowserProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

interface JourneyFixtures {
  /**
   * Set (with `test.use`) only by journeys that provoke a refusal on purpose; they assert their
   * own through `refusals`.
   */
  expectsRefusals: boolean;
  /** The `authz.denied` events recorded since this journey began. */
  refusals: () => Promise<Refusal[]>;
}

/**
 * Every journey also fails on a browser console error or uncaught exception (see above), and on
 * any `authz.denied` it caused: the console must never call a route its user may not use.
 */
export const test = base.extend<JourneyFixtures>({
  expectsRefusals: [false, { option: true }],
  refusals: [
    async ({ expectsRefusals }, use) => {
      const since = await databaseNow();
      await use(() => refusalsSince(since));
      if (!expectsRefusals) expect(await refusalsSince(since), 'authz.denied events in this journey').toEqual([]);
    },
    // Set up before the page and torn down after it, so the check sees the journey's last request.
    { auto: true },
  ],
  page: async ({ page }, use) => {
    const problems = watchBrowserProblems(page);
    await use(page);
    expect(problems, 'browser console errors').toEqual([]);
  },
});

export { expect };

export async function signIn(page: Page, account: DemoAccount, password: string = DEMO[account].password) {
  await page.getByLabel('Username').fill(DEMO[account].username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

export function pageHeading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name });
}

const CASE_URL = /\/cases\/([0-9a-f-]{36})$/;

export { CASE_URL };

export function caseIdOf(page: Page): string {
  const id = CASE_URL.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a case page: ${page.url()}`);
  return id;
}

/** The demo reports arrive after the server starts: wait until a queue has cases nobody holds. */
export async function waitForClaimableCases(page: Page, queueId: string, atLeast = 1) {
  await expect
    .poll(
      async () => {
        const { items } = await (await page.request.get('/api/queues')).json();
        const queue = items.find((item: { id: string }) => item.id === queueId);
        return queue ? queue.openCases - queue.inReview : 0;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThanOrEqual(atLeast);
}
