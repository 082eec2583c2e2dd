import type { Page } from '@playwright/test';
import {
  CASE_URL,
  caseIdOf,
  expect,
  mainNav,
  pageHeading,
  signIn,
  test,
  waitForClaimableCases,
  watchBrowserProblems,
} from './support/test';

const ref = (caseId: string) => `#${caseId.slice(0, 8)}`;

/** From the queues page: waits for a claimable case in the queue, starts reviewing it, returns its id. */
async function startReviewing(page: Page, queue: { id: string; name: string }, atLeast = 1): Promise<string> {
  await waitForClaimableCases(page, queue.id, atLeast);
  await page.getByRole('button', { name: `Start reviewing ${queue.name}` }).click();
  await expect(page).toHaveURL(CASE_URL);
  return caseIdOf(page);
}

const HARASSMENT = { id: 'harassment_hate', name: 'Harassment & hate' };

test('a reviewer claims, reads, decides and moves on without touching the mouse', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeFocused();
  await waitForClaimableCases(page, 'urgent', 3);

  // From here on: the keyboard only.
  await page.keyboard.press('j');
  await expect(page.getByRole('row', { name: 'Urgent' })).toBeFocused();
  await page.keyboard.press('c');
  await expect(page).toHaveURL(CASE_URL);
  const first = caseIdOf(page);
  await expect(pageHeading(page, new RegExp(ref(first)))).toBeVisible();
  await expect(page.getByText('Your hold')).toBeVisible();

  // Urgent evidence arrives blurred; r records the reveal, then unblurs it.
  const evidence = page.getByRole('region', { name: /Reported messages/ });
  await expect(evidence.getByRole('list')).toHaveAttribute('data-blurred', 'true');
  const revealed = page.waitForResponse((r) => r.url().endsWith('/evidence/reveal') && r.status() === 204);
  await page.keyboard.press('r');
  await revealed;
  await expect(evidence.getByRole('list')).not.toHaveAttribute('data-blurred');
  await expect(evidence.getByRole('button', { name: /Reveal evidence/ })).toHaveCount(0);

  await page.keyboard.press('2');
  await expect(page.getByRole('radio', { name: 'Warn' })).toBeChecked();

  await page.keyboard.press('e');
  const rationale = page.getByRole('textbox', { name: 'Internal note' });
  await expect(rationale).toBeFocused();
  // Letters are text while typing: none of these starts a shortcut.
  await page.keyboard.type('Repeated unwanted contact after being asked to stop; first warning.');
  await expect(page.getByRole('radio', { name: 'Warn' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(rationale).not.toBeFocused();

  await page.keyboard.press('p');
  const policy = page.getByRole('combobox', { name: 'Policy' });
  await expect(policy).toBeFocused();
  // Only policies for this urgent category are offered (never Harassment); the first will do.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: /HR-1/ })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(policy).toHaveValue(/^(CS|GR|SX|VT|SH)-1 /);
  const policyCode = (await policy.inputValue()).split(' ')[0];

  await page.keyboard.press('Control+Enter');
  await expect(page).not.toHaveURL(new RegExp(first));
  await expect(page).toHaveURL(CASE_URL);
  const second = caseIdOf(page);
  await expect(pageHeading(page, new RegExp(ref(second)))).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: `Recorded “Warn” under ${policyCode} on case ${ref(first)}.` }),
  ).toBeVisible();
  // A fresh form for the new case.
  await expect(page.getByRole('radio', { name: 'Warn' })).not.toBeChecked();

  // s gives the case back and opens another one.
  await page.keyboard.press('s');
  await expect(page).not.toHaveURL(new RegExp(second));
  await expect(page).toHaveURL(CASE_URL);
  await expect(page.getByRole('status').filter({ hasText: `Skipped case ${ref(second)}` })).toBeVisible();
  await expect(pageHeading(page, new RegExp(ref(caseIdOf(page))))).toBeVisible();
});

