import type { IntakeReportInput } from '@docket/contracts';
import { signRequest } from '@docket/intake-client';
import { startTestReceiver } from '@docket/intake-client/testing';
import { request } from '@playwright/test';
import { type Api, demoApi } from './support/api';
import { CASE_URL, caseIdOf, expect, pageHeading, signIn, test, waitForClaimableCases } from './support/test';

const ref = (caseId: string) => `#${caseId.slice(0, 8)}`;

/** Fresh spam cases about one account, through the platform's signed intake; returns the handle. */
async function spamWave(baseURL: string, count: number): Promise<{ handle: string; caseIds: string[] }> {
  const admin = await demoApi(baseURL, 'admin');
  const platform = (await admin.post('/api/service-accounts', { name: `Bulk journey ${Date.now()}` })) as {
    keyId: string;
    secret: string;
  };
  const run = Date.now().toString(36);
  const spammer = `acct-wave-${run}`;
  const handle = `wave_${run}`;
  const reports: IntakeReportInput[] = Array.from({ length: count }, (_, i) => ({
    externalId: `bulk-journey-${run}-${i}`,
    category: 'spam',
    reporterId: `acct-reader-${run}-${i}`,
    reportedAccountId: spammer,
    reporterText: 'The same advert again, from an account I never talked to.',
    accounts: [
      { id: `acct-reader-${run}-${i}`, handle: `reader_${run}_${i}`, ageBand: 'adult' },
      { id: spammer, handle, ageBand: 'adult' },
    ],
    conversation: { id: `bulk-journey-${run}-${i}`, participantIds: [`acct-reader-${run}-${i}`, spammer] },
    messages: [{ id: 'm1', senderId: spammer, sentAt: new Date().toISOString(), body: 'Cheap watches, click here.' }],
    reportedMessageIds: ['m1'],
  }));
  const path = '/api/intake/reports/batch';
  const body = JSON.stringify({ reports });
  const headers = signRequest(platform.keyId, platform.secret, {
    method: 'POST',
    path,
    timestamp: Math.floor(Date.now() / 1000),
    body,
  });
  const forwarder = await request.newContext({ baseURL });
  const sent = await forwarder.post(path, { data: body, headers: { ...headers, 'content-type': 'application/json' } });
  expect(sent.status(), await sent.text()).toBe(200);
  const caseIds = ((await sent.json()) as { results: { caseId: string }[] }).results.map((r) => r.caseId);
  await Promise.all([forwarder.dispose(), admin.ctx.dispose()]);
  return { handle, caseIds };
}

async function caseAsRead(api: Api, caseId: string) {
  return (await api.get(`/api/cases/${caseId}`)) as {
    decisions: { id: string; action: string; policyCode: string }[];
    timeline: { action: string }[];
  };
}

test('a reviewer filters a queue to spam, selects 20 cases by keyboard and mouse, previews and decides them all', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const wave = await spamWave(baseURL as string, 20);

  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  // The queue's list, narrowed to spam and to this wave's account.
  await page.getByRole('link', { name: 'Scams & spam' }).click();
  await expect(pageHeading(page, 'Cases in Scams & spam')).toBeVisible();
  await page.getByRole('button', { name: /Category/ }).click();
  await page.getByRole('option', { name: 'Spam', exact: true }).click();
  await expect(page).toHaveURL(/category=spam/);
  await page.getByRole('searchbox', { name: 'Search cases' }).fill(`@${wave.handle}`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const table = page.getByRole('grid', { name: 'Cases found' });
  await expect(table.getByRole('row')).toHaveCount(21); // the header and the wave

  // Mouse: the first ten, a click on the first checkbox and a Shift-click on the tenth row for the range.
  const rows = table.getByRole('row');
  const checkboxCell = (n: number) => rows.nth(n).getByRole('gridcell').first();
  await expect(rows.nth(1).getByRole('checkbox')).not.toBeChecked();
  await checkboxCell(1).click();
  await rows
    .nth(10)
    .getByRole('gridcell')
    .nth(2)
    .click({ modifiers: ['Shift'] });
  await expect(page.getByRole('toolbar', { name: 'Selected cases' })).toContainText('10 selected');
  // Keyboard: the next ten, extending the selection down the list.
  for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByRole('toolbar', { name: 'Selected cases' })).toContainText('20 selected');
  await expect(table.getByRole('row', { selected: true })).toHaveCount(20);

  await page.keyboard.press('d');
  const dialog = page.getByRole('dialog', { name: 'Decide 20 selected cases' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /Action/ }).click();
  await page.getByRole('option', { name: 'Remove messages' }).click();
  await dialog.getByRole('combobox', { name: 'Policy' }).fill('SP');
  await page.getByRole('option', { name: /SP-1/ }).click();
  const publicReason = 'Your messages were bulk advertising sent to people who never asked for it.';
  const note = 'One spam wave from one account: same link, same words, twenty reports.';
  await dialog.getByRole('textbox', { name: 'Public reason' }).fill(publicReason);
  await dialog.getByRole('textbox', { name: 'Internal note' }).fill(note);

  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('20 cases, each with its own decision and audit event');
  await expect(preview).toContainText('20 decided');
  await expect(preview).toContainText('20 you do not hold yet: applying claims them');
  await expect(preview).toContainText('20 statements of reasons');

  const applied = page.waitForResponse(
    (r) => r.url().endsWith('/api/cases/bulk-decisions') && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Apply to 20 cases' }).click();
  const response = await applied;
  expect(response.status()).toBe(201);
  const result = (await response.json()) as { decisions: { caseId: string; decisionId: string }[] };
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Undo the last decision' })).toContainText(
    'Recorded “Remove messages” on 20 cases',
  );
  // The selection went with the decided cases.
  await expect(page.getByRole('toolbar', { name: 'Selected cases' })).toContainText('Select open cases');

  // Each case: its own decision, and its own decision.recorded in its timeline.
  expect(new Set(result.decisions.map((d) => d.caseId))).toEqual(new Set(wave.caseIds));
  expect(new Set(result.decisions.map((d) => d.decisionId)).size).toBe(20);
  const reader = await demoApi(baseURL as string, 'reviewer');
  for (const { caseId, decisionId } of result.decisions) {
    const detail = await caseAsRead(reader, caseId);
    expect(detail.decisions.map((d) => [d.id, d.action, d.policyCode])).toEqual([
      [decisionId, 'remove_messages', 'SP-1'],
    ]);
    expect(detail.timeline.filter((entry) => entry.action === 'decision.recorded')).toHaveLength(1);
  }
  await reader.ctx.dispose();
});

