import type { IntakeBatchResult, IntakeReportInput } from '@docket/contracts';
import { IntakeError } from '@docket/intake-client';
import { describe, expect, it } from 'vitest';
import { generateReports } from './generate';
import { type BatchSubmitter, SendError, type SendProgress, sendReports } from './send';

const accepted = (batch: IntakeReportInput[]): IntakeBatchResult => ({
  created: batch.length,
  duplicates: 0,
  messagesStored: batch.reduce((sum, report) => sum + report.messages.length, 0),
  results: [],
});

/** A client whose answers the test releases one at a time, to observe what is in flight. */
function heldClient() {
  const pending: { batch: IntakeReportInput[]; release: () => void }[] = [];
  let maxInFlight = 0;
  const client: BatchSubmitter = {
    submitBatch: (batch) =>
      new Promise((resolve) => {
        pending.push({ batch, release: () => resolve(accepted(batch)) });
        maxInFlight = Math.max(maxInFlight, pending.length);
      }),
  };
  const releaseOne = () => pending.shift()?.release();
  return { client, pending, releaseOne, maxInFlight: () => maxInFlight };
}

function* counted(total: number, pulled: { count: number }) {
  for (const report of generateReports({ seed: 1, reports: total })) {
    pulled.count++;
    yield report;
  }
}

const noSleep = async () => {};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('sendReports', () => {
  it('sends every report once, in batches of batchSize, and counts what Docket acknowledged', async () => {
    const batches: string[][] = [];
    const client: BatchSubmitter = {
      submitBatch: async (batch) => {
        batches.push(batch.map((report) => report.externalId));
        return accepted(batch);
      },
    };
    const updates: SendProgress[] = [];
    const result = await sendReports({
      client,
      reports: generateReports({ seed: 1, reports: 25 }),
      batchSize: 10,
      onProgress: (progress) => updates.push(progress),
    });
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(new Set(batches.flat()).size).toBe(25);
    expect(result).toMatchObject({ sent: 25, created: 25, duplicates: 0, retries: 0 });
    expect(result.messages).toBeGreaterThan(25 * 4 - 1);
    expect(updates.map((progress) => progress.sent)).toEqual([10, 20, 25]);
  });

  it('keeps at most `concurrency` batches in flight and stops pulling reports while they are', async () => {
    const held = heldClient();
    const pulled = { count: 0 };
    const sending = sendReports({ client: held.client, reports: counted(100, pulled), batchSize: 10, concurrency: 2 });
    await settle();
    expect(held.pending.length).toBe(2);
    // Two batches sent and a third filled while waiting for a slot: nothing more is read.
    expect(pulled.count).toBe(30);
    while (held.pending.length > 0) {
      held.releaseOne();
      await settle();
    }
    const result = await sending;
    expect(result.sent).toBe(100);
    expect(held.maxInFlight()).toBe(2);
  });

  it('retries a batch that failed on the network or with a 5xx, backing off each time', async () => {
    const failures = [
      new TypeError('fetch failed'),
      new IntakeError(503, { title: 'Service Unavailable', detail: 'try later' }),
    ];
    const waits: number[] = [];
    let calls = 0;
    const client: BatchSubmitter = {
      submitBatch: async (batch) => {
        calls++;
        const failure = failures.shift();
        if (failure) throw failure;
        return accepted(batch);
      },
    };
    const result = await sendReports({
      client,
      reports: generateReports({ seed: 1, reports: 5 }),
      backoffMs: 100,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(calls).toBe(3);
    expect(waits).toEqual([100, 200]);
    expect(result).toMatchObject({ sent: 5, retries: 2 });
  });

  it('gives up after the last retry and says where to resume', async () => {
    const client: BatchSubmitter = {
      submitBatch: async () => {
        throw new IntakeError(502, { title: 'Bad Gateway', detail: 'upstream down' });
      },
    };
    const sending = sendReports({
      client,
      reports: generateReports({ seed: 1, reports: 5 }),
      retries: 2,
      sleep: noSleep,
    });
    await expect(sending).rejects.toMatchObject({ name: 'SendError', firstExternalId: 'rpt-0000001' });
  });

  it('stops at the first 4xx without retrying, with the problem’s detail in the error', async () => {
    let calls = 0;
    const client: BatchSubmitter = {
      submitBatch: async (batch) => {
        calls++;
        if (batch[0]?.externalId === 'rpt-0000011') {
          throw new IntakeError(422, {
            title: 'Invalid',
            detail: 'The request body is invalid.',
            errors: [{ field: 'reports.0.category', message: 'Invalid option' }],
          });
        }
        return accepted(batch);
      },
    };
    const error = await sendReports({
      client,
      reports: generateReports({ seed: 1, reports: 100 }),
      batchSize: 10,
      concurrency: 1,
      sleep: noSleep,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SendError);
    const sendError = error as SendError;
    expect(sendError.message).toContain('422 Invalid: The request body is invalid.');
    expect(sendError.message).toContain('reports.0.category: Invalid option');
    expect(sendError.firstExternalId).toBe('rpt-0000011');
    expect(sendError.progress.sent).toBe(10);
    expect(calls).toBe(2);
  });

  it('takes an async iterable of reports', async () => {
    async function* slowly() {
      for (const report of generateReports({ seed: 3, reports: 7 })) {
        await settle();
        yield report;
      }
    }
    const client: BatchSubmitter = { submitBatch: async (batch) => accepted(batch) };
    expect((await sendReports({ client, reports: slowly(), batchSize: 3 })).sent).toBe(7);
  });
});
