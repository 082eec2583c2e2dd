/** Writes a disclosure package (../disclosure/format.ts): the items, then the signed manifest. */
import { createHash } from 'node:crypto';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js/lib/zip-core-custom.js';
import { toBase64 } from '../bytes';
import {
  DISCLOSURE_FORMAT,
  DISCLOSURE_MANIFEST,
  type DisclosureItem,
  type DisclosureManifest,
  disclosureMessage,
} from '../disclosure/format';
import type { BundleSigner } from './writer';

export interface DisclosureFile extends Omit<DisclosureItem, 'sha256' | 'bytes'> {
  data: Uint8Array;
}

export interface WrittenDisclosure {
  zip: Uint8Array;
  manifest: DisclosureManifest;
  /** SHA-256 of manifest.json exactly as stored: what the audit log records. */
  manifestSha256: string;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export async function writeDisclosure(input: {
  legalRequestId: string;
  producedAt: string;
  files: DisclosureFile[];
  signer: BundleSigner;
}): Promise<WrittenDisclosure> {
  const writer = new Uint8ArrayWriter();
  const zip = new ZipWriter(writer, { level: 0, useWebWorkers: false, lastModDate: new Date(input.producedAt) });
  const items: DisclosureItem[] = [];
  for (const { data, ...item } of input.files) {
    if (item.path === DISCLOSURE_MANIFEST || items.some((other) => other.path === item.path)) {
      throw new Error(`disclosure: ${item.path} is used twice`);
    }
    await zip.add(item.path, new Uint8ArrayReader(data));
    items.push({ ...item, sha256: sha256(data), bytes: data.byteLength });
  }
  const unsigned = {
    format: DISCLOSURE_FORMAT,
    legalRequestId: input.legalRequestId,
    producedAt: input.producedAt,
    items,
    keyId: input.signer.keyId,
  } as const;
  const manifest: DisclosureManifest = {
    ...unsigned,
    signature: toBase64(await input.signer.sign(disclosureMessage(unsigned))),
  };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  await zip.add(DISCLOSURE_MANIFEST, new Uint8ArrayReader(manifestBytes));
  await zip.close();
  return { zip: await writer.getData(), manifest, manifestSha256: sha256(manifestBytes) };
}
