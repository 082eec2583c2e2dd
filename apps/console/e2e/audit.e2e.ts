import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzip, zip } from '@docket/audit-chain/testing';
import { demoApi, enrolledStaff } from './support/api';
import { watchPageMemory } from './support/save-to-disk';
import { expect, pageHeading, signIn, test } from './support/test';

/**
 * A reviewer of its own (so no other journey's holds get in the way) claims a case, asks for
 * access, a supervisor approves, the reviewer reads under the grant and decides.
 */
async function grantedReadAndDecision(baseURL: string) {
  const username = `audit-journey-${Date.now().toString(36)}`;
  const reviewer = await enrolledStaff(baseURL, username, 'a long passphrase for the audit journey', ['reviewer']);

  const queues = (await reviewer.get('/api/queues')) as {
    items: { id: string; openCases: number; inReview: number; requiredRole: string }[];
  };
  const queue = queues.items.find((q) => q.requiredRole === 'reviewer' && q.openCases > q.inReview);
  if (!queue) throw new Error('no queue with a claimable case');
  const { case: claimed } = (await reviewer.post(`/api/queues/${queue.id}/claim-next`)) as {
    case: { id: string; category: string };
  };
  const caseId = claimed.id;
  await reviewer.get(`/api/cases/${caseId}`);
  const filed = (await reviewer.post(`/api/cases/${caseId}/access-requests`, {
    justificationCode: 'USER_REPORT',
    justification: 'The reported messages refer to earlier ones that I need to read in context.',
    scope: { kind: 'full_conversation' },
    durationMinutes: 30,
  })) as { id: string };
  const supervisor = await demoApi(baseURL, 'supervisor');
  await supervisor.post(`/api/access/requests/${filed.id}/approve`, {});
  const read = (await reviewer.get(`/api/cases/${caseId}/conversation`)) as { messages: { id: string }[] };
  const policies = (await reviewer.get('/api/policies')) as {
    items: { code: string; active: boolean; violation: boolean; categories: string[] }[];
  };
  // A warning cites a policy that names a violation and covers the case's category.
  const policy = policies.items.find(
    (p) => p.active && p.violation && (p.categories.length === 0 || p.categories.includes(claimed.category)),
  );
  await reviewer.post(`/api/cases/${caseId}/decisions`, {
    action: 'warn',
    policyCode: policy?.code,
    rationale: 'The wider conversation shows a pattern of unwanted contact.',
  });
  for (const api of [reviewer, supervisor]) await api.ctx.dispose();
  return { username, caseId, messagesRead: read.messages.length };
}

test('an auditor traces a grant, exports the period and verifies it in the browser', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const scene = await grantedReadAndDecision(baseURL as string);
  // The browser's own download saves the bundle (export.e2e.ts follows the file-picker way too).
  await watchPageMemory(page, { filePicker: 'none' });

  await page.goto('/sign-in');
  await signIn(page, 'auditor');
  await expect(pageHeading(page, 'Audit')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Chain status' })).toContainText(/verified through seq/);

  // The reviewer's trail in the log, found by username.
  await page.getByLabel('Actor').fill(scene.username);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const events = page.getByRole('grid', { name: 'Audit events' });
  await expect(events.getByRole('row').filter({ hasText: 'conversation.read' })).toHaveCount(1);
  await expect(events).toContainText('access.requested');
  await expect(events).toContainText('decision.recorded');

  // Access review → the grant → its trace, request to decision, with message ids and no content.
  await page.getByRole('link', { name: 'Access review' }).click();
  await page.getByRole('link', { name: new RegExp(`trace the grant to ${scene.username}$`) }).click();
  const trail = page.getByRole('list', { name: "The grant's trail" });
  // Deciding ends the grant: the trail closes with access.ended (ADR 018).
  await expect(trail.getByRole('listitem')).toHaveCount(5);
  await expect(trail.getByRole('listitem').nth(0)).toContainText('access.requested');
  await expect(trail.getByRole('listitem').nth(1)).toContainText('access.approved');
  await expect(trail.getByRole('listitem').nth(2)).toContainText(
    `${scene.messagesRead} ${scene.messagesRead === 1 ? 'message' : 'messages'}:`,
  );
  await expect(trail.getByRole('listitem').nth(3)).toContainText('decision.recorded');
  await expect(trail.getByRole('listitem').nth(4)).toContainText('access.ended');
  await expect(page.getByText('Read', { exact: true }).locator('..')).toContainText(
    `1 read, ${scene.messagesRead} distinct`,
  );

  // Export the last day (the form's default) and verify the download here, pinned to the published keys.
  await page.getByRole('link', { name: 'Export & verify' }).click();
  // Everything so far is sealed within a sealing interval; the export includes only sealed events.
  await expect(page.getByRole('region', { name: 'Chain status' })).toContainText('nothing pending seal', {
    timeout: 15_000,
  });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export bundle' }).click();
  const bundle = path.join(tmpdir(), `docket-e2e-${Date.now()}.zip`);
  await (await download).saveAs(bundle);
  await expect(page.getByRole('status').filter({ hasText: /^Saved docket-audit-/ })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a bundle…' }).click();
  await (await chooser).setFiles(bundle);
  await expect(page.getByText(/\.zip verified$/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('keys pinned to this Docket')).toBeVisible();

  // The same bundle with one event rewritten fails, naming where.
  const entries = await unzip(readFileSync(bundle));
  const text = new TextDecoder().decode(entries.get('events.jsonl'));
  const tampered = text.replace('"action":"decision.recorded"', '"action":"decision.withdrawn"');
  expect(tampered).not.toBe(text);
  entries.set('events.jsonl', new TextEncoder().encode(tampered));
  const forged = bundle.replace('.zip', '-tampered.zip');
  writeFileSync(forged, await zip(entries));
  const second = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a bundle…' }).click();
  await (await second).setFiles(forged);
  await expect(page.getByText(/-tampered\.zip failed verification/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toContainText(/First broken at seq \d/);
});
