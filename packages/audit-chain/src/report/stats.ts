/** Order statistics and the counters the fold keeps: small, exact and the same on every machine. */

/** Median: the middle value, or the mean of the two middle values. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The p-th percentile by nearest rank (p in (0, 100]). */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (value: number, places: number) => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

/** Counts keyed by a breakdown: one counter per figure, keyed by its dimension values joined. */
export class Tally {
  readonly counts = new Map<string, number>();
  add(key: string, by = 1): void {
    const count = (this.counts.get(key) ?? 0) + by;
    // Taken back to nothing (an undone decision): as if never counted.
    if (count === 0) this.counts.delete(key);
    else this.counts.set(key, count);
  }
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }
}
