/**
 * A bundle is exactly one zip with one reading: archives another zip tool could read differently, and
 * JSON another parser could read differently, are refused even when every signature holds.
 */
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js/lib/zip-core-custom.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeCryptoProvider } from '../node/crypto';
import { CRAFTED_BUNDLES, craftGenuine, craftSource, expectedFailure, type Source } from '../testing/crafted-bundles';
import { TestLedger } from '../testing/fixture';
import { blob } from '../testing/zip';
import { ZIP64_LOCATOR } from '../zip/structure';
import { verifyBundle } from './verify';

let source: Source;

beforeAll(async () => {
  source = await craftSource(new TestLedger({ events: 25, checkpointEvery: 10 }));
});

/** Verified with the signing key pinned, as an auditor who trusts only the operator's key would. */
const verifyPinned = (bytes: Uint8Array) =>
  verifyBundle(blob(bytes), { crypto: nodeCryptoProvider(), trust: { keyIds: [source.ledger.key.entry.keyId] } });

describe('the container', () => {
  it('verifies the genuine bundle laid out by hand as the writer lays it out', async () => {
    expect(await verifyPinned(craftGenuine(source))).toMatchObject({ ok: true, events: 25, trust: 'pinned' });
  });

  it('verifies a bundle with zip64 records throughout, as a bundle past 4 GiB has them', async () => {
    const writer = new ZipWriter(new Uint8ArrayWriter(), { level: 0, zip64: true, useWebWorkers: false });
    for (const [name, bytes] of source.files.entries) await writer.add(name, new Uint8ArrayReader(bytes));
    const bytes = await writer.close();
    expect(new DataView(bytes.buffer).getUint32(bytes.length - 42, true)).toBe(ZIP64_LOCATOR);
    expect(await verifyPinned(bytes)).toMatchObject({ ok: true, events: 25 });
  });

  for (const crafted of CRAFTED_BUNDLES) {
    it(`refuses ${crafted.name}, naming what is wrong`, async () => {
      expect(await verifyPinned(crafted.make(source))).toMatchObject(expectedFailure(crafted, source));
    });
  }
});
