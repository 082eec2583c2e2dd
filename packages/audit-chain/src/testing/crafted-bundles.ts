/**
 * Bundles that are not exactly one reading of one zip, each with the failure a verifier must report:
 * the same list runs through the verifier in Node, the built CLI and a real browser.
 */
import { CHECKPOINTS_FILE, EVENTS_FILE, KEYS_FILE, KEYS_FORMAT, MANIFEST_FILE } from '../bundle/format';
import { type CraftedEntry, craftZip } from './crafted-zip';
import type { TestLedger } from './fixture';
import { BundleFiles } from './tamper';

export interface CraftedBundle {
  name: string;
  /** What the verifier must say: the file and the reason. */
  file: string;
  reason: string | ((source: Source) => string);
  make(source: Source): Uint8Array;
}

/** The verifier's result for a crafted bundle made from `source`. */
export function expectedFailure(crafted: CraftedBundle, source: Source) {
  const { file, reason } = crafted;
  return { ok: false, file, reason: typeof reason === 'string' ? reason : reason(source) };
}

/** A genuine bundle's files and the key that signed them. */
export interface Source {
  files: BundleFiles;
  ledger: TestLedger;
}

const encoder = new TextEncoder();
const zipFailure = (reason: string) => ({ file: 'bundle', reason: `not one unambiguous zip: ${reason}` });
const SURROGATE = 'holds a string with a lone surrogate, which RFC 8785 cannot encode';

/** The bundle's files as crafted entries, in the writer's order, with `changes` applied by name. */
function entries(files: BundleFiles, changes: Record<string, Partial<CraftedEntry>> = {}): CraftedEntry[] {
  return [...files.entries].map(([name, data]) => ({ name, data, ...changes[name] }));
}

export async function craftSource(ledger: TestLedger): Promise<Source> {
  return { files: await BundleFiles.open(await ledger.bundle()), ledger };
}

/** The genuine bundle laid out by hand: what every crafted one differs from in one way. */
export const craftGenuine = ({ files }: Source) => craftZip({ entries: entries(files) });

/** A copy of the files, changed (and re-signed, where the change says so), laid out as the writer does. */
function changed({ files }: Source, change: (copy: BundleFiles) => void): Uint8Array {
  const copy = files.clone();
  change(copy);
  return craftZip({ entries: entries(copy) });
}

/** events.jsonl as an insider would have it: seq 12 now says "denied". */
function forgedEvents(files: BundleFiles): Uint8Array {
  const lines = files.lines(EVENTS_FILE);
  lines[11] = lines[11]!.replace(/"outcome":"\w+"/, '"outcome":"denied"');
  return files.clone().setLines(EVENTS_FILE, lines).entries.get(EVENTS_FILE)!;
}

/** The bundle with the forged events.jsonl just before the genuine one. */
function withForgedCopy({ files }: Source, listed: boolean): Uint8Array {
  const forged = forgedEvents(files);
  return craftZip({
    entries: entries(files).flatMap((entry) =>
      entry.name === EVENTS_FILE ? [{ name: EVENTS_FILE, data: forged, listed }, entry] : [entry],
    ),
  });
}

