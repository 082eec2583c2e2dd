import canonicalize from 'canonicalize';

/** RFC 8785 (JCS): sorted keys, no whitespace, ECMAScript number and string forms. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('nothing to canonicalize');
  return text;
}
