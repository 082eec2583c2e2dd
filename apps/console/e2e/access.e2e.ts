import type { Browser, Page } from '@playwright/test';
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

const JUSTIFICATION = 'The reported messages refer to earlier threats that I need to read in context.';
const caseRefOf = (page: Page) => `#${caseIdOf(page).slice(0, 8)}`;

/** The supervisor, signed in in a browser of their own. */
async function supervisorIn(browser: Browser) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  const problems = watchBrowserProblems(page);
  await page.goto('/sign-in');
  await signIn(page, 'supervisor');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  return {
    page,
    async close() {
      expect(problems, 'supervisor browser console errors').toEqual([]);
      await context.close();
    },
  };
}

async function claim(page: Page, queueId: string, queueName: string) {
  await waitForClaimableCases(page, queueId);
  await page.getByRole('button', { name: `Start reviewing ${queueName}` }).click();
  await expect(page).toHaveURL(CASE_URL);
  return caseRefOf(page);
}

test('a reviewer asks, a supervisor approves live, and the content goes when the grant ends or is revoked', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // The reviewer's timers run on a clock the test can move, to reach the end of a one-minute grant.
  await page.clock.install();
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  const ref = await claim(page, 'harassment_hate', 'Harassment & hate');
  const access = page.getByRole('region', { name: 'Wider conversation' });
  const messages = access.getByRole('list', { name: 'Conversation messages' });
  await expect(access).toContainText('Only the reported messages are shown');

  // The supervisor watches the inbox before anything is asked.
  const supervisor = await supervisorIn(browser);
  await mainNav(supervisor.page)
    .getByRole('link', { name: /Access requests/ })
    .click();
  await expect(pageHeading(supervisor.page, 'Access requests')).toBeVisible();
  const card = supervisor.page.getByRole('listitem', { name: `Riley Reviewer asks to read case ${ref}` });
  await expect(card).toHaveCount(0);

  await access.getByRole('button', { name: 'Request access…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request access to the conversation' });
  await expect(dialog).toContainText('at least 40 characters');
  await dialog.getByText('User report', { exact: true }).click();
  const justification = dialog.getByRole('textbox', { name: 'Justification' });
  await justification.fill('Too short.');
  await dialog.getByText('The whole conversation', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog).toContainText('Write at least 40 characters');
  await justification.fill(JUSTIFICATION);
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog).toBeHidden();
  await expect(access).toContainText('Waiting for a supervisor');
  await expect(access.getByRole('button', { name: 'Cancel request' })).toBeVisible();

  // It arrives without a reload, with what the supervisor needs to judge it.
  await expect(card).toBeVisible();
  await expect(card).toContainText(JUSTIFICATION);
  await expect(card).toContainText('User report');
  await expect(card).toContainText('The whole conversation');
  await expect(card).toContainText(/\d+ made · \d+ approved · \d+ denied/);
  await expect(mainNav(supervisor.page).getByRole('link', { name: /Access requests/ })).toContainText('pending');
  await card.getByRole('button', { name: /^Approve reviewer's request/ }).click();
  const approve = supervisor.page.getByRole('dialog', { name: `Approve access to case ${ref}?` });
  await approve.getByRole('textbox', { name: 'Duration (minutes)' }).fill('1');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(approve).toBeHidden();
  await expect(card).toHaveCount(0);

  // The reviewer's page opens the conversation by itself: countdown, watermark, reported messages marked.
  await expect(messages).toBeVisible();
  await expect(access).toContainText(/Access ends in 0:[0-5]\d/);
  await expect(access.locator('.watermark')).toContainText('Riley Reviewer');
  await expect(messages.getByRole('listitem').filter({ hasText: 'Reported' }).first()).toBeVisible();

  // The minute passes: the content leaves the screen without a reload.
  await page.clock.fastForward('01:05');
  await expect(messages).toHaveCount(0);
  await expect(access).toContainText('Your access has expired.');
  await expect(access.locator('.conversation-message')).toHaveCount(0);

  // A second grant, revoked early by the supervisor.
  await access.getByRole('button', { name: 'Request access again…' }).click();
  await dialog.getByText('Imminent harm', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Justification' }).fill(JUSTIFICATION);
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog).toBeHidden();
  await card.getByRole('button', { name: /^Approve reviewer's request/ }).click();
  await approve.getByRole('button', { name: 'Approve' }).click();
  await expect(approve).toBeHidden();
  await expect(messages).toBeVisible();

  await supervisor.page.getByRole('link', { name: /Active grants/ }).click();
  // The one-minute grant ended on the reviewer's moved clock only; on the server's it still runs
  // for a few seconds, ahead of the new one in the list (soonest to end first).
  await supervisor.page
    .getByRole('button', { name: `Revoke reviewer's access to ${ref}…` })
    .last()
    .click();
  const revoke = supervisor.page.getByRole('dialog', { name: `Revoke access to case ${ref}?` });
  const why = 'Reading far more of the conversation than the report needs.';
  await revoke.getByRole('textbox', { name: 'Reason (optional)' }).fill(why);
  await revoke.getByRole('button', { name: 'Revoke access' }).click();
  await expect(revoke).toBeHidden();
  await expect(messages).toHaveCount(0);
  await expect(access).toContainText('A supervisor revoked your access.');

  // Asking again is allowed; whoever judges it sees that access was revoked, by whom and why.
  await access.getByRole('button', { name: 'Request access again…' }).click();
  await dialog.getByText('User report', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Justification' }).fill(JUSTIFICATION);
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog).toBeHidden();
  await mainNav(supervisor.page)
    .getByRole('link', { name: /Access requests/ })
    .click();
  await expect(card.getByRole('note')).toContainText("Riley Reviewer's access to this case was revoked by");
  await expect(card.getByRole('note')).toContainText(why);

  // Withdrawn again, so the shared demo inbox stays as the other journeys expect it.
  await access.getByRole('button', { name: 'Cancel request' }).click();
  await expect(card).toHaveCount(0);
  await supervisor.close();
});

test('a denial reaches the reviewer live, with the reason', async ({ page, browser }) => {
  test.setTimeout(60_000);
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  const ref = await claim(page, 'scams_spam', 'Scams & spam');
  const access = page.getByRole('region', { name: 'Wider conversation' });
  await access.getByRole('button', { name: 'Request access…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request access to the conversation' });
  await dialog.getByText('Own-initiative review', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Justification' }).fill(JUSTIFICATION);
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(access).toContainText('Waiting for a supervisor');

  const supervisor = await supervisorIn(browser);
  await supervisor.page.goto('/access');
  const card = supervisor.page.getByRole('listitem', { name: `Riley Reviewer asks to read case ${ref}` });
  await card.getByRole('button', { name: /^Deny reviewer's request/ }).click();
  const deny = supervisor.page.getByRole('dialog', { name: `Deny access to case ${ref}?` });
  await deny.getByRole('textbox', { name: 'Reason' }).fill('The reported messages are enough to decide this one.');
  await deny.getByRole('button', { name: 'Deny request' }).click();
  await expect(deny).toBeHidden();

  await expect(page.getByRole('alert').filter({ hasText: 'Your access request was denied' })).toContainText(
    'The reported messages are enough to decide this one.',
  );
  await supervisor.close();
});

test('break-glass opens at once, and the supervisor reviews it from a live notice', async ({ page, browser }) => {
  test.setTimeout(60_000);
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  const supervisor = await supervisorIn(browser);
  await supervisor.page.goto('/access/break-glass');
  await expect(pageHeading(supervisor.page, 'Access requests')).toBeVisible();

  const ref = await claim(page, 'urgent', 'Urgent');
  const access = page.getByRole('region', { name: 'Wider conversation' });
  await access.getByRole('button', { name: 'Break glass…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Break glass: read the conversation now' });
  await expect(dialog).toContainText('supervisors are told now');
  await dialog.getByRole('textbox', { name: 'Why this cannot wait' }).fill(JUSTIFICATION);
  await dialog.getByRole('button', { name: 'Break glass' }).click();
  await expect(dialog).toBeHidden();
  const messages = access.getByRole('list', { name: 'Conversation messages' });
  await expect(messages).toBeVisible();
  await expect(access).toContainText('Flagged: you opened this without approval');

  // An urgent case: the reported messages stay blurred in the conversation as in the evidence
  // panel, and one reveal, here, unblurs both.
  const evidence = page.getByRole('region', { name: /Reported messages/ });
  const reportedBodies = messages.locator('.conversation-message[data-reported] .conversation-body');
  await expect(reportedBodies.first()).toBeVisible();
  const reportedCount = await reportedBodies.count();
  await expect(messages.locator('.conversation-body[data-blurred]')).toHaveCount(reportedCount);
  await expect(messages.locator('.conversation-message:not([data-reported]) [data-blurred]')).toHaveCount(0);
  await expect(reportedBodies.first()).toHaveCSS('filter', 'blur(6px)');
  await expect(evidence.getByRole('list')).toHaveAttribute('data-blurred', 'true');
  const revealed = page.waitForResponse((r) => r.url().endsWith('/evidence/reveal') && r.status() === 204);
  await access.getByRole('button', { name: /Reveal evidence/ }).click();
  await revealed;
  await expect(page.locator('[data-blurred]')).toHaveCount(0);
  await expect(reportedBodies.first()).toHaveCSS('filter', 'none');
  await expect(page.getByRole('button', { name: /Reveal evidence/ })).toHaveCount(0);

  // Leaving the case drops the content: coming back reads it from the server again (an audited read).
  await mainNav(page).getByRole('link', { name: 'Queues' }).click();
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  const reread = page.waitForResponse((r) => r.url().endsWith('/conversation') && r.status() === 200);
  await page.goBack();
  await reread;
  await expect(messages).toBeVisible();

  // Anywhere in the console, a notice; on the review list, the use itself.
  const notices = supervisor.page.getByRole('region', { name: 'Access notifications' });
  await expect(notices).toContainText(`Break-glass used on case ${ref}`);
  const card = supervisor.page.getByRole('listitem', { name: `Riley Reviewer broke glass on case ${ref}` });
  await expect(card).toContainText(JUSTIFICATION);
  await card.getByRole('button', { name: `Mark reviewer's break-glass on ${ref} justified…` }).click();
  const review = supervisor.page.getByRole('dialog', { name: `Mark the break-glass on case ${ref} justified?` });
  await review.getByRole('textbox', { name: 'Note (optional)' }).fill('Imminent threat; opening it was right.');
  await review.getByRole('button', { name: 'Mark justified' }).click();
  await expect(review).toBeHidden();
  await expect(card).toHaveCount(0);
  await expect(notices).not.toContainText(`Break-glass used on case ${ref}`);
  await supervisor.close();
});

test('a supervisor sees their own request but cannot approve it, and is told why', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/sign-in');
  await signIn(page, 'supervisor');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  await waitForClaimableCases(page, 'other');

  // Filing is not what this journey is about: do it through the API.
  const { csrfToken } = await (await page.request.get('/api/auth/session')).json();
  const headers = { 'x-csrf-token': csrfToken };
  const claimed = await (await page.request.post('/api/queues/other/claim-next', { headers, data: {} })).json();
  const caseId: string = claimed.case.id;
  const filed = await page.request.post(`/api/cases/${caseId}/access-requests`, {
    headers,
    data: {
      justificationCode: 'OWN_INITIATIVE_REVIEW',
      justification: JUSTIFICATION,
      scope: { kind: 'reported_context', context: 2 },
      durationMinutes: 30,
    },
  });
  expect(filed.status()).toBe(201);

  await page.goto('/access');
  const card = page.getByRole('listitem', { name: `Sam Supervisor asks to read case #${caseId.slice(0, 8)}` });
  await expect(card).toContainText('This is your own request, so another supervisor must decide it');
  await expect(card).toContainText('The reported messages ± 2 messages');
  await expect(card.getByRole('button', { name: /^Approve/ })).toBeDisabled();
  await expect(card.getByRole('button', { name: /^Deny/ })).toBeDisabled();

  // Withdrawn again, so the shared demo inbox stays as the other journeys expect it.
  const { request } = await (await page.request.get(`/api/cases/${caseId}/access`)).json();
  expect((await page.request.post(`/api/access/requests/${request.id}/cancel`, { headers })).status()).toBe(200);
  await expect(card).toHaveCount(0);
});
