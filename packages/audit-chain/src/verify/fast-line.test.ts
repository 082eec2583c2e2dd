import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, utf8 } from '../bytes';
import { canonicalJson } from '../canonical';
import { syntheticRecord } from '../testing/records';
import { type FastLine, recogniseLine } from './fast-line';

const HASH = 'ab'.repeat(32);
const out = (): FastLine => ({
  seq: 0,
  leafTarget: new Uint8Array(32),
  leafOffset: 0,
  chainTarget: new Uint8Array(32),
  chainOffset: 0,
  eventStart: -1,
  eventEnd: -1,
});

function recognise(line: string): FastLine | null {
  const bytes = utf8(line);
  const result = out();
  return recogniseLine(bytes, 0, bytes.length, result) ? result : null;
}

const line = (seq: number, eventText: string) =>
  `{"seq":${seq},"leaf":"${HASH}","chain":"${HASH}","event":${eventText}}`;
const decoder = new TextDecoder();

describe('the fast path', () => {
  it('recognises the lines the writer produces, elided or full', () => {
    const record = syntheticRecord(12);
    const full = recognise(line(12, canonicalJson(record)));
    expect(full).toMatchObject({ seq: 12, leafTarget: fromHex(HASH), chainTarget: fromHex(HASH) });
    expect(recognise(`{"seq":12,"leaf":"${HASH}","chain":"${HASH}"}`)).toMatchObject({ seq: 12, eventStart: -1 });
    for (let seq = 1; seq < 300; seq++)
      expect(recognise(line(seq, canonicalJson(syntheticRecord(seq))))).not.toBeNull();
  });

  it.each([
    ['whitespace', '{"seq": 5}'],
    ['unsorted keys', '{"seq":5,"a":1}'],
    ['a duplicate key', '{"a":1,"a":2,"seq":5}'],
    ['a fraction', '{"n":1.5,"seq":5}'],
    ['a non-shortest number', '{"n":1.0,"seq":5}'],
    ['an exponent', '{"n":1e3,"seq":5}'],
    ['negative zero', '{"n":-0,"seq":5}'],
    ['a leading zero', '{"n":01,"seq":5}'],
    ['an integer past 15 digits', '{"n":1234567890123456,"seq":5}'],
    ['an escaped solidus', '{"s":"a\\/b","seq":5}'],
    ['an escaped letter', '{"s":"\\u0041","seq":5}'],
    ['an uppercase escape', '{"s":"\\u001F","seq":5}'],
    ['a long form of a short escape', '{"s":"\\u000a","seq":5}'],
    ['a lone surrogate escape', '{"s":"\\ud800","seq":5}'],
    ['a raw control character', '{"s":"a\tb","seq":5}'],
    ['a non-ASCII key', '{"seq":5,"é":1}'],
    ['a different seq inside', '{"seq":6}'],
    ['a seq as a string', '{"seq":"5"}'],
    ['no seq inside', '{"a":1}'],
    ['an array event', '[5]'],
    ['a truncated event', '{"seq":5'],
    ['trailing bytes', '{"seq":5}x'],
  ])('leaves %s to the general path', (_, eventText) => {
    expect(recognise(line(5, eventText))).toBeNull();
  });

  it('leaves other line layouts to the general path', () => {
    expect(recognise(`{"leaf":"${HASH}","seq":1,"chain":"${HASH}"}`)).toBeNull();
    expect(recognise(`{"seq":01,"leaf":"${HASH}","chain":"${HASH}"}`)).toBeNull();
    expect(recognise(`{"seq":0,"leaf":"${HASH}","chain":"${HASH}"}`)).toBeNull();
    expect(recognise(`{"seq":1,"leaf":"${HASH.toUpperCase()}","chain":"${HASH}"}`)).toBeNull();
    expect(recognise(`{"seq":1,"leaf":"${HASH}","chain":"${HASH}","x":1}`)).toBeNull();
    expect(recognise(`{"seq":1,"leaf":"${HASH}","chain":"${HASH}"} `)).toBeNull();
  });

  it('refuses invalid UTF-8 inside strings', () => {
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xff]]) {
      const before = utf8(line(5, '{"s":"'));
      const after = utf8('","seq":5}}');
      const bytes = new Uint8Array([...before.subarray(0, before.length - 1), ...bad, ...after]);
      expect(recogniseLine(bytes, 0, bytes.length, out())).toBe(false);
    }
  });

  it('never vouches for an event that is not already JCS of itself', () => {
    const withSeq = fc.dictionary(fc.string(), fc.jsonValue()).map((value) => ({ ...value, seq: 3 }));
    const events = fc.oneof(
      fc.jsonValue().map((value) => ({ text: JSON.stringify(value) })),
      withSeq.map((value) => ({ text: JSON.stringify(value) })),
      withSeq.map((value) => ({ text: canonicalJson(value) })),
    );
    let vouched = 0;
    fc.assert(
      fc.property(events, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 255 }), ({ text }, at, byte) => {
        const bytes = utf8(line(3, text));
        // Sometimes a byte of the event is changed too.
        const eventStart = bytes.length - utf8(text).length - 1;
        if (at < text.length) bytes[eventStart + at] = byte;
        const result = out();
        if (!recogniseLine(bytes, 0, bytes.length, result)) return;
        const eventText = decoder.decode(bytes.subarray(result.eventStart, result.eventEnd));
        expect(canonicalJson(JSON.parse(eventText))).toBe(eventText);
        expect(JSON.parse(eventText).seq).toBe(3);
        vouched++;
      }),
      { numRuns: 3000 },
    );
    expect(vouched).toBeGreaterThan(100);
  });

  it('vouches for canonical events whatever their strings hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: -1e15 + 1, max: 1e15 - 1 }), (text, number) => {
        const event = canonicalJson({ s: text, n: number, seq: 9, list: [text, null, true, false, {}] });
        expect(recognise(line(9, event))).not.toBeNull();
      }),
    );
  });
});
