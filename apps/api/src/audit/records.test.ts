import { createHash, randomBytes } from 'node:crypto';
import { leafPreimage, linkPreimage } from '@docket/audit-chain';
import { expect, it } from 'vitest';
import { leafHash, linkHash } from './records';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

it('hashes exactly the core’s leaf and link preimages', () => {
  for (const text of ['', '{}', '{"details":{"note":"é€😀\\u0000"},"seq":1}', 'x'.repeat(10_000)]) {
    expect(leafHash(text).equals(sha256(leafPreimage(text)))).toBe(true);
  }
  const previous = randomBytes(32);
  const leaf = randomBytes(32);
  expect(linkHash(previous, leaf).equals(sha256(linkPreimage(previous, leaf)))).toBe(true);
  expect(() => linkHash(previous, leaf.subarray(1))).toThrow(/32 bytes/);
});
