import type { Locator } from '@playwright/test';
import { expect, pageHeading, signIn, test } from './support/test';

// The native input sits visually hidden under its styled box, so toggle it as a keyboard user would.
async function check(checkbox: Locator) {
  await checkbox.press('Space');
  await expect(checkbox).toBeChecked();
}

test('an admin creates a staff account and it appears in the list', async ({ page }) => {
  const username = `e2e-${Date.now().toString(36)}`;
  await page.goto('/sign-in');
  await signIn(page, 'admin');
  await expect(pageHeading(page, 'Staff')).toBeVisible();
  await expect(page.getByRole('row', { name: /admin/ })).toBeVisible();

  await page.getByRole('button', { name: 'Create staff account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create staff account' });
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Display name').fill('Erin Example');
  await dialog.getByLabel('Initial password').fill('a-long-initial-password');
  await check(dialog.getByRole('checkbox', { name: /Reviewer/ }));
  await dialog.getByRole('button', { name: 'Create account' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Created ${username}.` })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(username) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Erin Example');
  await expect(row).toContainText('Reviewer');
  await expect(row).toContainText('Active');

  // The API's field errors land on the field they are about.
  await page.getByRole('button', { name: 'Create staff account' }).click();
  await dialog.getByLabel('Username').fill(username);
  await dialog.getByLabel('Display name').fill('Someone Else');
  await dialog.getByLabel('Initial password').fill('another-long-password');
  await check(dialog.getByRole('checkbox', { name: /Auditor/ }));
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog.getByText('already taken')).toBeVisible();
  await expect(dialog.getByLabel('Username')).toBeFocused();

  // Fixing the field clears its error (once the field is left) and the form submits again.
  await dialog.getByLabel('Username').fill(`${username}-2`);
  await dialog.getByLabel('Username').press('Tab');
  await expect(dialog.getByText('already taken')).toBeHidden();
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(`${username}-2`) })).toContainText('Auditor');
});

test('row actions work from the keyboard alone', async ({ page }) => {
  const username = `kbd-${Date.now().toString(36)}`;
  await page.goto('/sign-in');
  await signIn(page, 'admin');
  await expect(pageHeading(page, 'Staff')).toBeVisible();

  // Set up the account to act on through the API, as the signed-in admin.
  const session = await (await page.request.get('/api/auth/session')).json();
  const created = await page.request.post('/api/staff', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: { username, displayName: 'Kim Keyboard', password: 'a-long-initial-password', roles: ['reviewer'] },
  });
  expect(created.status()).toBe(201);

  const search = page.getByRole('searchbox', { name: 'Search staff' });
  await search.focus();
  await page.keyboard.type(username);
  const row = page.getByRole('row', { name: new RegExp(username) });
  await expect(row).toBeVisible();

  // Tab from the search box into the table, arrow across to the row's actions, open its menu.
  await page.keyboard.press('Tab');
  await expect(row).toBeFocused();
  for (let cell = 0; cell < 7; cell++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: `Actions for ${username}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Edit name and roles…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: `Set password for ${username}` });
  await expect(dialog.getByLabel('New password')).toBeFocused();
  await page.keyboard.type('a-brand-new-password');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Set a new password for ${username}` })).toBeVisible();
  // Focus goes back to the control that opened the dialog.
  await expect(page.getByRole('button', { name: `Actions for ${username}` })).toBeFocused();
});
