/** Builds cases through the real intake path, for tests of the review workflow. */
import type { IntakeReportInput } from '@docket/contracts';
import type { useTestApp } from './harness';
import { aReport } from './reports';

type Harness = ReturnType<typeof useTestApp>;

export async function casesVia(
  t: Harness,
  platform: { keyId: string; secret: string },
  reports: IntakeReportInput[],
): Promise<string[]> {
  const response = await t.signedPost('/api/intake/reports/batch', { reports }, platform);
  if (response.status !== 200) throw new Error(`intake failed: ${response.status} ${await response.text()}`);
  const result = await response.json();
  return result.results.map((r: { caseId: string }) => r.caseId);
}

export function spamReports(count: number, overrides: Partial<IntakeReportInput> = {}) {
  return Array.from({ length: count }, () => aReport({ category: 'spam', ...overrides }));
}
