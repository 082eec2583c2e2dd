/** Shared by the access suites: a held case with a known conversation, and the request a reviewer files. */
import type { Category } from '@docket/contracts';
import { holdNewCase } from '../testing/cases';
import type { TestSession, useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

type Harness = ReturnType<typeof useTestApp>;

export const JUSTIFICATION = 'The reported messages reference earlier threats I need to see in context.';

/** A reviewer holding a fresh case whose conversation has 7 messages, m4 reported. */
export async function heldCase(
  t: Harness,
  platform: { keyId: string; secret: string },
  session: TestSession,
  category: Category = 'harassment',
) {
  const report = aReport({ category });
  report.messages = Array.from({ length: 7 }, (_, i) => ({
    id: `m${i + 1}`,
    senderId: i % 2 ? 'acct-reported' : 'acct-reporter',
    sentAt: new Date(Date.UTC(2026, 10, 1, 10, i)).toISOString(),
    body: `Message number ${i + 1}`,
  }));
  report.reportedMessageIds = ['m4'];
  return holdNewCase(t, platform, session, report);
}

export function fileRequest(t: Harness, session: TestSession, caseId: string, overrides: object = {}) {
  return t.request('POST', `/api/cases/${caseId}/access-requests`, {
    session,
    body: {
      justificationCode: 'USER_REPORT',
      justification: JUSTIFICATION,
      scope: { kind: 'reported_context', context: 1 },
      durationMinutes: 30,
      ...overrides,
    },
  });
}
