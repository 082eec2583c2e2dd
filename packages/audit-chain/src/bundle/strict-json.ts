/**
 * JSON.parse restricted to I-JSON (RFC 7493), the input RFC 8785 is defined on: no member name twice
 * in one object, no string holding a lone surrogate. Other parsers keep the first of two members, or
 * replace a lone surrogate, or refuse it: they would read another value than the one hashed or signed.
 */
export class StrictJsonError extends Error {}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Parses `text`; a SyntaxError for text that is not JSON, a StrictJsonError for JSON that is not I-JSON. */
export function parseStrictJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  checkStrings(text);
  return value;
}

/** Walks text JSON.parse has accepted: each string decoded once, member names compared per object. */
function checkStrings(text: string): void {
  // One entry per open container: the member names seen so far for an object, null for an array.
  const open: (Set<string> | null)[] = [];
  let expectName = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === QUOTE) {
      let end = i + 1;
      while (text.charCodeAt(end) !== QUOTE) end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
      const string = JSON.parse(text.slice(i, end + 1)) as string;
      if (LONE_SURROGATE.test(string)) {
        throw new StrictJsonError('holds a string with a lone surrogate, which RFC 8785 cannot encode');
      }
      const names = open.at(-1);
      if (expectName && names) {
        if (names.has(string))
          throw new StrictJsonError(`has the member ${JSON.stringify(string)} twice in one object`);
        names.add(string);
      }
      expectName = false;
      i = end;
    } else if (char === 0x7b /* { */) {
      open.push(new Set());
      expectName = true;
    } else if (char === 0x5b /* [ */) {
      open.push(null);
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      open.pop();
      expectName = false;
    } else if (char === 0x2c /* , */) {
      expectName = open.at(-1) != null;
    }
  }
}
