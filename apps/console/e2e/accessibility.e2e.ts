import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demoApi } from './support/api';
import { type DemoAccount, expect, pageHeading, signIn, test, waitForClaimableCases } from './support/test';

/**
 * Every main page of every role, at a desktop and a small laptop size: axe-core finds no serious
 * or critical violation, and no page scrolls sideways. Each role's pages are visited by URL; the
 * navigation itself is walked by role-pages.e2e.ts.
 */

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

interface MainPage {
  path: string;
  heading: string | RegExp;
}

const PAGES: Record<Exclude<DemoAccount, 'admin2' | 'legal2'>, MainPage[]> = {
  reviewer: [
    { path: '/queues', heading: 'Queues' },
    { path: '/cases', heading: 'Find cases' },
  ],
  supervisor: [
    { path: '/queues', heading: 'Queues' },
    { path: '/cases', heading: 'Find cases' },
    { path: '/supervision', heading: 'Supervision' },
    { path: '/supervision/confirmations', heading: 'Supervision' },
    { path: '/access', heading: 'Access requests' },
    { path: '/access/grants', heading: 'Access requests' },
    { path: '/access/break-glass', heading: 'Access requests' },
  ],
  auditor: [
    { path: '/audit', heading: 'Audit' },
    { path: '/audit/access-review', heading: 'Audit' },
    { path: '/audit/bundles', heading: 'Audit' },
    { path: '/tdb-submissions', heading: 'EU Transparency Database' },
  ],
  admin: [
    { path: '/staff', heading: 'Staff' },
    { path: '/service-accounts', heading: 'Service accounts' },
    { path: '/webhooks', heading: 'Webhooks' },
    { path: '/queue-settings', heading: 'Queues & policies' },
    { path: '/tdb-submissions', heading: 'EU Transparency Database' },
  ],
  legal: [
    { path: '/legal', heading: 'Legal' },
    { path: '/holds', heading: 'Holds & retention' },
  ],
};

/** What a page is checked for once it has settled. */
async function expectAccessible(page: Page, where: string) {
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  const everything = await new AxeBuilder({ page })
    .withTags(tags)
    // Accessible names that say what the visible label says (WCAG 2.5.3), though axe still calls it experimental.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    // React Aria's live announcer (a visually hidden region it keeps at the top of <body>) says a
    // label by pointing an empty role="img" at it with aria-labelledby, and keeps the node for a
    // few seconds after the label's element has gone: axe then reports an image without a name
    // that no one can see or reach. A known false positive, so this rule runs again below on
    // everything except the announcer.
    .disableRules(['role-img-alt'])
    .analyze();
  const images = await new AxeBuilder({ page }).withRules(['role-img-alt']).exclude('[data-live-announcer]').analyze();
  const violations = [...everything.violations, ...images.violations];
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node) => `${node.html.slice(0, 160)} — ${node.failureSummary?.split('\n')[1] ?? ''}`),
    }));
  // Soft: one run reports every page's problems, not only the first page's.
  expect.soft(serious, `serious or critical axe violations on ${where}`).toEqual([]);
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The outermost elements that reach past the right edge, to say where the scroll comes from.
    const outside = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .filter((element) => !(element.parentElement && element.parentElement.getBoundingClientRect().right > width + 1))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return { by: document.documentElement.scrollWidth - width, outside };
  });
  expect.soft(overflow, `horizontal scroll on ${where}`).toEqual({ by: 0, outside: [] });
}

for (const size of SIZES) {
  test(`the sign-in page at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(page, `/sign-in at ${size.width}×${size.height}`);
  });

  for (const [account, pages] of Object.entries(PAGES) as [keyof typeof PAGES, MainPage[]][]) {
    test(`as the ${account}, every main page at ${size.width}×${size.height}`, async ({ page, baseURL }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      await page.goto('/sign-in');
      await signIn(page, account);
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      // Supervision's tables with a row in them: a case held by someone, given back at the end.
      const holder = account === 'supervisor' ? await demoApi(baseURL ?? '', 'reviewer') : null;
      if (holder) await waitForClaimableCases(page, 'scams_spam');
      const held = (await holder?.post('/api/queues/scams_spam/claim-next')) as { case: { id: string } } | undefined;
      for (const main of pages) {
        await page.goto(main.path);
        await expect(pageHeading(page, main.heading)).toBeVisible();
        await expectAccessible(page, `${main.path} as ${account} at ${size.width}×${size.height}`);
      }
      if (account === 'reviewer') {
        // The case page, held and then given back.
        await page.goto('/queues');
        await waitForClaimableCases(page, 'other');
        await page.getByRole('button', { name: 'Start reviewing Other' }).click();
        await expect(page.getByRole('region', { name: 'Wider conversation' })).toBeVisible();
        await expectAccessible(page, `a case as ${account} at ${size.width}×${size.height}`);
        await page.getByRole('button', { name: 'Release', exact: true }).click();
        await expect(pageHeading(page, 'Queues')).toBeVisible();
      }
      if (held) await holder?.post(`/api/cases/${held.case.id}/release`);
    });
  }
}
