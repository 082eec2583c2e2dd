import { expect, mainNav, pageHeading, signIn, test } from './support/test';

test('a legal officer places a hold on an account, sees its expiry, extends it and releases it', async ({ page }) => {
  const account = `acct-e2e-${Date.now()}`;
  await page.goto('/sign-in');
  await signIn(page, 'legal');
  await mainNav(page).getByRole('link', { name: 'Holds & retention' }).click();
  await expect(pageHeading(page, 'Holds & retention')).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Retention by category' })).toContainText('365 days');

  await page.getByRole('button', { name: 'Place hold' }).click();
  const dialog = page.getByRole('dialog', { name: 'Place hold' });
  await dialog.getByLabel('Account id').fill(account);
  await dialog.getByLabel('Reason').fill('Preservation letter ref LE-2026-117 from the state police.');
  await expect(dialog.getByLabel('Days')).toHaveValue('90');
  await dialog.getByRole('button', { name: 'Place hold' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Placed a hold on account ${account}` })).toBeVisible();

  const row = page.getByRole('row', { name: new RegExp(account) });
  await expect(row).toContainText('Active');
  const expiry = async () => Date.parse((await row.locator('time').nth(1).getAttribute('datetime')) ?? '');
  const placedUntil = await expiry();
  // 90 days from now, by the server's clock (a few seconds either way).
  expect(Math.abs(placedUntil - Date.now() - 90 * 86_400_000)).toBeLessThan(60_000);

  await row.getByRole('button', { name: 'Extend…' }).click();
  const extend = page.getByRole('dialog', { name: `Extend hold on account ${account}` });
  await extend.getByLabel('Days to add').fill('30');
  await extend.getByRole('button', { name: 'Extend hold' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Extended the hold on account ${account}` })).toBeVisible();
  await expect.poll(expiry).toBe(placedUntil + 30 * 86_400_000);

  await row.getByRole('button', { name: 'Release…' }).click();
  const release = page.getByRole('dialog', { name: `Release hold on account ${account}` });
  await release.getByLabel('Reason').fill('The authority withdrew its preservation request.');
  await release.getByRole('button', { name: 'Release hold' }).click();
  await expect(row).toContainText('Released');
  await expect(row.getByRole('button', { name: 'Extend…' })).toHaveCount(0);
});
