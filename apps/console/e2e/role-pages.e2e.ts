import type { Page } from '@playwright/test';
import {
  CASE_URL,
  type DemoAccount,
  expect,
  mainNav,
  pageHeading,
  signIn,
  test,
  waitForClaimableCases,
} from './support/test';

/**
 * Every role walks through each of its pages, tabs included. The shared fixture fails any journey
 * that leaves an `authz.denied` behind, so these prove the console asks only for what each role
 * may see — loaders, prefetches and the queries of every panel alike.
 */

interface Section {
  link: string | RegExp;
  heading: string;
  tabs?: { name: string | RegExp; tablist: string }[];
}

type Role = Exclude<DemoAccount, 'admin2' | 'legal2'>;

const SECTIONS: Record<Role, Section[]> = {
  reviewer: [
    { link: 'Queues', heading: 'Queues' },
    { link: 'Dashboard', heading: 'My figures' },
  ],
  supervisor: [
    { link: 'Queues', heading: 'Queues' },
    { link: 'Dashboard', heading: 'Team dashboard' },
    {
      link: 'Supervision',
      heading: 'Supervision',
      tabs: [
        { name: /^Awaiting confirmation/, tablist: 'Supervision' },
        { name: 'Cases held now', tablist: 'Supervision' },
      ],
    },
    {
      link: /^Access requests/,
      heading: 'Access requests',
      tabs: [
        { name: /^Active grants/, tablist: 'Access' },
        { name: /^Break-glass review/, tablist: 'Access' },
        { name: /^Pending requests/, tablist: 'Access' },
      ],
    },
  ],
  auditor: [
    {
      link: 'Audit',
      heading: 'Audit',
      tabs: [
        { name: 'Access review', tablist: 'Audit' },
        { name: 'Export & verify', tablist: 'Audit' },
        { name: 'Events', tablist: 'Audit' },
      ],
    },
    { link: 'Transparency DB', heading: 'EU Transparency Database' },
    { link: 'Transparency reports', heading: 'Transparency reports' },
  ],
  admin: [
    { link: 'Staff', heading: 'Staff' },
    { link: 'Service accounts', heading: 'Service accounts' },
    { link: 'Webhooks', heading: 'Webhooks' },
    { link: 'Queues & policies', heading: 'Queues & policies' },
    { link: 'Transparency DB', heading: 'EU Transparency Database' },
  ],
  legal: [
    { link: 'Legal', heading: 'Legal' },
    { link: 'Holds & retention', heading: 'Holds & retention' },
  ],
};

async function visitSections(page: Page, account: Role) {
  const sections = SECTIONS[account];
  await expect(mainNav(page).getByRole('link')).toHaveCount(sections.length);
  for (const section of sections) {
    await mainNav(page).getByRole('link', { name: section.link }).click();
    await expect(pageHeading(page, section.heading)).toBeVisible();
    for (const tab of section.tabs ?? []) {
      const link = page.getByRole('navigation', { name: tab.tablist }).getByRole('link', { name: tab.name });
      await link.click();
      await expect(link).toHaveAttribute('aria-current', 'page');
    }
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  }
}

/** Opens the next case of the Other queue from the Queues page, then gives it back untouched. */
async function openAndReleaseACase(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Queues' }).click();
  await waitForClaimableCases(page, 'other');
  await page.getByRole('button', { name: 'Start reviewing Other' }).click();
  await expect(page).toHaveURL(CASE_URL);
  await expect(page.getByRole('region', { name: 'Wider conversation' })).toBeVisible();
  await page.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(pageHeading(page, 'Queues')).toBeVisible();
}

for (const account of ['reviewer', 'supervisor', 'auditor', 'admin', 'legal'] as const) {
  test(`as the ${account}, every page of theirs opens without one refused request`, async ({ page, refusals }) => {
    test.setTimeout(60_000);
    await page.goto('/sign-in');
    await signIn(page, account);
    await expect(mainNav(page)).toBeVisible();
    await visitSections(page, account);
    if (account === 'reviewer' || account === 'supervisor') await openAndReleaseACase(page);
    // Said here as well as by the fixture, so this journey's point is on the page.
    expect(await refusals()).toEqual([]);
  });
}
