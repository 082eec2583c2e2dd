import { DEMO, type DemoAccount, expect, mainNav, pageHeading, signIn, test } from './support/test';

const NAVIGATION: Record<DemoAccount, string[]> = {
  reviewer: ['Queues', 'Dashboard'],
  supervisor: ['Queues', 'Supervision', 'Dashboard', 'Access requests'],
  auditor: ['Audit', 'Transparency DB', 'Transparency reports'],
  admin: ['Staff', 'Service accounts', 'Webhooks', 'Queues & policies', 'Transparency DB'],
  admin2: ['Staff', 'Service accounts', 'Webhooks', 'Queues & policies', 'Transparency DB'],
  legal: ['Legal', 'Holds & retention'],
  legal2: ['Legal', 'Holds & retention'],
};

for (const [account, links] of Object.entries(NAVIGATION) as [DemoAccount, string[]][]) {
  test(`${account} signs in and sees exactly their navigation`, async ({ page }) => {
    await page.goto('/sign-in');
    await signIn(page, account);

    const home = links[0] ?? '';
    await expect(pageHeading(page, home)).toBeVisible();
    await expect(mainNav(page).getByRole('link')).toHaveText(links);
    await expect(mainNav(page).getByRole('link', { name: home })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('banner')).toContainText(DEMO[account].displayName);
  });
}

test('a wrong password is refused with a clear error and focus back on the password', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, 'supervisor', 'not-the-right-password');

  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  const password = page.getByLabel('Password', { exact: true });
  await expect(password).toBeFocused();
  await expect(password).toHaveValue('');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/sign-in$/);

  // Retyping the right password and pressing Enter signs in.
  await password.fill(DEMO.supervisor.password);
  await password.press('Enter');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
});

test('repeated failures lock the username out and say for how long', async ({ page }) => {
  await page.goto('/sign-in');
  const username = page.getByLabel('Username');
  const password = page.getByLabel('Password', { exact: true });
  await username.fill(`nobody-${Date.now().toString(36)}`);
  for (let attempt = 1; attempt <= 6; attempt++) {
    await password.fill('a-guessed-password');
    const answered = page.waitForResponse('**/api/auth/sign-in');
    await password.press('Enter');
    await answered;
  }
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(/Too many failed sign-ins\. Try again in \d+ minutes?\./);
  await expect(alert).toBeFocused();
});

test('an empty form names the missing field and focuses it', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Password', { exact: true }).fill('something');
  await page.getByLabel('Password', { exact: true }).press('Enter');

  await expect(page.getByLabel('Username')).toBeFocused();
  await expect(page.getByText('Enter your username.')).toBeVisible();
});

test('signing out returns to sign-in, and signed-in pages then need sign-in again', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, 'admin');
  await expect(pageHeading(page, 'Staff')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out$/);
  await expect(page.getByRole('status').filter({ hasText: 'You have signed out.' })).toBeVisible();

  await page.goto('/staff');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstaff$/);
  await expect(pageHeading(page, 'Sign in')).toBeVisible();
  await expect(page.getByRole('grid')).toHaveCount(0);
});
