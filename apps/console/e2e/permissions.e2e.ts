import { expect, mainNav, pageHeading, signIn, test } from './support/test';

test('a reviewer typing /staff is refused without the staff list ever being requested', async ({ page }) => {
  const staffRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/staff')) staffRequests.push(request.url());
  });

  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();

  await page.goto('/staff');
  await expect(pageHeading(page, "You don't have access to this page")).toBeVisible();
  await expect(page.getByRole('grid')).toHaveCount(0);
  await expect(mainNav(page).getByRole('link')).toHaveText(['Queues', 'Dashboard']);
  expect(staffRequests).toEqual([]);

  await page.getByRole('link', { name: 'Go to your home page' }).click();
  await expect(pageHeading(page, 'Queues')).toBeVisible();
});

test('signed-out visitors are sent to sign-in and back to the page they asked for', async ({ page }) => {
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faudit$/);
  await signIn(page, 'auditor');
  await expect(page).toHaveURL(/\/audit$/);
  await expect(pageHeading(page, 'Audit')).toBeVisible();
});

test('a crafted next= pointing at another site is ignored', async ({ page }) => {
  await page.goto('/sign-in?next=//evil.example/phish');
  await signIn(page, 'auditor');
  await expect(page).toHaveURL(/\/audit$/);
});

test.describe('refusals on purpose', () => {
  // The one place a refusal is the point: the shared check would fail it, so this asserts its own.
  test.use({ expectsRefusals: true });

  test('a reviewer who asks the staff API by hand is refused, and the refusal is on the record', async ({
    page,
    refusals,
  }) => {
    await page.goto('/sign-in');
    await signIn(page, 'reviewer');
    await expect(pageHeading(page, 'Queues')).toBeVisible();

    expect((await page.request.get('/api/staff')).status()).toBe(403);
    expect(await refusals()).toEqual([{ actor: 'reviewer', permission: 'read:staff', request: 'GET /api/staff' }]);
  });
});
