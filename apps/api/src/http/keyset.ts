/**
 * Keyset cursors: opaque to clients, but checked in full when they come back, because every
 * part ends up cast in SQL (timestamptz, uuid, integer) where a bad value would be a 500.
 * Timestamps travel as Postgres's own text with microseconds, because a millisecond JavaScript
 * Date would repeat rows across pages.
 */
import { type RawBuilder, sql } from 'kysely';
import { z } from 'zod';
import { AppError } from './problem';

/** The column as UTC text with microseconds, to select as the row's cursor key. */
export function microsecondText(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

// Exactly what microsecondText writes, and a real calendar instant (no 30 February).
const CursorTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
  .refine((at) => {
    const date = new Date(at);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === at.slice(0, 19);
  });

/** The parts of a cursor, as checked on the way back in. */
export const CursorPart = {
  time: CursorTime,
  id: z.uuid(),
  // A Postgres `integer` whose negation is one too.
  integer: z
    .number()
    .int()
    .min(-(2 ** 31 - 1))
    .max(2 ** 31 - 1),
};

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key inside a cursor this API issued; anything else is a 400 naming `cursor`. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {}
  const parsed = schema.safeParse(key);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid', 'The cursor is not one this API issued.', {
    errors: [{ field: 'cursor', message: 'malformed' }],
  });
}

const TimeKey = z.object({ at: CursorPart.time, id: CursorPart.id });

export const encodeTimeCursor = (at: string, id: string) => encodeCursor({ at, id });

export const decodeTimeCursor = (cursor: string) => decodeCursor(cursor, TimeKey);
