import { startTestReceiver } from '@docket/intake-client/testing';
import { expect, mainNav, pageHeading, signIn, test } from './support/test';

test('an admin adds an endpoint, sends a test event, watches it arrive signed, and redelivers it', async ({ page }) => {
  // The platform's side: a local receiver that verifies with the stock Standard Webhooks library.
  const receiver = await startTestReceiver();
  try {
    await page.goto('/sign-in');
    await signIn(page, 'admin');
    await mainNav(page).getByRole('link', { name: 'Webhooks' }).click();
    await expect(pageHeading(page, 'Webhooks')).toBeVisible();

    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add endpoint' });
    // A URL the browser accepts and the API refuses: the error names the field, and correcting
    // the field is enough for the next submit to go through.
    await dialog.getByLabel('URL').fill('ftp://files.example.com/hooks');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(dialog.getByText('an http or https URL')).toBeVisible();
    await dialog.getByLabel('URL').fill(receiver.url);
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();

    const added = page.getByRole('dialog', { name: 'Endpoint added' });
    await expect(added).toContainText('It will not be shown again.');
    const secret = await added.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.secret = secret;
    await added.getByRole('button', { name: 'I have stored the secret' }).click();

    const row = page.getByRole('row', { name: new RegExp(receiver.url) });
    await expect(row).toContainText('Active');
    await row.getByRole('button', { name: 'Send test event' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'queued' })).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
    expect(receiver.refused).toBe(0);
    expect(receiver.received[0]?.type).toBe('webhook.test');

    await row.getByRole('link', { name: receiver.url }).click();
    await expect(pageHeading(page, 'Deliveries')).toBeVisible();
    const delivery = page.getByRole('row', { name: /webhook\.test/ });
    await expect(delivery).toContainText('Delivered');
    await expect(delivery).toContainText('200');
    await expect(delivery).toContainText(/\d+ ms/);

    await delivery.getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(2);
    // The same event again, under the same webhook-id, so the platform can recognise it.
    expect(receiver.received[1]?.id).toBe(receiver.received[0]?.id);
    await expect(delivery).toContainText('Delivered');
  } finally {
    await receiver.close();
  }
});
