/**
 * The fixed frame of one synthetic platform: its seed, its population and its timeline.
 * Everything else (accounts, conversations, reports) is derived from it by index.
 */
import type { Population } from './population';
import { hashString } from './random';

/** Reports arrive evenly over this window, which ends at `until`. */
export const REPORTING_WINDOW_MS = 14 * 86_400_000;
/** Fixed so that a seed alone decides the output; pass `until: new Date()` for a live demo. */
export const DEFAULT_UNTIL = '2026-11-01T00:00:00.000Z';

export interface PlatformOptions {
  seed: number | string;
  /** How many reports the whole run has; sizes the population and spaces the timeline. */
  reports: number;
  /** When the last report is made. */
  until?: Date | string;
}

export interface Platform {
  seed: number;
  reports: number;
  population: Population;
  /** Time between two consecutive reports. */
  spacingMs: number;
  reportTime(index: number): number;
}

export function createPlatform(options: PlatformOptions): Platform {
  if (!Number.isSafeInteger(options.reports) || options.reports < 1)
    throw new Error('reports must be a positive integer');
  const seed = typeof options.seed === 'number' ? options.seed >>> 0 : hashString(options.seed);
  const until = new Date(options.until ?? DEFAULT_UNTIL);
  if (Number.isNaN(until.getTime())) throw new Error(`until is not a date: ${String(options.until)}`);
  const spacingMs = REPORTING_WINDOW_MS / options.reports;
  const start = until.getTime() - REPORTING_WINDOW_MS;
  return {
    seed,
    reports: options.reports,
    // 1.5 accounts per report: most people appear once or twice, a few again and again.
    population: { seed, until, size: Math.max(500, Math.round(options.reports * 1.5)) },
    spacingMs,
    reportTime: (index) => Math.round(start + (index + 1) * spacingMs),
  };
}
