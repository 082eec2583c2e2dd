import { expect, mainNav, pageHeading, signIn, test } from './support/test';

test('an admin creates a service account, sees its secret once, then disables it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = `E2E platform ${Date.now().toString(36)}`;
  await page.goto('/sign-in');
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Service accounts' }).click();
  await expect(pageHeading(page, 'Service accounts')).toBeVisible();
  await expect(page.getByRole('link', { name: 'intake API reference' })).toHaveAttribute('href', '/docs');

  await page.getByRole('button', { name: 'New service account' }).click();
  const dialog = page.getByRole('dialog', { name: 'New service account' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');

  const created = page.getByRole('dialog', { name: 'Service account created' });
  await expect(created).toContainText('It will not be shown again.');
  await expect(created.getByRole('textbox', { name: 'Key id' })).toHaveValue(/^dk_/);
  const secretField = created.getByRole('textbox', { name: 'Secret' });
  await expect(secretField).toHaveValue(/^dks_/);
  const secret = await secretField.inputValue();

  // Focus starts on copying the secret; Enter puts it on the clipboard.
  await expect(created.getByRole('button', { name: 'Copy secret' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(created.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  // Where the browser refuses the clipboard, the value is selected instead, ready for Ctrl+C.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
  });
  await created.getByRole('button', { name: 'Copy key id' }).click();
  await expect(created.getByText(/did not allow copying; the text is selected/)).toBeVisible();
  const keyIdField = created.getByRole('textbox', { name: 'Key id' });
  await expect(keyIdField).toBeFocused();
  expect(
    await keyIdField.evaluate(
      (input: HTMLInputElement) => input.selectionEnd! - input.selectionStart! === input.value.length,
    ),
  ).toBe(true);

  // Only the explicit confirmation closes it: not Escape.
  await page.keyboard.press('Escape');
  await expect(created).toBeVisible();
  await created.getByRole('button', { name: 'I have stored the secret' }).click();
  await expect(created).toBeHidden();
  await expect(page.getByRole('button', { name: 'New service account' })).toBeFocused();

  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Active');
  await expect(page.getByRole('status').filter({ hasText: `Created ${name}` })).toBeVisible();
  const secretStillOnPage = await page.evaluate(
    (value) =>
      document.documentElement.outerHTML.includes(value) ||
      [...document.querySelectorAll('input, textarea')].some((field) => (field as HTMLInputElement).value === value),
    secret,
  );
  expect(secretStillOnPage).toBe(false);

  await row.getByRole('button', { name: `Disable ${name}…` }).click();
  const confirm = page.getByRole('dialog', { name: `Disable ${name}?` });
  await expect(confirm).toContainText('refuses every request signed with key');
  await confirm.getByRole('button', { name: 'Disable service account' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Disabled');
  await expect(page.getByRole('status').filter({ hasText: `Disabled ${name}.` })).toBeVisible();
});
