import { describe, expect, it } from 'vitest';
import { parseStrictJson, StrictJsonError } from './strict-json';

describe('JSON a bundle may hold (I-JSON)', () => {
  it('reads what every parser reads alike: nested objects, arrays of objects, escapes, pairs of surrogates', () => {
    const text = '{"a":{"a":1,"b":[{"a":2},{"a":3}]},"b":"\\"}{\\\\","c":"\\ud83d\\ude00 😀","d":[[],{}]}';
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
  });

  it('refuses a member name twice in one object, however it is spelled', () => {
    expect(() => parseStrictJson('{"keyId":"a","keyId":"b"}')).toThrow(
      new StrictJsonError('has the member "keyId" twice in one object'),
    );
    expect(() => parseStrictJson('[{"x":{"seq":1,"s\\u0065q":2}}]')).toThrow(/"seq" twice/);
    expect(() => parseStrictJson('{"a":{"b":1},"c":[{"b":2}],"a":0}')).toThrow(/"a" twice/);
  });

  it('refuses a lone surrogate, escaped, in a value or a name', () => {
    for (const text of ['"\\ud800"', '{"a":"x\\udfffy"}', '{"\\udbff":1}', '["\\ude00\\ud83d"]']) {
      expect(() => parseStrictJson(text), text).toThrow(StrictJsonError);
    }
  });

  it('leaves text that is not JSON to JSON.parse', () => {
    expect(() => parseStrictJson('{"a":1,}')).toThrow(SyntaxError);
  });
});