test('a reviewer writes a public reason and an internal note', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  const caseId = await startReviewing(page, HARASSMENT, 2);
  await pageHeading(page, new RegExp(ref(caseId))).focus();

  const publicReason = 'You kept messaging someone who asked you to stop, and called them names.';
  const note = 'Third report on this account this month; watch the sibling accounts.';

  // A restriction asks for the statement the user reads; the keyboard still does it all.
  await page.keyboard.press('4');
  await expect(page.getByRole('radio', { name: 'Restrict account' })).toBeChecked();
  const statement = page.getByRole('group', { name: 'Statement of reasons' });
  await expect(statement).toContainText('The user may appeal until');
  await page.keyboard.press('p');
  await page.keyboard.type('HR');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(statement).toContainText('https://platform.example/terms#harassment');
  await page.keyboard.press('Escape');
  await page.keyboard.press('u');
  await expect(page.getByRole('textbox', { name: 'Public reason' })).toBeFocused();
  await page.keyboard.type(publicReason);
  await page.keyboard.press('Escape');
  await page.keyboard.press('e');
  await expect(page.getByRole('textbox', { name: 'Internal note' })).toBeFocused();
  await page.keyboard.type(note);

  const recorded = page.waitForResponse((r) => r.url().endsWith(`/api/cases/${caseId}/decisions`));
  await page.keyboard.press('Control+Enter');
  const decision = await (await recorded).json();
  await expect(
    page.getByRole('status').filter({ hasText: `Recorded “Restrict account” under HR-1 on case ${ref(caseId)}.` }),
  ).toContainText('The user may appeal until');

  // Stored apart: the note stays with staff, the reason goes in the statement the user is given.
  expect(decision.rationale).toBe(note);
  expect(decision.statement).toMatchObject({
    publicReason,
    ground: { kind: 'terms', termsUrl: 'https://platform.example/terms#harassment' },
    restriction: 'service_partially_suspended',
    category: 'cyber_violence',
  });
  expect(JSON.stringify(decision.statement)).not.toContain(note);
  expect(decision.statement.territorialScope).toHaveLength(30);
});

test('? lists every shortcut, and Escape closes the list', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeFocused();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const text of [
    'Start reviewing the focused queue',
    'Reveal blurred evidence',
    'Refer to law enforcement',
    'Choose the policy',
    'Write the internal note',
    'Write the public reason the user reads',
    'Record the decision and open the next case',
    'Skip: give the case back and open the next one',
    'Show or hide the timeline',
  ]) {
    await expect(dialog).toContainText(text);
  }
  // Shortcuts of the page underneath do not fire while the dialog is open.
  await page.keyboard.press('j');
  await expect(page.getByRole('row', { name: 'Urgent' })).not.toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(pageHeading(page, 'Queues')).toBeFocused();
});

