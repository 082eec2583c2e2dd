/**
 * The one rule for text a client sends, applied to every request by the API (query, path and
 * JSON body alike): no NUL, which Postgres text and jsonb cannot store, and no unpaired UTF-16
 * surrogate, which UTF-8 cannot encode. Schemas need not repeat it.
 */

// NUL (matching it is the point), a high surrogate not followed by a low one, or a low one not
// preceded by a high one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this rule refuses
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired surrogates';

export function isSafeText(text: string): boolean {
  return text.search(UNSAFE_TEXT) === -1;
}

/** The text with each unsafe character written as its `\\uXXXX` escape, for naming or recording it. */
export function escapeUnsafeText(text: string): string {
  return text.replace(UNSAFE_TEXT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The dotted path of every string (value or key) in `value` that breaks the rule. */
export function unsafeTextFields(value: unknown, path = ''): string[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key));
  if (typeof value === 'string') return isSafeText(value) ? [] : [path || '(body)'];
  if (Array.isArray(value)) return value.flatMap((item, index) => unsafeTextFields(item, at(index)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      isSafeText(key) ? unsafeTextFields(item, at(key)) : [at(escapeUnsafeText(key))],
    );
  }
  return [];
}
