import { expect, pageHeading, signIn, test } from './support/test';

/**
 * An auditor previews a quarter's transparency report, publishes it, and anyone finds it on the
 * public page: a fresh browser with no cookies and JavaScript off, with the checkpoint beside it.
 */
test('an auditor publishes a quarter, and a stranger without JavaScript finds it with its checkpoint', async ({
  page,
  browser,
  baseURL,
}) => {
  // The demo staff work cases in the background at the stack's start: the machine is busy.
  test.setTimeout(90_000);
  const year = String(new Date().getUTCFullYear());
  const quarter = `Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;
  const label = `${year}-${quarter}`;

  await page.goto('/transparency-reports');
  await signIn(page, 'auditor');
  await expect(pageHeading(page, 'Transparency reports')).toBeVisible();

  // Choose this quarter and preview it.
  const picker = page.getByRole('form', { name: 'Report period' });
  await picker.getByRole('button', { name: /Period$/ }).click();
  await page.getByRole('option', { name: 'Quarter', exact: true }).click();
  await picker.getByRole('button', { name: /Year$/ }).click();
  await page.getByRole('option', { name: year }).click();
  await picker.getByRole('button', { name: /Quarter$/ }).click();
  await page.getByRole('option', { name: quarter, exact: true }).click();
  await picker.getByRole('button', { name: 'Preview' }).click();
  await expect(page).toHaveURL(new RegExp(`period=${label}`));
  // Computing a quarter from the audit log takes a moment; the page says so meanwhile.
  await expect(page.getByRole('heading', { name: `Preview: ${label}` })).toBeVisible({ timeout: 30_000 });
  for (const section of ['Access to private messages', 'Legal and government requests', 'Moderation']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  // The demo's reports arrived this quarter: their chart is drawn, and its numbers are a table.
  const reports = page.getByRole('figure', { name: 'Reports received' });
  await expect(reports.locator('svg.recharts-surface').first()).toBeVisible();
  await reports.getByText('Numbers').click();
  await expect(reports.getByRole('table').getByRole('row').nth(1)).toBeVisible();

  // Publish, confirming first.
  await page.getByRole('button', { name: /^Publish/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('cannot be withdrawn');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('alert').or(page.getByText(/is published and on the public page/))).toContainText(
    `${label} version`,
  );
  const versions = page.getByRole('list', { name: 'Published versions' });
  const published = versions
    .getByRole('listitem')
    .filter({ hasText: `${label} · version` })
    .first();
  await expect(published).toBeVisible();
  const sha256 = (await published.locator('code').textContent())?.trim() ?? '';
  expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  const checkpointSeq = /checkpoint (\d+)/.exec((await published.textContent()) ?? '')?.[1];
  expect(checkpointSeq).toBeDefined();

  // A stranger: no cookies, no JavaScript.
  const stranger = await browser.newContext({ baseURL, javaScriptEnabled: false });
  expect(await stranger.cookies()).toEqual([]);
  const publicPage = await stranger.newPage();
  const response = await publicPage.goto('/transparency');
  expect(response?.status()).toBe(200);
  await expect(publicPage.getByRole('heading', { level: 1, name: 'Transparency reports' })).toBeVisible();
  const period = publicPage.locator('section.period').filter({ has: publicPage.getByRole('heading', { name: label }) });
  await expect(period).toContainText(sha256);
  await expect(period).toContainText(`checkpoint ${checkpointSeq}`);
  await expect(period.getByRole('link', { name: 'JSON' }).first()).toHaveAttribute('href', /report\.json$/);
  await expect(publicPage.getByRole('link', { name: 'the JSON Schema' })).toBeVisible();
  // The newest checkpoint, signed (and witnessed once the platform has been sent one).
  await expect(
    publicPage.getByRole('heading', { level: 2, name: /^Latest (witnessed|signed) checkpoint$/ }),
  ).toBeVisible();
  await expect(publicPage.getByText('Head hash')).toBeVisible();

  // What it links to downloads without a session, and is the published hash.
  const json = await publicPage.request.get(
    (await period.getByRole('link', { name: 'JSON' }).first().getAttribute('href')) ?? '',
  );
  expect(json.status()).toBe(200);
  const { createHash } = await import('node:crypto');
  expect(
    createHash('sha256')
      .update(await json.body())
      .digest('hex'),
  ).toBe(sha256);
  await stranger.close();
});
