import { describe, expect, it } from 'vitest';
import { Distribution, hundredthsOf } from './stats';

/** The textbook definitions, over every value kept. */
function sortedMedian(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
function nearestRank(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

describe('Distribution', () => {
  it('gives the median and nearest-rank percentile of its values, odd and even counts alike', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const size of [1, 2, 3, 10, 11, 999, 1_000]) {
      const hundredths = Array.from({ length: size }, () => Math.floor(random() * 5_000));
      const distribution = new Distribution();
      for (const value of hundredths) distribution.add(value);
      const values = hundredths.map((value) => value / 100);
      expect(distribution.size).toBe(size);
      expect(distribution.median()).toBeCloseTo(sortedMedian(values) as number, 10);
      expect(distribution.percentile(90)).toBe(nearestRank(values, 90));
      expect(distribution.percentile(100)).toBe(nearestRank(values, 100));
    }
  });

  it('has no median when empty, and a value taken back is as if never added', () => {
    const distribution = new Distribution();
    expect(distribution.median()).toBeNull();
    expect(distribution.percentile(90)).toBeNull();
    for (const hours of [100, 102, 103, 105, 107]) distribution.add(hours);
    distribution.add(105, -1);
    // 1.00, 1.02, 1.03, 1.07: the middle two are 1.02 and 1.03.
    expect(distribution.median()).toBeCloseTo(1.025, 10);
    expect(distribution.size).toBe(4);
  });

  it('keeps one counter per distinct published value, however many values arrive', () => {
    const distribution = new Distribution();
    // A million grants lasting between 0 and 60 minutes, to the millisecond.
    for (let i = 0; i < 1_000_000; i++) distribution.add(hundredthsOf((i * 7_919) % 3_600_000, 60_000));
    expect(distribution.size).toBe(1_000_000);
    expect(distribution.distinct).toBeLessThanOrEqual(6_001);
    expect(distribution.median()).toBeCloseTo(30, 1);
  });
});

describe('hundredthsOf', () => {
  it('rounds a span to hundredths of its unit half up, as numeric round(…, 2) does', () => {
    expect(hundredthsOf(300, 60_000)).toBe(1); // 0.005 minutes
    expect(hundredthsOf(299, 60_000)).toBe(0);
    expect(hundredthsOf(37_503, 60_000)).toBe(63); // 0.62505 minutes
    expect(hundredthsOf(18_000, 3_600_000)).toBe(1); // 0.005 hours
    expect(hundredthsOf(17_999, 3_600_000)).toBe(0);
  });
});
