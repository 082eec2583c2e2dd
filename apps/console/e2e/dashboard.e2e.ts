import { withAdminClient } from '@docket/db/testing';
import type { Locator, Page } from '@playwright/test';
import { databaseUrl } from './support/refusals';
import { DEMO, expect, mainNav, pageHeading, signIn, test } from './support/test';

/**
 * The dashboard: a supervisor sees the team's charts, and each chart's numbers match what the
 * database holds; a reviewer sees only their own figures, and the API refuses them anyone else's.
 */

const today = () => new Date().toISOString().slice(0, 10);

/** Decides `count` open cases as `username`, today: the seed the figures must show. */
async function decideAs(username: string, count: number) {
  await withAdminClient(databaseUrl(), async (client) => {
    await client.query(
      `with staff as (select id from staff_user where username = $1),
            picked as (select id from "case" where status = 'open' and assignee_id is null order by opened_at limit $2),
            closed as (update "case" set status = 'decided', decided_at = now() where id in (select id from picked) returning id)
       insert into decision (case_id, action, policy_code, rationale, decided_by, requires_confirmation)
       select closed.id, 'no_violation', 'NV-1', 'Seeded for the dashboard journey.', staff.id, false from closed, staff`,
      [username, count],
    );
  });
}

async function decisionsToday(username: string): Promise<number> {
  return withAdminClient(databaseUrl(), async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from decision d join staff_user s on s.id = d.decided_by
        where s.username = $1 and d.decided_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'`,
      [username],
    );
    return rows[0]?.n ?? 0;
  });
}

function figure(page: Page, title: string): Locator {
  return page.getByRole('figure', { name: title });
}

/** Opens a figure's numbers (if they are not open already) and returns its table. */
async function numbersOf(page: Page, title: string): Promise<Locator> {
  const details = figure(page, title).locator('details');
  if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await details.getByText('Numbers').click();
  }
  return details.getByRole('table');
}

/**
 * The figure's table shows `username`'s decisions today as the database counts them. The demo
 * staff may still be working cases in the background, so count and page are read together, again
 * until they agree.
 */
async function expectTodaysDecisions(page: Page, title: string, username: 'reviewer' | 'supervisor', named: boolean) {
  await expect(async () => {
    const count = await decisionsToday(username);
    await page.reload();
    await expect(figure(page, title)).toBeVisible({ timeout: 15_000 });
    const table = await numbersOf(page, title);
    const name = named ? `${today()} ${DEMO[username].displayName} ${count}` : `${today()} ${count}`;
    await expect(table.getByRole('row', { name })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

test('a supervisor sees the team’s charts and their numbers; a reviewer sees only their own', async ({
  page,
  browser,
}) => {
  // The demo staff work cases in the background at the stack's start: the machine is busy.
  test.setTimeout(90_000);
  await decideAs('reviewer', 2);
  await decideAs('supervisor', 1);
  expect(await decisionsToday('reviewer')).toBeGreaterThanOrEqual(2);

  await page.goto('/dashboard');
  await signIn(page, 'supervisor');
  await expect(pageHeading(page, 'Team dashboard')).toBeVisible();
  for (const title of [
    'Queue depth',
    'Oldest open case',
    'Decisions per reviewer per day',
    'Median time to decision',
  ]) {
    await expect(figure(page, title).locator('svg.recharts-surface').first()).toBeVisible({ timeout: 30_000 });
  }
  await expectTodaysDecisions(page, 'Decisions per reviewer per day', 'reviewer', true);
  await expectTodaysDecisions(page, 'Decisions per reviewer per day', 'supervisor', true);
  // The queue history comes from the snapshot job the API runs from its start.
  const depth = await numbersOf(page, 'Queue depth');
  await expect(depth.getByRole('row').nth(1)).toBeVisible();

  // A longer period: the URL keeps it, and the same day's figures are there.
  await page.getByRole('button', { name: /Period$/ }).click();
  await page.getByRole('option', { name: 'Last 30 days' }).click();
  await expect(page).toHaveURL(/range=30d/);
  await expectTodaysDecisions(page, 'Decisions per reviewer per day', 'reviewer', true);

  // The reviewer, in a browser of their own.
  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await reviewer.goto('/sign-in');
  await signIn(reviewer, 'reviewer');
  await mainNav(reviewer).getByRole('link', { name: 'Dashboard' }).click();
  await expect(pageHeading(reviewer, 'My figures')).toBeVisible();
  await expect(reviewer.getByRole('figure', { name: 'Queue depth' })).toHaveCount(0);
  await expectTodaysDecisions(reviewer, 'Your decisions per day', 'reviewer', false);
  await expect(reviewer.getByText(DEMO.supervisor.displayName)).toHaveCount(0);

  // Asking the API directly for the supervisor's figures finds nothing.
  const supervisorId = await withAdminClient(databaseUrl(), async (client) => {
    const { rows } = await client.query<{ id: string }>(`select id from staff_user where username = 'supervisor'`);
    return rows[0]?.id ?? '';
  });
  const refused = await reviewer.request.get(`/api/dashboard/reviewers/${supervisorId}`);
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain('reviewerDays');
  await context.close();
});
