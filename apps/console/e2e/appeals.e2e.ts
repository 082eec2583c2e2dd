import { signRequest } from '@docket/intake-client';
import { type Page, request } from '@playwright/test';
import { demoApi } from './support/api';
import { expect, pageHeading, signIn, test, waitForClaimableCases } from './support/test';

const PUBLIC_REASON = 'Looking again, the messages were a one-off and the warning is lifted.';

/** The demo reviewer decides a case (a warning), and the platform forwards the warned user's appeal. */
async function appealedDecision(baseURL: string) {
  const reviewer = await demoApi(baseURL, 'reviewer');
  let caseId = '';
  await expect
    .poll(
      async () => {
        const claimed = (await reviewer.post('/api/queues/scams_spam/claim-next')) as { case: { id: string } | null };
        caseId = claimed.case?.id ?? '';
        return caseId;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');
  const detail = (await reviewer.get(`/api/cases/${caseId}`)) as { reports: { reportedAccountId: string }[] };
  const decision = (await reviewer.post(`/api/cases/${caseId}/decisions`, {
    action: 'warn',
    policyCode: 'SP-1',
    rationale: 'Bulk identical links to strangers; a first warning.',
  })) as { id: string };
  // Only a decision in effect can be appealed: it takes effect when its undo window ends (ADR 043).
  await expect
    .poll(
      async () =>
        ((await reviewer.get(`/api/cases/${caseId}`)) as { decisions: { tookEffectAt: string | null }[] }).decisions[0]
          ?.tookEffectAt ?? null,
      { timeout: 20_000 },
    )
    .not.toBeNull();

  const admin = await demoApi(baseURL, 'admin');
  const platform = (await admin.post('/api/service-accounts', { name: 'Appeals journey platform' })) as {
    keyId: string;
    secret: string;
  };
  const path = '/api/intake/appeals';
  const body = JSON.stringify({
    externalId: `journey-appeal-${Date.now()}`,
    decisionId: decision.id,
    appellant: 'affected_user',
    accountId: detail.reports[0]?.reportedAccountId,
    submittedAt: new Date().toISOString(),
  });
  const headers = signRequest(platform.keyId, platform.secret, {
    method: 'POST',
    path,
    timestamp: Math.floor(Date.now() / 1000),
    body,
  });
  const forwarder = await request.newContext({ baseURL });
  const received = await forwarder.post(path, {
    data: body,
    headers: { ...headers, 'content-type': 'application/json' },
  });
  expect(received.status(), await received.text()).toBe(200);
  const appeal = (await received.json()) as { caseId: string };
  await Promise.all([forwarder.dispose(), admin.ctx.dispose()]);
  return { reviewer, appealCaseId: appeal.caseId, appellantAccountId: String(detail.reports[0]?.reportedAccountId) };
}

test('a second reviewer decides an appeal, and the original decider cannot', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const baseURL = test.info().project.use.baseURL as string;
  const { reviewer, appealCaseId, appellantAccountId } = await appealedDecision(baseURL);

  // The original decider is never handed the appeal, and deciding it anyway is refused.
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  await waitForClaimableCases(page, 'appeals');
  await page.getByRole('button', { name: 'Start reviewing Appeals' }).click();
  await expect(page.getByText('Nothing to review in Appeals right now.')).toBeVisible();
  const refused = await page.request.post(`/api/cases/${appealCaseId}/appeal-outcome`, {
    data: { outcome: 'upheld', publicReason: PUBLIC_REASON },
    headers: { 'x-csrf-token': await csrfOf(page) },
  });
  expect(refused.status()).toBe(403);
  await reviewer.ctx.dispose();

  // The demo platform may have appealed decisions of the demo's own history too: the supervisor
  // decides those first, as the queue hands them over, until it hands over this appeal.
  const supervisorApi = await demoApi(baseURL, 'supervisor');
  for (let drained = 0; ; drained++) {
    const claimed = (await supervisorApi.post('/api/queues/appeals/claim-next')) as { case: { id: string } | null };
    const id = claimed.case?.id;
    if (!id || drained > 50) throw new Error('the appeal never reached the supervisor');
    if (id === appealCaseId) break;
    await supervisorApi.post(`/api/cases/${id}/appeal-outcome`, { outcome: 'upheld', publicReason: PUBLIC_REASON });
  }
  await supervisorApi.ctx.dispose();

  // A supervisor who had no part in the case reviews it: the decision and what the user was told, then the outcome.
  const context = await browser.newContext({ baseURL });
  const second = await context.newPage();
  await second.goto('/sign-in');
  await signIn(second, 'supervisor');
  await expect(pageHeading(second, 'Queues')).toBeVisible();
  await second.goto(`/cases/${appealCaseId}`);
  const appealSection = second.getByRole('region', { name: /Appeal/ }).first();
  await expect(appealSection.getByText('Decision appealed against')).toBeVisible();
  await expect(appealSection.getByText('Bulk identical links to strangers; a first warning.')).toBeVisible();
  // The appellant's account id leads to the account, as every account id a reviewer sees does.
  await expect(appealSection.getByRole('link', { name: appellantAccountId, exact: true })).toHaveAttribute(
    'href',
    `/accounts/${encodeURIComponent(appellantAccountId)}`,
  );

  await second.getByText('Reverse', { exact: true }).click();
  await expect(second.getByRole('radio', { name: /^Reverse/ })).toBeChecked();
  await second.getByRole('textbox', { name: 'Public reason' }).fill(PUBLIC_REASON);
  await second.getByRole('textbox', { name: 'Internal note' }).fill('No pattern on the account.');
  await second.getByRole('button', { name: 'Record outcome' }).click();
  await expect(second.getByText(/decided: reversed/)).toBeVisible();
  await context.close();
});

async function csrfOf(page: Page): Promise<string> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  return session.csrfToken;
}
