/**
 * Pushes a stream of reports into Docket's intake API in batches, with a bounded number of
 * batches in flight so that a million-report run never holds more than a few batches in memory.
 */
import type { IntakeBatchResult, IntakeReportInput } from '@docket/contracts';
import { IntakeError } from '@docket/intake-client';

/** The one method of `IntakeClient` the sender uses; a test can pass a fake. */
export interface BatchSubmitter {
  submitBatch(reports: IntakeReportInput[]): Promise<IntakeBatchResult>;
}

export interface SendProgress {
  /** Reports Docket has acknowledged. */
  sent: number;
  created: number;
  duplicates: number;
  messages: number;
  retries: number;
  elapsedMs: number;
}

export interface SendOptions {
  client: BatchSubmitter;
  reports: Iterable<IntakeReportInput> | AsyncIterable<IntakeReportInput>;
  batchSize?: number;
  concurrency?: number;
  /** Attempts after the first for a batch that failed on the network or with a 5xx/429. */
  retries?: number;
  /** The first retry waits this long; each next one twice as long. */
  backoffMs?: number;
  onProgress?: (progress: SendProgress) => void;
  /** Injected by tests so that backoff does not slow them down. */
  sleep?: (ms: number) => Promise<void>;
}

/** A batch that Docket refused or that kept failing. Resend from `firstExternalId`: intake is idempotent. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly firstExternalId: string,
    readonly progress: SendProgress,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'SendError';
  }
}

export async function sendReports(options: SendOptions): Promise<SendProgress> {
  const { client, batchSize = 1000, concurrency = 2, retries = 4, backoffMs = 500, onProgress } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  if (batchSize < 1 || concurrency < 1) throw new Error('batchSize and concurrency must be at least 1');
  const started = performance.now();
  const progress: SendProgress = { sent: 0, created: 0, duplicates: 0, messages: 0, retries: 0, elapsedMs: 0 };
  const inFlight = new Set<Promise<void>>();
  let failure: SendError | undefined;

  const submit = async (batch: IntakeReportInput[]) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await client.submitBatch(batch);
        progress.sent += batch.length;
        progress.created += result.created;
        progress.duplicates += result.duplicates;
        progress.messages += result.messagesStored;
        progress.elapsedMs = performance.now() - started;
        onProgress?.({ ...progress });
        return;
      } catch (error) {
        if (isRetryable(error) && attempt < retries) {
          progress.retries++;
          await sleep(backoffMs * 2 ** attempt);
          continue;
        }
        throw new SendError(
          describe(error, batch[0]!.externalId),
          batch[0]!.externalId,
          { ...progress },
          { cause: error },
        );
      }
    }
  };

  // If several batches fail, report the earliest: resending from there covers every gap.
  let failedAt = Number.POSITIVE_INFINITY;
  const launch = (batch: IntakeReportInput[], position: number) => {
    const task = submit(batch).then(
      () => void inFlight.delete(task),
      (error: SendError) => {
        inFlight.delete(task);
        if (position < failedAt) [failure, failedAt] = [error, position];
      },
    );
    inFlight.add(task);
  };

  let batch: IntakeReportInput[] = [];
  let position = 0;
  try {
    for await (const report of options.reports) {
      batch.push(report);
      if (batch.length < batchSize) continue;
      // Backpressure: stop pulling reports until a slot is free.
      while (inFlight.size >= concurrency && !failure) await Promise.race(inFlight);
      if (failure) break;
      launch(batch, position++);
      batch = [];
    }
    if (!failure && batch.length > 0) launch(batch, position++);
  } finally {
    // Also when the report source throws: never leave requests running behind the caller's back.
    await Promise.all(inFlight);
  }
  if (failure) throw failure;
  progress.elapsedMs = performance.now() - started;
  return progress;
}

/** Network failures, 5xx and 429 are worth another try; any other 4xx will fail the same way again. */
function isRetryable(error: unknown): boolean {
  if (error instanceof IntakeError) return error.status >= 500 || error.status === 429 || error.status === 408;
  return true;
}

function describe(error: unknown, firstExternalId: string): string {
  const reason =
    error instanceof IntakeError
      ? `${error.status} ${error.problem.title ?? ''}: ${error.problem.detail ?? ''}${fieldErrors(error)}`
      : String(error);
  return `batch starting at ${firstExternalId} failed: ${reason}`;
}

function fieldErrors(error: IntakeError): string {
  const errors = error.problem.errors ?? [];
  return errors.length === 0 ? '' : ` (${errors.map((e) => `${e.field}: ${e.message}`).join('; ')})`;
}
