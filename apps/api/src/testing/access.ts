/** Access requests made through the API, for tests that need one to exist. */
import type { TestSession, useTestApp } from './harness';

type Harness = ReturnType<typeof useTestApp>;

export const JUSTIFICATION = 'The reported messages point at earlier threats that I need to read in context.';

export function requestAccess(t: Harness, session: TestSession, caseId: string, overrides: object = {}) {
  return t.request('POST', `/api/cases/${caseId}/access-requests`, {
    session,
    body: {
      justificationCode: 'USER_REPORT',
      justification: JUSTIFICATION,
      scope: { kind: 'full_conversation' },
      durationMinutes: 30,
      ...overrides,
    },
  });
}