export const CRAFTED_BUNDLES: CraftedBundle[] = [
  {
    name: 'an edited events.jsonl hidden as a local entry before the genuine one',
    file: 'bundle',
    // The forged entry: a 30-byte local header, the name, a 20-byte zip64 field, the data, a 24-byte descriptor.
    reason: ({ files }) =>
      `not one unambiguous zip: ${30 + 12 + 20 + forgedEvents(files).length + 24} bytes lie before the entry "events.jsonl" (a hidden entry?)`,
    make: (source) => withForgedCopy(source, false),
  },
  {
    name: 'bytes between two entries',
    ...zipFailure('7 bytes lie before the entry "checkpoints.jsonl" (a hidden entry?)'),
    make: ({ files }) =>
      craftZip({ entries: entries(files, { [CHECKPOINTS_FILE]: { before: encoder.encode('padding') } }) }),
  },
  {
    name: 'bytes before the archive',
    ...zipFailure('7 bytes lie before the first entry (data before the archive?)'),
    make: ({ files }) => craftZip({ entries: entries(files), leading: encoder.encode('MZ-stub') }),
  },
  {
    name: 'bytes after the archive',
    ...zipFailure('does not end with a zip end record (not a zip, a zip comment, or data after the archive)'),
    make: ({ files }) => craftZip({ entries: entries(files), trailing: encoder.encode('PK trailing') }),
  },
  {
    name: 'a CRC-32 that is not the content’s',
    file: EVENTS_FILE,
    reason: 'does not match its CRC-32 in the zip directory',
    make: ({ files }) => craftZip({ entries: entries(files, { [EVENTS_FILE]: { crc32: 0x1badcafe } }) }),
  },
  {
    name: 'a data descriptor that disagrees with the central directory',
    ...zipFailure('the data descriptor of "events.jsonl" disagrees with the central directory'),
    make: ({ files }) =>
      craftZip({ entries: entries(files, { [EVENTS_FILE]: { descriptor: { crc32: 0x1badcafe } } }) }),
  },
  {
    name: 'a local header whose size disagrees with the central directory',
    ...zipFailure('the local header of "keys.json" disagrees with the central directory (size)'),
    make: ({ files }) => craftZip({ entries: entries(files, { [KEYS_FILE]: { localSize: 7 } }) }),
  },
  {
    name: 'two central directory entries of one name',
    ...zipFailure('two entries are named "events.jsonl"'),
    make: (source) => withForgedCopy(source, true),
  },
  {
    name: 'manifest.json with a member twice, the genuine one last',
    file: MANIFEST_FILE,
    reason: 'has the member "exportedBy" twice in one object',
    make: (source) =>
      changed(source, (copy) =>
        copy.setText(
          MANIFEST_FILE,
          copy.text(MANIFEST_FILE).replace('{', '{"exportedBy":{"id":"1","label":"someone else"},'),
        ),
      ),
  },
  {
    name: 'a lone surrogate in events.jsonl, chained and signed',
    file: EVENTS_FILE,
    reason: `seq 5: line ${SURROGATE}`,
    make: (source) =>
      changed(source, (copy) => {
        const lines = copy.lines(EVENTS_FILE).map((line) => JSON.parse(line));
        lines[4].event.details = { ...lines[4].event.details, note: 'half \ud800 a pair' };
        copy.setLines(
          EVENTS_FILE,
          lines.map((line) => JSON.stringify(line)),
        );
        copy.rechain().resignAll(source.ledger.key);
      }),
  },
  {
    name: 'a lone surrogate in manifest.json, signed',
    file: MANIFEST_FILE,
    reason: SURROGATE,
    make: (source) =>
      changed(source, (copy) => {
        copy.setJson(MANIFEST_FILE, { ...copy.manifest, exportedBy: { id: '103', label: 'zo\udc6b' } });
        copy.resignManifest(source.ledger.key);
      }),
  },
  {
    name: 'a lone surrogate in checkpoints.jsonl',
    file: CHECKPOINTS_FILE,
    reason: `line 2 ${SURROGATE}`,
    make: (source) =>
      changed(source, (copy) => {
        const lines = copy.lines(CHECKPOINTS_FILE);
        lines[1] = lines[1]!.replace('{', '{"\\udbff":0,');
        copy.setLines(CHECKPOINTS_FILE, lines).resignManifest(source.ledger.key);
      }),
  },
  {
    name: 'a lone surrogate in keys.json',
    file: KEYS_FILE,
    reason: SURROGATE,
    make: (source) =>
      changed(source, (copy) => {
        copy.setJson(KEYS_FILE, { format: KEYS_FORMAT, keys: [source.ledger.key.entry], '\ud800': 1 });
        copy.resignManifest(source.ledger.key);
      }),
  },
];
