/**
 * Applies the contracts' text rule to everything a route reads from the client — path
 * parameters, query string and JSON body — whatever its schema says, so that no route, old or
 * new, can hand Postgres a NUL or an unpaired surrogate (a 500) or forget the rule.
 * `defineRoute` runs it on every route, after the permission check and before validation.
 */
import { UNSAFE_TEXT_MESSAGE, unsafeTextFields } from '@docket/contracts';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { invalidInput } from './errors';

// The media types Hono's JSON validator reads.
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  const mediaType = c.req.header('content-type')?.split(';')[0]?.trim() ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType)) return undefined;
  try {
    // Read as text: the body stays cached, byte for byte, for signature checks and the validator.
    return JSON.parse(await c.req.text());
  } catch {
    return undefined; // malformed JSON is the validator's to refuse
  }
}

// As the query validator sees it: a repeated parameter is a list, a single one a string.
function query(c: Context<AppEnv>) {
  return Object.fromEntries(
    Object.entries(c.req.queries()).map(([key, values]) => [key, values.length === 1 ? values[0] : values]),
  );
}

export const refuseUnsafeText: MiddlewareHandler<AppEnv> = async (c, next) => {
  const fields = new Set([
    ...unsafeTextFields(c.req.param()),
    ...unsafeTextFields(query(c)),
    ...unsafeTextFields(await jsonBody(c)),
  ]);
  if (fields.size === 0) return next();
  return invalidInput(
    c,
    [...fields].map((field) => ({ field, message: UNSAFE_TEXT_MESSAGE })),
  );
};
