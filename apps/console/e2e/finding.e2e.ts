import type { CaseDetail } from '@docket/contracts';
import { demoApi } from './support/api';
import { CASE_URL, caseIdOf, expect, mainNav, pageHeading, signIn, test, waitForClaimableCases } from './support/test';

const ref = (caseId: string) => `#${caseId.slice(0, 8)}`;
const POLICY_FOR: Record<string, string> = { spam: 'SP-1', scam_fraud: 'SC-1' };

test('a supervisor finds a case by the reported account’s handle and reads it after it was decided', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(60_000);
  // The scene: a reviewer claims a case and decides it.
  const reviewer = await demoApi(baseURL ?? '', 'reviewer');
  const claimed = (await reviewer.post('/api/queues/scams_spam/claim-next')) as { case: { id: string } | null };
  const caseId = claimed.case?.id ?? '';
  expect(caseId, 'a claimable case in Scams & spam').not.toBe('');
  const detail = (await reviewer.get(`/api/cases/${caseId}`)) as CaseDetail;
  const reportedId = detail.reports[0]?.reportedAccountId;
  const handle = detail.accounts.find((account) => account.id === reportedId)?.handle ?? '';
  await reviewer.post(`/api/cases/${caseId}/decisions`, {
    action: 'warn',
    policyCode: POLICY_FOR[detail.case.category] ?? 'SP-1',
    rationale: 'Repeated unsolicited offers, a first warning.',
  });

  await page.goto('/sign-in');
  await signIn(page, 'supervisor');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  await page.getByRole('link', { name: 'Find cases' }).click();
  await expect(pageHeading(page, 'Find cases')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search cases' }).fill(`@${handle}`);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=%40${handle}`));

  // The account the handle names has its own page; the filters live in the URL.
  await expect(page.getByRole('link', { name: `@${handle}` })).toBeVisible();
  await page.getByRole('button', { name: /Status/ }).click();
  await page.getByRole('option', { name: 'Decided' }).click();
  await expect(page).toHaveURL(/status=decided/);
  await page.getByRole('link', { name: `Case ${ref(caseId)}` }).click();

  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await expect(page.getByText('This case is decided: you are reading it, not working it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Release', exact: true })).toHaveCount(0);

  // From the case, the handle leads to the account's history, with this case and its decision.
  await page.getByRole('link', { name: handle, exact: true }).first().click();
  await expect(pageHeading(page, `@${handle}`)).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Decisions' }).getByRole('link', { name: `Case ${ref(caseId)}` }),
  ).toBeVisible();
});

test('while a reviewer holds a case, every other page offers to resume or release it', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, 'reviewer');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  await waitForClaimableCases(page, 'scams_spam', 1);
  await page.getByRole('button', { name: 'Start reviewing Scams & spam' }).click();
  await expect(page).toHaveURL(CASE_URL);
  const caseId = caseIdOf(page);
  const banner = page.getByRole('region', { name: 'Cases you hold' });
  const resume = banner.getByRole('link', { name: `Resume case ${ref(caseId)}` });
  // Not on the case itself (earlier journeys may have left this reviewer holding others).
  await expect(resume).toHaveCount(0);

  await mainNav(page).getByRole('link', { name: 'Queues' }).click();
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  await expect(banner).toContainText(`Case ${ref(caseId)}`);
  await resume.click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await expect(resume).toHaveCount(0);

  await mainNav(page).getByRole('link', { name: 'Queues' }).click();
  await banner.getByRole('button', { name: `Release case ${ref(caseId)}` }).click();
  await expect(resume).toHaveCount(0);
});
