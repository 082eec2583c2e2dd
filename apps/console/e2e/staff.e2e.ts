import type { Browser, Locator, Page } from '@playwright/test';
import { CASE_URL, expect, pageHeading, signIn, test, waitForClaimableCases } from './support/test';

// The native input sits visually hidden under its styled box, so toggle it as a keyboard user would.
async function check(checkbox: Locator) {
  await checkbox.press('Space');
  await expect(checkbox).toBeChecked();
}

/** A browser of someone else's: no cookie, no storage shared with the admin's. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('admin A creates a reviewer, who enrols through the one-time link, admin B confirms, and the reviewer works', async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const username = `e2e-${Date.now().toString(36)}`;
  const password = 'chosen by the reviewer alone';
  const pendingLabel = `Reviewer for ${username}`;

  // Admin A: no password field, and the link is shown once.
  await page.goto('/sign-in');
  await signIn(page, 'admin');
  await expect(pageHeading(page, 'Staff')).toBeVisible();
  await page.getByRole('button', { name: 'Create staff account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create staff account' });
  await expect(dialog.getByLabel(/password/i)).toHaveCount(0);
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Display name').fill('Erin Example');
  await check(dialog.getByRole('checkbox', { name: /Reviewer/ }));
  await dialog.getByRole('button', { name: 'Create account' }).click();
  const linkField = dialog.getByRole('textbox', { name: 'Enrolment link' });
  await expect(linkField).toBeVisible();
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/enrol#[\w-]{40,}$/);
  await expect(dialog.getByRole('button', { name: 'Copy enrolment link' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(link)).toHaveCount(0);

  const row = page.getByRole('row', { name: new RegExp(username) });
  await expect(row).toContainText('Reviewer (pending)');
  await expect(row).toContainText('Not enrolled yet');
  // Admin A sees the request but cannot confirm it.
  const mine = page.getByRole('listitem', { name: pendingLabel });
  await expect(mine).toContainText('Your request: another admin decides it.');
  await expect(mine.getByRole('button')).toHaveCount(0);

  // The new person, in a browser of their own, sets their password; the link then stops working.
  const newcomer = await freshPage(browser);
  await newcomer.goto(link);
  await expect(pageHeading(newcomer, 'Set your password')).toBeVisible();
  await expect(newcomer).toHaveURL(/\/enrol$/);
  await newcomer.getByLabel('New password').fill(password);
  await newcomer.getByLabel('Repeat the password').fill(password);
  await newcomer.getByLabel('Repeat the password').press('Enter');
  await expect(newcomer.getByText('Your password is set.')).toBeVisible();
  const reuse = await newcomer.context().newPage();
  await reuse.goto(link);
  await reuse.getByLabel('New password').fill('an attacker reusing it');
  await reuse.getByLabel('Repeat the password').fill('an attacker reusing it');
  await reuse.getByRole('button', { name: 'Set password' }).click();
  await expect(reuse.getByText(/This link has already been used/)).toBeVisible();
  await reuse.close();

  // Admin B confirms the role.
  const adminB = await freshPage(browser);
  await adminB.goto('/sign-in');
  await signIn(adminB, 'admin2');
  await expect(pageHeading(adminB, 'Staff')).toBeVisible();
  await adminB.getByRole('button', { name: `Confirm ${pendingLabel}` }).click();
  await expect(adminB.getByRole('status').filter({ hasText: `Confirmed ${pendingLabel}.` })).toBeVisible();
  await expect(adminB.getByRole('row', { name: new RegExp(username) })).toContainText('Active');

  // The reviewer signs in with the password only they know, and claims a case.
  await newcomer.goto('/sign-in');
  await newcomer.getByLabel('Username').fill(username);
  await newcomer.getByLabel('Password', { exact: true }).fill(password);
  await newcomer.getByRole('button', { name: 'Sign in' }).click();
  await expect(pageHeading(newcomer, 'Queues')).toBeVisible();
  await waitForClaimableCases(newcomer, 'other');
  await newcomer.getByRole('button', { name: 'Start reviewing Other' }).click();
  await expect(newcomer).toHaveURL(CASE_URL);
  await Promise.all([newcomer.context().close(), adminB.context().close()]);
});

test('the API’s field errors land on the field they are about', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, 'admin');
  await expect(pageHeading(page, 'Staff')).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Create staff account' });
  await page.getByRole('button', { name: 'Create staff account' }).click();
  await dialog.getByLabel('Username').fill('admin');
  await dialog.getByLabel('Display name').fill('Someone Else');
  await check(dialog.getByRole('checkbox', { name: /Auditor/ }));
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog.getByText('already taken')).toBeVisible();
  await expect(dialog.getByLabel('Username')).toBeFocused();
});

test('row actions work from the keyboard alone, and a reset hands out a link, never a password', async ({ page }) => {
  const username = `kbd-${Date.now().toString(36)}`;
  await page.goto('/sign-in');
  await signIn(page, 'admin');
  await expect(pageHeading(page, 'Staff')).toBeVisible();

  // Set up the account to act on through the API, as the signed-in admin.
  const session = await (await page.request.get('/api/auth/session')).json();
  const created = await page.request.post('/api/staff', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { username, displayName: 'Kim Keyboard', roles: ['reviewer'] },
  });
  expect(created.status()).toBe(201);

  const search = page.getByRole('searchbox', { name: 'Search staff' });
  await search.focus();
  await page.keyboard.type(username);
  const row = page.getByRole('row', { name: new RegExp(username) });
  await expect(row).toBeVisible();

  // Tab from the search box into the table, arrow across to the row's actions, open its menu.
  await row.focus();
  for (let cell = 0; cell < 7; cell++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: `Actions for ${username}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Edit name…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: `Reset password for ${username}` });
  await expect(dialog.getByRole('button', { name: 'Issue reset link' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Password reset link' })).toHaveValue(/\/enrol#[\w-]{40,}$/);
  await expect(dialog.getByRole('button', { name: 'Copy password reset link' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Done' }).press('Enter');
  await expect(dialog).toBeHidden();
  // Focus goes back to the control that opened the dialog.
  await expect(page.getByRole('button', { name: `Actions for ${username}` })).toBeFocused();
});