test('a supervisor confirms the suspension a reviewer decided', async ({ page, browser }) => {
  test.setTimeout(60_000);
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  const caseId = await startReviewing(page, HARASSMENT, 2);
  await page.getByText('Suspend account', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Policy' }).fill('HR-1');
  await page.getByRole('option', { name: /HR-1/ }).click();
  await page
    .getByRole('textbox', { name: 'Public reason' })
    .fill('You sent the same person abusive messages many times after they asked you to stop.');
  await page.getByRole('textbox', { name: 'Internal note' }).fill('Sustained targeted abuse across several reports.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page).not.toHaveURL(new RegExp(caseId));
  await expect(
    page.getByRole('status').filter({ hasText: 'takes effect once another supervisor confirms it' }),
  ).toBeVisible();

  // The supervisor, in a browser of their own.
  const supervisorContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const supervisor = await supervisorContext.newPage();
  const problems = watchBrowserProblems(supervisor);
  await supervisor.goto('/sign-in');
  await signIn(supervisor, 'supervisor');
  await mainNav(supervisor).getByRole('link', { name: 'Supervision' }).click();
  await expect(pageHeading(supervisor, 'Supervision')).toBeVisible();
  await supervisor.getByRole('link', { name: /Awaiting confirmation/ }).click();

  const card = supervisor.getByRole('listitem', { name: `Suspend account ${ref(caseId)}` });
  await expect(card).toContainText('Internal note: Sustained targeted abuse across several reports.');
  await expect(card).toContainText('Told the user: You sent the same person abusive messages');
  await expect(card).toContainText('Decided by reviewer');
  await expect(card).toContainText('HR-1 (Harassment)');
  await card.getByRole('button', { name: `Confirm suspend account on ${ref(caseId)}…` }).click();

  const dialog = supervisor.getByRole('dialog', { name: `Confirm suspend account on case ${ref(caseId)}?` });
  await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill('Checked the evidence; agreed.');
  await dialog.getByRole('button', { name: 'Confirm suspend account' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toHaveCount(0);
  await expect(
    supervisor.getByRole('status').filter({ hasText: `Confirmed suspend account on case ${ref(caseId)}.` }),
  ).toBeVisible();

  expect(problems, 'supervisor browser console errors').toEqual([]);
  await supervisorContext.close();
});

test('a supervisor sees why they cannot confirm their own suspension', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/sign-in');
  await signIn(page, 'supervisor');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  await waitForClaimableCases(page, 'scams_spam', 2);

  // The decision itself is not what this journey is about: record it through the API.
  const { csrfToken } = await (await page.request.get('/api/auth/session')).json();
  const headers = { 'x-csrf-token': csrfToken };
  const claimed = await (await page.request.post('/api/queues/scams_spam/claim-next', { headers, data: {} })).json();
  const caseId: string = claimed.case.id;
  const decided = await page.request.post(`/api/cases/${caseId}/decisions`, {
    headers,
    data: {
      action: 'suspend_account',
      policyCode: 'SC-1',
      rationale: 'Runs a payment scam against many accounts.',
      statement: {
        ground: { kind: 'terms' },
        publicReason: 'Your account asked many people to pay for goods that never existed.',
        territorialScope: ['DE'],
      },
    },
  });
  expect(decided.status()).toBe(201);

  await page.goto('/supervision/confirmations');
  const card = page.getByRole('listitem', { name: `Suspend account ${ref(caseId)}` });
  await expect(card).toContainText('You recorded this decision, so another supervisor must confirm or reject it');
  await expect(card.getByRole('button', { name: /^Confirm/ })).toBeDisabled();
  await expect(card.getByRole('button', { name: /^Reject/ })).toBeDisabled();
});

test('when the hold on a case is lost, the page says so, and the case is gone from memory', async ({ page }) => {
  test.setTimeout(60_000);
  // The page's timers run on a clock the test can move: the lease is renewed every minute.
  await page.clock.install();
  await page.goto('/sign-in');
  await signIn(page, 'supervisor');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  const caseId = await startReviewing(page, { id: 'other', name: 'Other' });

  // Someone takes the case away; the next lease renewal, a minute later, finds out.
  await expect(pageHeading(page, new RegExp(ref(caseId)))).toBeVisible();
  const { csrfToken } = await (await page.request.get('/api/auth/session')).json();
  const unassigned = await page.request.post(`/api/cases/${caseId}/unassign`, {
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(unassigned.status()).toBe(200);
  const renewal = page.waitForResponse((r) => r.url().endsWith(`/api/cases/${caseId}/lease`));
  await page.clock.fastForward('01:01');
  expect((await renewal).status()).toBe(409);

  await expect(page.getByRole('alert').filter({ hasText: 'You no longer hold this case' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record decision' })).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Skip/ })).toBeDisabled();
  await page.getByRole('link', { name: 'Back to queues' }).click();
  await expect(pageHeading(page, 'Queues')).toBeVisible();

  // Nothing of the case was kept: going back asks the server again, which refuses.
  await page.goBack();
  await expect(pageHeading(page, 'This case is not yours to open')).toBeVisible();
  await expect(page.getByRole('region', { name: /Reported messages/ })).toHaveCount(0);
});

test('a reviewer turns off blurring in Preferences, and urgent evidence then arrives unblurred', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();

  await page.getByRole('button', { name: 'Preferences' }).click();
  const dialog = page.getByRole('dialog', { name: 'Preferences' });
  const blur = dialog.getByRole('switch', { name: /Blur evidence in urgent categories/ });
  await expect(blur).toBeChecked();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/preferences') && r.request().method() === 'PUT');
  await blur.press('Space');
  expect((await saved).status()).toBe(200);
  await expect(blur).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await startReviewing(page, { id: 'urgent', name: 'Urgent' });
  const evidence = page.getByRole('region', { name: /Reported messages/ });
  await expect(evidence.getByRole('list')).toBeVisible();
  await expect(evidence.getByRole('list')).not.toHaveAttribute('data-blurred');
  await expect(evidence.getByRole('button', { name: /Reveal evidence/ })).toHaveCount(0);

  // Back to the default, for whoever signs in as the demo reviewer next.
  const { csrfToken } = await (await page.request.get('/api/auth/session')).json();
  const restored = await page.request.put('/api/me/preferences', {
    headers: { 'x-csrf-token': csrfToken },
    data: { blurUrgentEvidence: true },
  });
  expect(restored.status()).toBe(200);
});

test('an admin adds a policy to the catalog and deactivates it', async ({ page }) => {
  const code = `QA-${Date.now() % 1000}`;
  await page.goto('/sign-in');
  await signIn(page, 'admin');
  await mainNav(page).getByRole('link', { name: 'Queues & policies' }).click();
  await expect(pageHeading(page, 'Queues & policies')).toBeVisible();
  await expect(page.getByRole('row', { name: /HR-1/ })).toContainText('Harassment');

  await page.getByRole('button', { name: 'Add policy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add policy' });
  await dialog.getByLabel('Code').fill(code);
  await dialog.getByLabel('Title').fill('Quality check');
  await dialog.getByLabel('Description').fill('Used by the browser journeys.');
  await dialog.getByRole('button', { name: 'Add policy' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Added ${code}.` })).toBeVisible();
  const row = page.getByRole('row', { name: code, exact: true });
  await expect(row).toContainText('Quality check');
  await expect(row).toContainText('Active');

  await row.getByRole('button', { name: `Actions for ${code}` }).click();
  await page.getByRole('menuitem', { name: 'Deactivate…' }).click();
  const confirm = page.getByRole('dialog', { name: `Deactivate ${code}?` });
  await expect(confirm).toContainText(`can no longer cite ${code}`);
  await confirm.getByRole('button', { name: 'Deactivate policy' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Inactive');
  await expect(page.getByRole('status').filter({ hasText: `Deactivated ${code}.` })).toBeVisible();
});

test('a supervisor hands a held case to a chosen colleague', async ({ page, browser }) => {
  test.setTimeout(60_000);
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  const caseId = await startReviewing(page, { id: 'scams_spam', name: 'Scams & spam' });

  const supervisorContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const supervisor = await supervisorContext.newPage();
  const problems = watchBrowserProblems(supervisor);
  await supervisor.goto('/sign-in');
  await signIn(supervisor, 'supervisor');
  await mainNav(supervisor).getByRole('link', { name: 'Supervision' }).click();
  await supervisor.getByRole('button', { name: `Reassign ${ref(caseId)}…` }).click();
  const dialog = supervisor.getByRole('dialog', { name: `Reassign case ${ref(caseId)}` });
  await dialog.getByRole('combobox', { name: 'Reassign to' }).fill('Sam');
  await supervisor.getByRole('option', { name: /Sam Supervisor/ }).click();
  await dialog.getByRole('button', { name: 'Reassign', exact: true }).click();
  await expect(
    supervisor.getByRole('status').filter({ hasText: `Case ${ref(caseId)} is now with Sam Supervisor.` }),
  ).toBeVisible();
  expect(problems, 'supervisor browser console errors').toEqual([]);
  await supervisorContext.close();
});
