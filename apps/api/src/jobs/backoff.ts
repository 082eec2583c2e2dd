/**
 * Exponential backoff with "equal jitter": half the doubled delay is kept, half is random, so
 * retries spread out without ever coming back sooner than half the schedule.
 */
export interface Backoff {
  baseMs: number;
  capMs: number;
}

/** The wait before the next try, after `attempts` tries so far (1 after the first). */
export function backoffDelayMs(attempts: number, backoff: Backoff, random: () => number = Math.random): number {
  const exponential = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
