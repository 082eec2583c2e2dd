/**
 * Progress of an export saved to disk by the browser's own download: the page chose an id, the
 * export writes how far it got under that id, and the page polls it. Counting events.jsonl's
 * newlines as they leave is the same honest figure the page counts when it reads the stream itself.
 */
import type { Database } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import { AppError, toProblem } from '../http/problem';

/** Often enough for a progress bar, rarely enough to cost nothing beside the export. */
const WRITE_EVERY_MS = 250;
const NEWLINE = 10;

/** Starts the record, refusing an id someone else's export already took; a day's old records go. */
export async function startProgress(db: Kysely<Database>, id: string, staffId: string): Promise<void> {
  await db.deleteFrom('audit_export_progress').where('started_at', '<', sql<Date>`now() - interval '1 day'`).execute();
  const started = await db
    .insertInto('audit_export_progress')
    .values({ id, staff_id: staffId })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!started) {
    throw new AppError('conflict', 'That progress id is already in use; choose a fresh one.', {
      errors: [{ field: 'progressId', message: 'already in use' }],
    });
  }
}

/** A planning refusal (nothing sealed, not yet checkpointed) reaches the polling page as its problem. */
export async function failProgress(db: Kysely<Database>, id: string, error: unknown, requestId: string) {
  const problem =
    error instanceof AppError
      ? (({ status, title, detail }) => ({ status, title, detail }))(toProblem(error, requestId))
      : { status: 500, title: 'Internal error', detail: 'The export stopped before it was complete.' };
  await db
    .updateTable('audit_export_progress')
    .set({ status: 'failed', problem: JSON.stringify(problem), updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Passes the bundle through unchanged, writing how many lines and bytes have left. */
export function trackProgress(
  db: Kysely<Database>,
  id: string,
  linesTotal: number,
  stream: ReadableStream<Uint8Array>,
): ReadableStream<Uint8Array> {
  let lines = 0;
  let bytes = 0;
  let written = 0;
  const write = (status: 'running' | 'done' | 'failed') =>
    db
      .updateTable('audit_export_progress')
      .set({
        lines_total: linesTotal,
        // The other entries' lines count too: an estimate, held under the total until the end.
        lines_sent: status === 'done' ? linesTotal : Math.min(lines, Math.max(0, linesTotal - 1)),
        bytes_sent: bytes,
        status,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start: async () => {
        await write('running');
      },
      transform: async (chunk, controller) => {
        for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) lines++;
        bytes += chunk.length;
        controller.enqueue(chunk);
        if (Date.now() - written >= WRITE_EVERY_MS) {
          written = Date.now();
          await write('running');
        }
      },
      flush: async () => {
        await write('done');
      },
    }),
  );
}

export async function readProgress(db: Kysely<Database>, id: string, staffId: string) {
  const row = await db
    .selectFrom('audit_export_progress')
    .selectAll()
    .where('id', '=', id)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  // Someone else's export is nobody's business here: the same answer as no export at all.
  if (!row) throw new AppError('not_found', 'No export of yours with that progress id (yet).');
  return {
    status: row.status,
    linesTotal: row.lines_total === null ? null : Number(row.lines_total),
    linesSent: Number(row.lines_sent),
    bytesSent: Number(row.bytes_sent),
    problem: row.problem,
    updatedAt: row.updated_at.toISOString(),
  };
}
