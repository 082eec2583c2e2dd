/**
 * Keyset cursors over (timestamp, uuid): the timestamp travels as Postgres's own text with
 * microseconds, because a millisecond JavaScript Date would repeat rows across pages.
 */
import { type RawBuilder, sql } from 'kysely';
import { AppError } from './problem';

/** The column as UTC text with microseconds, to select as the row's cursor key. */
export function microsecondText(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export function encodeTimeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

export function decodeTimeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('invalid', 'The cursor is not one this API issued.', {
      errors: [{ field: 'cursor', message: 'malformed' }],
    });
  }
  return { at, id };
}
