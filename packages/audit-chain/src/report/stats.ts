/** Order statistics and the counters the fold keeps: small, exact and the same on every machine. */

/**
 * Values counted at the precision a report publishes, hundredths of their unit (ADR 055): one
 * counter per distinct value, so memory follows how spread the values are, never how many there
 * are. Its median and percentile are exact for the values so rounded.
 */
export class Distribution {
  /** Count by value, in hundredths. */
  private readonly counts = new Map<number, number>();
  /** How many values it holds. */
  size = 0;

  /** How many counters it keeps: one per distinct value, whatever `size` is. */
  get distinct(): number {
    return this.counts.size;
  }

  /** Adds a value given in whole hundredths of its unit (or, with `by` = −1, takes one back). */
  add(hundredths: number, by = 1): void {
    const count = (this.counts.get(hundredths) ?? 0) + by;
    if (count === 0) this.counts.delete(hundredths);
    else this.counts.set(hundredths, count);
    this.size += by;
  }

  /** The value of each rank (1-based) asked, in one walk of the distinct values in order. */
  private ranks(wanted: number[]): number[] {
    const steps = Float64Array.from(this.counts.keys()).sort();
    const values: number[] = [];
    let seen = 0;
    let index = 0;
    for (const step of steps) {
      seen += this.counts.get(step) as number;
      while (index < wanted.length && (wanted[index] as number) <= seen) {
        values.push(step / 100);
        index++;
      }
    }
    return values;
  }

  /** The middle value, or the mean of the two middle values. */
  median(): number | null {
    if (this.size === 0) return null;
    const middle = (this.size + 1) >> 1;
    const [low, high] = this.ranks(this.size % 2 === 1 ? [middle, middle] : [middle, middle + 1]) as [number, number];
    return (low + high) / 2;
  }

  /** The p-th percentile by nearest rank (p in (0, 100]). */
  percentile(p: number): number | null {
    if (this.size === 0) return null;
    return this.ranks([Math.max(1, Math.ceil((p / 100) * this.size))])[0] as number;
  }
}

/**
 * A span of whole milliseconds in whole hundredths of `unit` ms, rounded half up, as PostgreSQL's
 * numeric `round(…, 2)` rounds it: a quotient that is not exactly a half lies at least 1/unit from
 * one, far beyond floating-point error, and one that is exactly a half is exact in binary.
 */
export const hundredthsOf = (ms: number, unit: number) => Math.round((ms * 100) / unit);

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