test('a reviewer undoes a decision within its window, and the platform hears nothing of it', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // The platform's side: a receiver for every decision that takes effect.
  const receiver = await startTestReceiver();
  const admin = await demoApi(baseURL as string, 'admin');
  const endpoint = (await admin.post('/api/webhooks/endpoints', {
    url: receiver.url,
    eventTypes: ['decision.effective', 'case.closed'],
  })) as { id: string; secret: string };
  receiver.secret = endpoint.secret;
  try {
    await page.goto('/sign-in');
    await signIn(page, 'reviewer');
    await expect(pageHeading(page, 'Queues')).toBeVisible();
    await waitForClaimableCases(page, 'harassment_hate', 2);
    await page.getByRole('button', { name: 'Start reviewing Harassment & hate' }).click();
    await expect(page).toHaveURL(CASE_URL);
    const undone = caseIdOf(page);
    await expect(pageHeading(page, new RegExp(ref(undone)))).toBeVisible();

    // Decide by keyboard, as reviewers do; each step waits for the page to catch up.
    await page.keyboard.press('2');
    await expect(page.getByRole('radio', { name: 'Warn' })).toBeChecked();
    await page.keyboard.press('p');
    const policy = page.getByRole('combobox', { name: 'Policy' });
    await expect(policy).toBeFocused();
    await page.keyboard.type('HR');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(policy).toHaveValue(/^HR-1 /);
    await page.keyboard.press('Escape');
    await page.keyboard.press('e');
    const note = page.getByRole('textbox', { name: 'Internal note' });
    await expect(note).toBeFocused();
    await page.keyboard.type('Wrong case: I meant to warn the other account in this thread.');
    await expect(note).toHaveValue(/other account/);
    const recorded = page.waitForResponse((r) => r.url().endsWith(`/api/cases/${undone}/decisions`));
    await page.keyboard.press('Control+Enter');
    const decision = (await (await recorded).json()) as { id: string };
    await expect(page).not.toHaveURL(new RegExp(undone));

    // The toast counts down; z undoes from anywhere on the page.
    const toast = page.getByRole('region', { name: 'Undo the last decision' });
    await expect(toast).toContainText(`Recorded “Warn” on case ${ref(undone)}`);
    await expect(toast.getByRole('timer')).toContainText(/Takes effect in \d s/);
    await page.getByRole('heading', { level: 1 }).focus();
    const undoing = page.waitForResponse((r) => r.url().endsWith('/api/decisions/undo'));
    await page.keyboard.press('z');
    expect((await undoing).status()).toBe(200);
    const done = page.getByRole('region', { name: 'Decision undone' });
    await expect(done).toContainText('the platform was told nothing');
    // The case is the reviewer's again.
    await done.getByRole('link', { name: `Resume case ${ref(undone)}` }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${undone}$`));
    await expect(page.getByRole('region', { name: /Decisions so far/ })).toContainText('Undone before it took effect');

    // A decision left alone reaches the platform after the window; the undone one never does.
    const reviewer = await demoApi(baseURL as string, 'reviewer');
    const kept = (await reviewer.post(`/api/cases/${undone}/decisions`, {
      action: 'no_violation',
      policyCode: 'NV-1',
      rationale: 'Looked again: nothing here breaks a policy.',
    })) as { id: string };
    await expect
      .poll(() => receiver.received.filter((r) => r.data.decisionId === kept.id).length, { timeout: 20_000 })
      .toBe(2);
    expect(receiver.received.filter((r) => r.data.decisionId === decision.id)).toEqual([]);
    expect(receiver.refused).toBe(0);
    await reviewer.ctx.dispose();
  } finally {
    await admin.post(`/api/webhooks/endpoints/${endpoint.id}/disable`);
    await admin.ctx.dispose();
    await receiver.close();
  }
});
