import { expect, pageHeading, signIn, test } from './support/test';

test('when the server ends the session, sign-in says so and returns to the same page', async ({ page, context }) => {
  await page.goto('/sign-in');
  await signIn(page, 'admin');
  await expect(pageHeading(page, 'Staff')).toBeVisible();

  // The server no longer knows this browser: every further API call answers 401.
  await context.clearCookies();
  await page.getByRole('searchbox', { name: 'Search staff' }).fill('ada');

  await expect(page).toHaveURL(/\/sign-in\?next=%2Fstaff%3Fq%3Dada&reason=session-ended$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your session ended, sign in again.' })).toBeVisible();

  await signIn(page, 'admin');
  await expect(page).toHaveURL(/\/staff\?q=ada$/);
  await expect(page.getByRole('searchbox', { name: 'Search staff' })).toHaveValue('ada');
  await expect(page.getByRole('row', { name: /admin/ })).toBeVisible();
});
