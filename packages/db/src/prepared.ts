/**
 * Named prepared statements, for the few statements that ask: a statement whose text starts with
 * `PREPARED` is parsed once per pooled connection and its plan kept (PostgreSQL's plan cache:
 * custom plans for the first five runs, then a generic one when it costs no more). An unnamed
 * statement, which is what Kysely sends, is parsed, analysed and planned on every run — for
 * claim-next's one statement that was most of its database time (ADR 049).
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Put first in a statement's text to have it prepared once per connection. */
export const PREPARED = '/* prepared */';

/** Sends statements marked `PREPARED` on `client` under a name of their own text. */
export function prepareMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const names = new Map<string, string>();
  const prepared = (text: unknown, ...rest: unknown[]) => {
    if (typeof text !== 'string' || !text.startsWith(PREPARED)) return query(text, ...rest);
    let name = names.get(text);
    if (!name) {
      // The same name must always mean the same text on a connection: name it by its text.
      name = `docket_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
      names.set(text, name);
    }
    const [values, callback] = rest;
    return query({ name, text, values }, callback);
  };
  client.query = prepared as typeof client.query;
}
