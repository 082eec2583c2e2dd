import type { Browser, Page } from '@playwright/test';
import { expect, mainNav, pageHeading, signIn, test, watchBrowserProblems } from './support/test';

const REFERENCE = `AZ-${Date.now().toString(36)}`;
const KEPT = `acct-e2e-kept-${Date.now().toString(36)}`;
const DROPPED = `acct-e2e-dropped-${Date.now().toString(36)}`;

/** A legal officer signed in in a browser of their own. */
async function officerIn(browser: Browser, account: 'legal' | 'legal2') {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchBrowserProblems(page);
  await page.goto('/sign-in');
  await signIn(page, account);
  await expect(pageHeading(page, 'Legal')).toBeVisible();
  return {
    page,
    async close() {
      expect(problems, `${account} browser console errors`).toEqual([]);
      await context.close();
    },
  };
}

async function fillTarget(page: Page, n: number, account: string) {
  await page.getByLabel(`Target ${n} account id`).fill(account);
  await page.getByLabel(`Target ${n} from`).fill('2026-09-01');
  await page.getByLabel(`Target ${n} until`).fill('2026-12-01');
  const categories = page.getByRole('group', { name: `Target ${n} data categories` });
  await categories.getByLabel('metadata').check();
  await categories.getByLabel('content').check();
}

async function openRequest(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Legal' }).click();
  await page.getByRole('link', { name: REFERENCE }).click();
  await expect(pageHeading(page, `Legal request ${REFERENCE}`)).toBeVisible();
}

test('legal records a warrant, a second officer narrows it to one account and one month, legal produces the package', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const recorder = await officerIn(browser, 'legal');
  const { page } = recorder;
  await page.getByRole('button', { name: 'Record a request' }).click();
  const form = page.getByRole('form', { name: 'Record a legal request' });
  await form.getByLabel("Authority's reference").fill(REFERENCE);
  await form.getByLabel('Received at (UTC)').fill('2026-12-01T09:00');
  await form.getByLabel('Issuing authority').fill('Amtsgericht Berlin-Tiergarten');
  await form.getByLabel('Country (ISO code)').fill('DE');
  await form.getByLabel("Requesting officer's contact").fill('KOK Weber, LKA 1');
  await form.getByLabel('Instrument').selectOption('search_warrant');
  await form.getByLabel('Legal basis').fill('§§ 94, 98 StPO');
  await form.getByLabel('Offence category').fill('extortion');
  await fillTarget(page, 1, KEPT);
  await form.getByRole('button', { name: 'Add a target' }).click();
  await fillTarget(page, 2, DROPPED);
  await form.getByRole('button', { name: 'Record request' }).click();
  await expect(pageHeading(page, `Legal request ${REFERENCE}`)).toBeVisible();
  await page.getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByText('A second legal officer decides this order: you recorded it.')).toBeVisible();

  const second = await officerIn(browser, 'legal2');
  await openRequest(second.page);
  const decision = second.page.getByRole('form', { name: 'Decide the request' });
  await decision.getByLabel('Narrow').check();
  await decision.getByLabel(`Keep ${DROPPED}`).uncheck();
  await decision.getByLabel(`${KEPT} from`).fill('2026-11-01');
  await decision.getByLabel('Note').fill('One account, November only: the rest is overbroad.');
  await decision.getByRole('button', { name: 'Record decision' }).click();
  const targets = second.page.getByRole('table', { name: 'Targets' });
  await expect(targets.getByRole('row', { name: new RegExp(KEPT) })).toContainText(
    '2026-11-01 – 2026-12-01: metadata, content',
  );
  await expect(targets.getByRole('row', { name: new RegExp(DROPPED) })).toContainText('dropped');
  // The second officer decided; they do not produce.
  await expect(second.page.getByRole('button', { name: 'Produce disclosure package' })).toHaveCount(0);
  await second.close();

  await openRequest(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Produce disclosure package' }).click();
  expect((await download).suggestedFilename()).toMatch(/^disclosure-.*\.zip$/);
  await expect(page.getByText(/Produced disclosure-.*\.zip/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'History' })).toContainText('legal.produced');
  await expect(page.getByRole('list', { name: 'History' })).toContainText('legal.narrowed');

  // What the order still names is preserved from retention; what was narrowed out is not.
  await mainNav(page).getByRole('link', { name: 'Holds & retention' }).click();
  await expect(pageHeading(page, 'Holds & retention')).toBeVisible();
  const hold = page.getByRole('row', { name: new RegExp(KEPT) });
  await expect(hold).toContainText('Active');
  await expect(hold).toContainText('Preserved under legal request');
  await expect(page.getByRole('row', { name: new RegExp(DROPPED) })).toHaveCount(0);
  await recorder.close();
});
