import type { Locator } from '@playwright/test';
import { expect, pageHeading, signIn, test } from './support/test';

/** The text of one column in every row, found by its header rather than its position. */
async function columnTexts(table: Locator, header: string): Promise<(string | null)[]> {
  const headers = await table.getByRole('columnheader').allTextContents();
  const column = headers.indexOf(header);
  if (column < 0) throw new Error(`no column "${header}" in ${JSON.stringify(headers)}`);
  const rows = await table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader') })
    .all();
  return Promise.all(
    rows.map((row) => row.getByRole('rowheader').or(row.getByRole('gridcell')).nth(column).textContent()),
  );
}

test('a reviewer sees the default queues, and their counts arrive by themselves', async ({ page }) => {
  // The demo reports are still arriving when the run starts; the page's own refresh must show them.
  test.setTimeout(60_000);
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();

  const table = page.getByRole('grid', { name: 'Queues' });
  await expect(table.getByRole('rowheader')).toHaveText([
    'Urgent',
    'Harassment & hate',
    'Scams & spam',
    'Other',
    'Escalations',
    'Appeals',
  ]);
  await expect(table.getByRole('row', { name: 'Urgent' })).toContainText('Self-harm');
  await expect(table.getByRole('row', { name: 'Urgent' })).toContainText('1 h');
  await expect(table.getByRole('row', { name: 'Scams & spam' })).toContainText('Scam & fraud');
  await expect(table.getByRole('row', { name: 'Scams & spam' })).toContainText('48 h');
  await expect(page.getByText(/^Updated \d{2}:\d{2}:\d{2}$/)).toBeVisible();
  // Escalations are worked by supervisors: a reviewer can see the queue but not claim from it.
  await expect(table.getByRole('row', { name: 'Escalations' })).toContainText('Supervisors only');
  await expect(table.getByRole('button', { name: 'Start reviewing Escalations' })).toHaveCount(0);
  await expect(table.getByRole('button', { name: 'Start reviewing Urgent' })).toBeVisible();

  await expect
    .poll(() => columnTexts(table, 'Open cases'), { timeout: 30_000 })
    .toContainEqual(expect.stringMatching(/^[1-9]/));
});
