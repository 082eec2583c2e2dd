import { describe, expect, it } from 'vitest';
import { createProgressRenderer } from './progress';
import type { SendProgress } from './send';

const at = (sent: number, elapsedMs: number): SendProgress => ({
  sent,
  created: sent,
  duplicates: 0,
  messages: sent * 12,
  retries: 0,
  elapsedMs,
});

function capture(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, output: { isTTY, columns: 140, write: (text: string) => writes.push(text) } };
}

describe('progress renderer', () => {
  it('redraws one line in place on a terminal', () => {
    const { writes, output } = capture(true);
    const progress = createProgressRenderer({ total: 1000, output });
    progress.update(at(100, 1000));
    progress.update(at(200, 2000));
    progress.done(at(1000, 5000));
    expect(writes).toHaveLength(3);
    expect(writes.every((text) => text.startsWith('\r['))).toBe(true);
    expect(writes[2]).toContain('100.0% 1,000/1,000 reports');
    expect(writes[2]?.endsWith('\n')).toBe(true);
  });

  it('prints plain lines every few seconds when stderr is not a terminal', () => {
    const { writes, output } = capture(false);
    const progress = createProgressRenderer({ total: 10_000, output, plainEveryMs: 5000 });
    for (let second = 1; second <= 12; second++) progress.update(at(second * 500, second * 1000));
    progress.done(at(10_000, 20_000));
    // At 1 s, 6 s and 11 s, then the final figures.
    expect(writes).toHaveLength(4);
    expect(writes.some((text) => text.includes('\r'))).toBe(false);
    expect(writes[0]).toBe(
      '5.0% 500/10,000 reports · 500 new · 0 duplicate · 6,000 messages · 500/s · 1s elapsed · ETA 19s\n',
    );
  });
});
