import type { CaseDetail } from '@docket/contracts';
import { withAdminClient } from '@docket/db/testing';
import { enrolledStaff } from './support/api';
import { expect, mainNav, pageHeading, signIn, test, waitForClaimableCases } from './support/test';

const ref = (caseId: string) => `#${caseId.slice(0, 8)}`;
const JUSTIFICATION = 'The reported messages refer to earlier threats that I need to read in context.';

/** The audit events of one action on one case by one person, straight from the stack's database. */
async function eventsOf(action: string, caseId: string, username: string) {
  const url = process.env.DOCKET_E2E_DATABASE_URL ?? '';
  return withAdminClient(url, async (client) => {
    const { rows } = await client.query<{ details: Record<string, unknown> }>(
      `select e.details from audit_event e join staff_user s on s.id::text = e.actor_id::text
        where e.action = $1 and e.case_id::text = $2 and s.username = $3 order by e.id`,
      [action, caseId, username],
    );
    return rows;
  });
}

test('a supervisor sees the evidence of what they sign without taking the case from its holder', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // The scene, through the API: a reviewer of its own holds an urgent case and asks for access,
  // and decides a suspension on another case, which waits for a supervisor.
  const reviewer = await enrolledStaff(baseURL ?? '', 'signoff-reviewer', 'signoff-reviewer-password', ['reviewer']);
  await page.goto('/sign-in');
  await signIn(page, 'supervisor');
  await expect(pageHeading(page, 'Queues')).toBeVisible();
  await waitForClaimableCases(page, 'urgent');
  await waitForClaimableCases(page, 'scams_spam');
  const urgent = ((await reviewer.post('/api/queues/urgent/claim-next')) as { case: { id: string } }).case.id;
  const request = (await reviewer.post(`/api/cases/${urgent}/access-requests`, {
    justificationCode: 'USER_REPORT',
    justification: JUSTIFICATION,
    scope: { kind: 'full_conversation' },
    durationMinutes: 30,
  })) as { id: string };
  const urgentEvidence = ((await reviewer.get(`/api/cases/${urgent}`)) as CaseDetail).evidence;
  const suspended = ((await reviewer.post('/api/queues/scams_spam/claim-next')) as { case: { id: string } }).case.id;
  const scamDetail = (await reviewer.get(`/api/cases/${suspended}`)) as CaseDetail;
  await reviewer.post(`/api/cases/${suspended}/decisions`, {
    action: 'suspend_account',
    policyCode: scamDetail.case.category === 'spam' ? 'SP-1' : 'SC-1',
    rationale: 'Runs a payment scam against many accounts.',
    statement: {
      ground: { kind: 'terms' },
      publicReason: 'Your account asked many people to pay for goods that never existed.',
      territorialScope: ['DE'],
    },
  });

  // The access request: its evidence, blurred because the case is urgent, until revealed.
  await mainNav(page)
    .getByRole('link', { name: /Access requests/ })
    .click();
  const card = page.getByRole('listitem', { name: `signoff-reviewer asks to read case ${ref(urgent)}` });
  await card.getByRole('button', { name: `Show evidence of ${ref(urgent)}` }).click();
  const evidence = card.getByRole('region', { name: /Reported messages/ });
  await expect(evidence).toContainText('Blurred because this case is in an urgent category');
  const firstBody = urgentEvidence.find((message) => message.body)?.body ?? '';
  await expect(evidence.locator('[data-blurred]').first()).toBeVisible();
  await evidence.getByRole('button', { name: 'Reveal evidence' }).click();
  await expect(evidence).not.toContainText('Blurred because');
  await expect(evidence.getByText(firstBody, { exact: true }).first()).toBeVisible();

  // Looked at and revealed as the supervisor, recorded like any case view; the holder keeps the case.
  const opened = await eventsOf('case.opened', urgent, 'supervisor');
  expect(opened.at(-1)?.details).toMatchObject({ readOnly: true, signing: 'access_request' });
  expect(await eventsOf('evidence.revealed', urgent, 'supervisor')).toHaveLength(1);
  const held = (await reviewer.get('/api/cases/held-by-me')) as { items: { id: string }[] };
  expect(held.items.map((item) => item.id)).toContain(urgent);

  // The whole case, read-only: nothing to work, nothing to ask, nothing to decide.
  await card.getByRole('link', { name: `Open case ${ref(urgent)} read-only` }).click();
  await expect(page.getByText('an access request on it awaits your decision; its holder keeps it')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Release', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Wider conversation' })).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Decide' })).toHaveCount(0);

  // The suspension awaiting confirmation shows its evidence the same way.
  await mainNav(page).getByRole('link', { name: 'Supervision' }).click();
  await page
    .getByRole('navigation', { name: 'Supervision' })
    .getByRole('link', { name: /^Awaiting confirmation/ })
    .click();
  const confirmation = page.getByRole('listitem', { name: `Suspend account ${ref(suspended)}` });
  await confirmation.getByRole('button', { name: `Show evidence of ${ref(suspended)}` }).click();
  const scamEvidence = confirmation.getByRole('region', { name: /Reported messages/ });
  const scamBody = scamDetail.evidence.find((message) => message.body)?.body ?? '';
  await expect(scamEvidence.getByText(scamBody, { exact: true }).first()).toBeVisible();
  expect((await eventsOf('case.opened', suspended, 'supervisor')).at(-1)?.details).toMatchObject({
    signing: 'confirmation',
  });

  // Leave nothing held behind for the journeys after this one.
  await reviewer.post(`/api/access/requests/${request.id}/cancel`);
  await reviewer.post(`/api/cases/${urgent}/release`);
  await reviewer.ctx.dispose();
});
