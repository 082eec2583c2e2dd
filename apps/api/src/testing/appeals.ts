/** Appeals forwarded through the real signed intake, for tests that need one to exist. */
import type { useTestApp } from './harness';

type Harness = ReturnType<typeof useTestApp>;

let counter = 0;

/** The reported account's appeal against `decisionId`, filed now, unless `overrides` say otherwise. */
export function appealAgainst(
  t: Harness,
  platform: { keyId: string; secret: string },
  decisionId: string,
  overrides: Record<string, unknown> = {},
) {
  counter += 1;
  return t.signedPost(
    '/api/intake/appeals',
    {
      externalId: `apl-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
      decisionId,
      appellant: 'affected_user',
      accountId: 'acct-reported',
      submittedAt: new Date().toISOString(),
      ...overrides,
    },
    platform,
  );
}
