/**
 * Statements that open with `prepared` are parsed and planned once per pooled connection (a named
 * prepared statement) rather than on every call: for a long statement run many times a second,
 * planning costs the database more than running it (ADR 050). Everything else runs as before.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';

const MARK = '/* prepared */';

/**
 * Put first in a hot statement's SQL: `sql\`${prepared} select …\``. A value that switches part of
 * the statement on or off (a permission the caller has or not) goes in as a literal, `sql.lit`,
 * not as a parameter: PostgreSQL can drop the branch from the one generic plan it keeps, where a
 * parameter leaves the branch's cost in that plan and may keep it planning the statement afresh on
 * every run (ADR 057).
 */
export const prepared = sql.raw(`${MARK} `);

// A statement whose text varies with its input (an `in` list of any length) would prepare anew
// every time: past this many on one connection, further texts run unnamed.
const MOST_PER_CONNECTION = 50;

/** The pool's client class: a marked statement becomes a named one, named by its text. */
export class PreparingClient extends pg.Client {
  #names = new Map<string, string>();

  // biome-ignore lint/suspicious/noExplicitAny: passes pg's many overloads through unchanged
  override query(...args: any[]): any {
    const [text, values] = args;
    // Kysely's call, `query(text, values)`; any other shape (a config object, a callback) passes through.
    const plain = args.length <= 2 && (values === undefined || Array.isArray(values));
    if (plain && typeof text === 'string' && text.startsWith(MARK)) {
      const name = this.#nameOf(text);
      if (name) return super.query({ name, text, values });
    }
    return (super.query as (...rest: unknown[]) => unknown)(...args);
  }

  #nameOf(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known || this.#names.size >= MOST_PER_CONNECTION) return known;
    const name = `docket_${createHash('sha1').update(text).digest('base64url')}`;
    this.#names.set(text, name);
    return name;
  }
}
