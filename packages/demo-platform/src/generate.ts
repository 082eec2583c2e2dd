import type { IntakeReportInput } from '@docket/contracts';
import { createPlatform, type Platform, type PlatformOptions } from './platform';
import { reportAt } from './report';

export interface GenerateOptions extends PlatformOptions {
  /** Where to begin, to resume an interrupted run: the reports after it are the same as in a full run. */
  startIndex?: number;
}

/**
 * Streams a synthetic platform's reports, `rpt-0000001` first. Deterministic: the same options
 * give the same reports, byte for byte. Each report is built from its index alone, so memory
 * stays flat however many are asked for. Options are checked here, not on the first `next()`.
 */
export function generateReports(options: GenerateOptions): Generator<IntakeReportInput, void, undefined> {
  const platform = createPlatform(options);
  const startIndex = options.startIndex ?? 0;
  if (!Number.isSafeInteger(startIndex) || startIndex < 0) throw new Error('startIndex must be a non-negative integer');
  return reportsFrom(platform, startIndex);
}

function* reportsFrom(platform: Platform, startIndex: number) {
  for (let index = startIndex; index < platform.reports; index++) yield reportAt(platform, index);
}
