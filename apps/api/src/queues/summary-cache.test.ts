import type { QueueSummaryList } from '@docket/contracts';
import type { Database } from '@docket/db';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueueSummaryCache } from './summary-cache';

vi.mock('./queues', () => ({ summariseQueues: vi.fn() }));
const { summariseQueues } = await import('./queues');
const summarise = vi.mocked(summariseQueues);
const db = {} as Kysely<Database>;
const summary = (asOf: string): QueueSummaryList => ({ asOf, items: [] });

afterEach(() => {
  vi.useRealTimers();
  summarise.mockReset();
});

describe('the shared queue summary', () => {
  it('queries once while fresh, even for concurrent callers', async () => {
    summarise.mockResolvedValue(summary('t1'));
    const cache = createQueueSummaryCache(2000);
    await Promise.all([cache.get(db), cache.get(db), cache.get(db)]);
    await cache.get(db);
    expect(summarise).toHaveBeenCalledTimes(1);
  });

  it('serves the last summary while refreshing a stale one, then the new one', async () => {
    vi.useFakeTimers();
    summarise.mockResolvedValueOnce(summary('t1')).mockResolvedValueOnce(summary('t2'));
    const cache = createQueueSummaryCache(2000);
    expect((await cache.get(db)).asOf).toBe('t1');
    vi.advanceTimersByTime(2500);
    expect((await cache.get(db)).asOf).toBe('t1'); // stale, served at once; refresh started
    await Promise.resolve();
    expect((await cache.get(db)).asOf).toBe('t2');
  });

  it('never serves a summary past the hard limit: it waits for a fresh one', async () => {
    vi.useFakeTimers();
    summarise.mockResolvedValueOnce(summary('t1')).mockResolvedValueOnce(summary('t2'));
    const cache = createQueueSummaryCache(2000, 30_000);
    await cache.get(db);
    vi.advanceTimersByTime(31_000);
    expect((await cache.get(db)).asOf).toBe('t2');
  });

  it('with no maximum age, always asks the database', async () => {
    summarise.mockResolvedValue(summary('t'));
    const cache = createQueueSummaryCache(0);
    await cache.get(db);
    await cache.get(db);
    expect(summarise).toHaveBeenCalledTimes(2);
  });
});
