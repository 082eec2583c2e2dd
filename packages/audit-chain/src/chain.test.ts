import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes';
import { canonicalJson } from './canonical';
import { GENESIS, leafPreimage, linkPreimage } from './chain';

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());

describe('canonical encoding', () => {
  it('sorts keys by UTF-16 code units and drops whitespace (RFC 8785)', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], '€': 2, é: { z: 1.5, y: 1e21 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"é":{"y":1e+21,"z":1.5},"€":2}',
    );
  });
});

describe('hash chain', () => {
  it('separates leaf and link hashes by their first byte', () => {
    const leaf = sha256(leafPreimage('{}'));
    expect(leafPreimage('{}')[0]).toBe(0);
    expect(linkPreimage(GENESIS, leaf)[0]).toBe(1);
    expect(toHex(sha256(linkPreimage(GENESIS, leaf)))).not.toBe(toHex(leaf));
  });
});
