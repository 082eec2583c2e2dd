/**
 * Seeded randomness. Every account, conversation and report draws from its own stream, keyed
 * by (seed, kind, index), so any one of them can be rebuilt alone — that is what lets the
 * generator stream a million reports without remembering any of them.
 */

/** A 32-bit hash of a string (FNV-1a), to turn string seeds and stream names into numbers. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes several 32-bit numbers into one well-spread 32-bit number (murmur3's finaliser per step). */
export function mix(...parts: number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a key with probability proportional to its weight; a missing weight counts as zero. */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K;
}

/** mulberry32: tiny, fast, and plenty random for synthetic data (not for anything secret). */
class Mulberry32 implements Random {
  // A class rather than closures: a million reports create millions of these.
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    const entries = Object.entries(weights) as [K, number | undefined][];
    let roll = this.next() * entries.reduce((sum, [, weight]) => sum + (weight ?? 0), 0);
    for (const [key, weight] of entries) {
      roll -= weight ?? 0;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
}

export function createRandom(seed: number): Random {
  return new Mulberry32(seed >>> 0);
}

/** The stream for one thing, e.g. `streamFor(seed, 'account', 123)`. */
export function streamFor(seed: number, kind: string, index: number): Random {
  return createRandom(mix(seed, hashString(kind), index));
}
