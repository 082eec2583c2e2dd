import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINTS_FILE, CSV_FILE, EVENTS_FILE, KEYS_FILE, MANIFEST_FILE, OCSF_FILE } from '../bundle/format';
import type { SignedCheckpoint } from '../checkpoint';
import { nodeCryptoProvider } from '../node/crypto';
import { checkpointTime, signCheckpoint, type TestKey, TestLedger, testKey } from '../testing/fixture';
import { CASE_ID, syntheticRecord } from '../testing/records';
import { BundleFiles } from '../testing/tamper';
import { blob, unzip } from '../testing/zip';
import { type VerifyOptions, verifyBundle } from './verify';
import { webCryptoProvider } from './web-crypto';

const verify = (bytes: Uint8Array, options: Partial<VerifyOptions> = {}) =>
  verifyBundle(blob(bytes), { crypto: nodeCryptoProvider(), ...options });

let ledger: TestLedger;
let bundle: Uint8Array;
let caseBundle: Uint8Array;

async function tampered(change: (files: BundleFiles) => void, base = bundle): Promise<Uint8Array> {
  const files = await BundleFiles.open(base);
  change(files);
  return files.zip();
}

const editLine = (files: BundleFiles, name: string, index: number, edit: (line: string) => string) => {
  const lines = files.lines(name);
  lines[index] = edit(lines[index]!);
  return files.setLines(name, lines);
};

beforeAll(async () => {
  ledger = new TestLedger({ events: 60, checkpointEvery: 10 });
  bundle = await ledger.bundle();
  caseBundle = await ledger.bundle({
    inScope: (record) => record.caseId === CASE_ID,
    scope: { kind: 'case', caseId: CASE_ID },
  });
});

describe('a genuine bundle', () => {
  it('verifies, saying that it trusted the keys the bundle itself carries', async () => {
    expect(await verify(bundle)).toMatchObject({
      ok: true,
      anchor: 0,
      firstSeq: 1,
      lastSeq: 60,
      events: 60,
      elided: 0,
      checkpoints: 6,
      keyIds: [ledger.key.entry.keyId],
      trust: 'bundle',
    });
  });

  it('verifies a case export whose other events are elided', async () => {
    const result = await verify(caseBundle);
    expect(result).toMatchObject({ ok: true, events: 3, elided: 57, scope: { kind: 'case', caseId: CASE_ID } });
    const events = (await BundleFiles.open(caseBundle)).lines(EVENTS_FILE).map((line) => JSON.parse(line));
    expect(events.filter((line) => line.event).every((line) => line.event.caseId === CASE_ID)).toBe(true);
    expect(events.filter((line) => !line.event).every((line) => Object.keys(line).join() === 'seq,leaf,chain')).toBe(
      true,
    );
  });

  it('verifies an export that starts at a checkpoint rather than at genesis', async () => {
    expect(await verify(await ledger.bundle({ anchor: 20, lastSeq: 50 }))).toMatchObject({
      ok: true,
      anchor: 20,
      firstSeq: 21,
      lastSeq: 50,
      checkpoints: 4,
    });
  });

  it('verifies the same with Web Crypto, as the browser does', async () => {
    const node = await verify(caseBundle);
    expect(await verify(caseBundle, { crypto: webCryptoProvider() })).toEqual(node);
  });

  it('fails the same way with Web Crypto', async () => {
    const bytes = await tampered((files) =>
      editLine(files, EVENTS_FILE, 16, (line) => line.replace('"seq":17,', '"seq":17 ,')),
    );
    const node = await verify(bytes);
    expect(node).toMatchObject({ ok: false });
    expect(await verify(bytes, { crypto: webCryptoProvider() })).toEqual(node);
    const edited = await tampered((files) =>
      editLine(files, EVENTS_FILE, 16, (line) => line.replace('"id":"', '"id":"1')),
    );
    expect(await verify(edited, { crypto: webCryptoProvider() })).toEqual(await verify(edited));
  });

  it('verifies when pinned to its key, by id or by a published keys file', async () => {
    const keyIds = [ledger.key.entry.keyId];
    expect(await verify(bundle, { trust: { keyIds } })).toMatchObject({ ok: true, trust: 'pinned' });
    const keys = { format: 'docket.audit.keys.v1' as const, keys: [ledger.key.entry] };
    expect(await verify(bundle, { trust: { keys } })).toMatchObject({ ok: true, trust: 'pinned' });
  });

  it('refuses a bundle re-zipped with compression: one reading needs one encoding', async () => {
    const { ZipWriter, Uint8ArrayWriter, Uint8ArrayReader } = await import('@zip.js/zip.js/lib/zip-core-custom.js');
    const writer = new ZipWriter(new Uint8ArrayWriter(), { level: 6, useWebWorkers: false });
    for (const [name, bytes] of await unzip(bundle)) await writer.add(name, new Uint8ArrayReader(bytes));
    expect(await verify(await writer.close())).toMatchObject({
      ok: false,
      file: 'bundle',
      reason: 'not one unambiguous zip: the entry "keys.json" is compressed (method 8); bundle entries are stored',
    });
  });

  it('accepts an event written in another JSON form, judging JCS of the parsed value', async () => {
    const bytes = await tampered((files) => {
      editLine(files, EVENTS_FILE, 4, (line) => {
        const { seq, leaf, chain, event } = JSON.parse(line);
        const reordered = Object.fromEntries(Object.entries(event).reverse());
        return JSON.stringify({ event: reordered, chain, leaf, seq }, null, 1).replace(/\n/g, ' ');
      });
      files.resignManifest(ledger.key);
    });
    expect(await verify(bytes)).toMatchObject({ ok: true, events: 60 });
  });
});

describe('the container and the manifest', () => {
  it('refuses what is not a zip file', async () => {
    expect(await verify(new TextEncoder().encode('not a zip'))).toMatchObject({ ok: false, file: 'bundle' });
  });

  it('refuses a zip with data appended after it', async () => {
    const bytes = new Uint8Array([...bundle, ...new TextEncoder().encode('PK trailing')]);
    expect(await verify(bytes)).toMatchObject({ ok: false, file: 'bundle' });
  });

  it('refuses a bundle without a manifest', async () => {
    const bytes = await tampered((files) => files.entries.delete(MANIFEST_FILE));
    expect(await verify(bytes)).toMatchObject({ ok: false, file: 'bundle', reason: 'manifest.json is missing' });
  });

  it('refuses an entry the manifest does not list', async () => {
    const bytes = await tampered((files) => files.setText('notes.txt', 'smuggled'));
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: 'bundle',
      reason: 'notes.txt is not listed in the manifest',
    });
  });

  it('refuses a listed file that is missing', async () => {
    const bytes = await tampered((files) => files.entries.delete(CSV_FILE));
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: 'bundle',
      reason: 'events.csv is listed in the manifest but missing',
    });
  });

  it('refuses a manifest with a member it does not define', async () => {
    const bytes = await tampered((files) => files.setJson(MANIFEST_FILE, { ...files.manifest, note: 'x' }));
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: MANIFEST_FILE,
      reason: 'the manifest has an unknown member "note"',
    });
  });

  it('refuses a manifest whose counts do not add up to its range', async () => {
    const bytes = await tampered((files) => {
      const manifest = files.manifest;
      files.setJson(MANIFEST_FILE, { ...manifest, counts: { ...manifest.counts, events: 59 } });
    });
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: MANIFEST_FILE,
      reason: expect.stringContaining('counts'),
    });
  });

  it('refuses an edited manifest: bad signature', async () => {
    const bytes = await tampered((files) =>
      files.setJson(MANIFEST_FILE, { ...files.manifest, exportedBy: { id: '1', label: 'someone else' } }),
    );
    expect(await verify(bytes)).toMatchObject({ ok: false, file: MANIFEST_FILE, reason: 'bad signature' });
  });

  it('refuses a manifest signed by a key keys.json does not list', async () => {
    const other = testKey();
    const bytes = await tampered((files) => files.resignManifest(other));
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: MANIFEST_FILE,
      reason: `the manifest is signed by ${other.entry.keyId}, which keys.json does not list`,
    });
  });

  it('refuses a manifest dated before its key existed', async () => {
    const late = testKey('2026-12-30T00:00:00.000Z');
    const bytes = await ledger.bundle({ keys: [ledger.key.entry, late.entry], signer: late.signer });
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: MANIFEST_FILE,
      reason: expect.stringContaining('is dated outside the validity of'),
    });
  });
});

describe('keys', () => {
  it('refuses a key that does not match its fingerprint', async () => {
    const other = testKey();
    const bytes = await tampered((files) =>
      files.setJson(KEYS_FILE, {
        format: 'docket.audit.keys.v1',
        keys: [{ ...ledger.key.entry, publicKey: other.entry.publicKey }],
      }),
    );
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: KEYS_FILE,
      reason: `key ${ledger.key.entry.keyId} does not match its public key (whose id is ${other.entry.keyId})`,
    });
  });

  it('refuses keys.json changed in form only: its digest', async () => {
    const bytes = await tampered((files) => files.setText(KEYS_FILE, JSON.stringify(files.json(KEYS_FILE))));
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: KEYS_FILE,
      reason: expect.stringContaining('bytes but the manifest says'),
    });
  });

  it('refuses a bundle re-signed throughout by another key when pinned, and says it trusted it when not', async () => {
    const attacker = testKey();
    const bytes = await tampered((files) => {
      editLine(files, EVENTS_FILE, 0, (line) => line.replace('"outcome":"failure"', '"outcome":"success"'));
      files.rechain().resignAll(attacker);
    });
    expect(await verify(bytes)).toMatchObject({ ok: true, trust: 'bundle', keyIds: [attacker.entry.keyId] });
    expect(await verify(bytes, { trust: { keyIds: [ledger.key.entry.keyId] } })).toMatchObject({
      ok: false,
      file: MANIFEST_FILE,
      reason: `the manifest is signed by ${attacker.entry.keyId}, which is not a trusted key`,
    });
  });

  it('accepts a key rotation inside the range, each checkpoint within its key’s validity', async () => {
    const retiredAt = checkpointTime(30);
    const first = { ...ledger.key.entry, retiredAt };
    const second = testKey(retiredAt);
    const bytes = await tampered((files) => {
      files.setJson(KEYS_FILE, { format: 'docket.audit.keys.v1', keys: [first, second.entry] });
      files.setLines(
        CHECKPOINTS_FILE,
        files.lines(CHECKPOINTS_FILE).map((line) => {
          const checkpoint = JSON.parse(line) as SignedCheckpoint;
          return checkpoint.seq <= 30
            ? line
            : JSON.stringify(signCheckpoint(second, checkpoint.seq, checkpoint.head, checkpoint.issuedAt));
        }),
      );
      files.resignManifest(second);
    });
    const keyIds = [ledger.key.entry.keyId, second.entry.keyId].sort();
    expect(await verify(bytes)).toMatchObject({ ok: true, keyIds, manifestKeyId: second.entry.keyId });
    expect(await verify(bytes, { trust: { keyIds } })).toMatchObject({ ok: true, trust: 'pinned' });
    expect(await verify(bytes, { trust: { keyIds: [second.entry.keyId] } })).toMatchObject({
      ok: false,
      seq: 10,
      reason: `checkpoint 10 is signed by ${ledger.key.entry.keyId}, which is not a trusted key`,
    });
  });

  it('takes a published key file as the authority on retirement', async () => {
    const keys = {
      format: 'docket.audit.keys.v1' as const,
      keys: [{ ...ledger.key.entry, retiredAt: '2026-12-01T10:00:30.000Z' }],
    };
    const result = await verify(bundle, { trust: { keys } });
    expect(result).toMatchObject({ ok: false, file: MANIFEST_FILE, reason: expect.stringContaining('validity') });
  });
});

describe('checkpoints', () => {
  it('refuses a checkpoint whose head was changed: bad signature', async () => {
    const bytes = await tampered((files) =>
      editLine(files, CHECKPOINTS_FILE, 2, (line) =>
        line.replace(/"head":"(.)/, (_, c) => `"head":"${c === '0' ? '1' : '0'}`),
      ),
    );
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: CHECKPOINTS_FILE,
      seq: 30,
      reason: 'checkpoint 30: bad signature',
    });
  });

  it('refuses checkpoints out of order', async () => {
    const bytes = await tampered((files) => {
      const lines = files.lines(CHECKPOINTS_FILE);
      [lines[1], lines[2]] = [lines[2]!, lines[1]!];
      files.setLines(CHECKPOINTS_FILE, lines);
    });
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      seq: 20,
      reason: 'checkpoint 20 is out of order (after checkpoint 30)',
    });
  });

  it('refuses a checkpoint dated after its key was retired', async () => {
    const retiring = testKey('2026-01-01T00:00:00.000Z', '2026-12-01T10:00:12.000Z');
    const late = signCheckpoint(retiring, 30, ledger.sealed[29]!.chain, checkpointTime(30));
    const bytes = await tampered((files) => {
      editLine(files, CHECKPOINTS_FILE, 2, () => JSON.stringify(late));
      files.setJson(KEYS_FILE, { format: 'docket.audit.keys.v1', keys: [ledger.key.entry, retiring.entry] });
      files.resignManifest(ledger.key);
    });
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      seq: 30,
      reason: `checkpoint 30 is dated outside the validity of ${retiring.entry.keyId} (from 2026-01-01T00:00:00.000Z to 2026-12-01T10:00:12.000Z)`,
    });
  });

  it('refuses an anchored export without its anchor checkpoint', async () => {
    const bytes = await tampered(
      (files) => files.setLines(CHECKPOINTS_FILE, files.lines(CHECKPOINTS_FILE).slice(1)),
      await ledger.bundle({ anchor: 20, lastSeq: 50 }),
    );
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: CHECKPOINTS_FILE,
      reason: 'the anchor checkpoint 20 is missing (the first line is checkpoint 30)',
    });
  });

  it('refuses a dropped checkpoint: the count the manifest signed', async () => {
    const bytes = await tampered((files) => {
      const lines = files.lines(CHECKPOINTS_FILE);
      lines.splice(2, 1);
      files.setLines(CHECKPOINTS_FILE, lines);
    });
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: CHECKPOINTS_FILE,
      reason: 'holds 5 checkpoints but the manifest says 6',
    });
  });

  it('refuses a checkpoints file whose last checkpoint is not the range end', async () => {
    const bytes = await tampered((files) =>
      files.setLines(CHECKPOINTS_FILE, files.lines(CHECKPOINTS_FILE).slice(0, -1)),
    );
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      reason: 'the last checkpoint is 50 but the range ends at 60',
    });
  });
});

describe('the chain', () => {
  it('names an edited event by its seq', async () => {
    const bytes = await tampered((files) =>
      editLine(files, EVENTS_FILE, 16, (line) => line.replace('"outcome":"success"', '"outcome":"denied"')),
    );
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: EVENTS_FILE,
      seq: 17,
      reason: 'seq 17: event does not match its leaf hash (edited?)',
    });
  });

  it('names an edited chain value', async () => {
    const bytes = await tampered((files) =>
      editLine(files, EVENTS_FILE, 8, (line) =>
        line.replace(/"chain":"(.)/, (_, c) => `"chain":"${c === 'a' ? 'b' : 'a'}`),
      ),
    );
    expect(await verify(bytes)).toMatchObject({
      seq: 9,
      reason: expect.stringContaining('seq 9: chain does not follow'),
    });
  });

  it('names a missing line', async () => {
    const bytes = await tampered((files) =>
      files.setLines(
        EVENTS_FILE,
        files.lines(EVENTS_FILE).filter((_, i) => i !== 33),
      ),
    );
    expect(await verify(bytes)).toMatchObject({ seq: 34, reason: 'seq 34 missing (the next line is seq 35)' });
  });

  it('names a repeated line', async () => {
    const bytes = await tampered((files) => {
      const lines = files.lines(EVENTS_FILE);
      lines.splice(12, 0, lines[11]!);
      files.setLines(EVENTS_FILE, lines);
    });
    expect(await verify(bytes)).toMatchObject({
      seq: 13,
      reason: 'seq 13 expected, found seq 12 (lines repeated or out of order)',
    });
  });

  it('names an event whose record claims another seq', async () => {
    const bytes = await tampered((files) =>
      editLine(files, EVENTS_FILE, 5, (line) => {
        const parsed = JSON.parse(line);
        return JSON.stringify({ ...parsed, event: { ...parsed.event, seq: 99 } });
      }),
    );
    expect(await verify(bytes)).toMatchObject({ seq: 6, reason: 'seq 6: the event inside says seq 99' });
  });

  it('refuses content smuggled into an elided line', async () => {
    const bytes = await tampered(
      (files) => editLine(files, EVENTS_FILE, 3, (line) => line.replace('}', ',"note":"hello"}')),
      caseBundle,
    );
    expect(await verify(bytes)).toMatchObject({ seq: 4, reason: 'seq 4: line has an unknown member "note"' });
  });

  it('names a line that is not JSON, not UTF-8, or too long', async () => {
    const notJson = await tampered((files) => editLine(files, EVENTS_FILE, 2, (line) => line.slice(0, 40)));
    expect(await verify(notJson)).toMatchObject({ seq: 3, reason: 'seq 3: line is not valid JSON' });
    const files = await BundleFiles.open(bundle);
    const events = files.entries.get(EVENTS_FILE)!;
    const broken = Uint8Array.from(events);
    broken[events.indexOf(0x0a) + 120] = 0xff;
    files.entries.set(EVENTS_FILE, broken);
    expect(await verify(await files.zip())).toMatchObject({ seq: 2, reason: 'seq 2: line is not valid UTF-8' });
    const long = await tampered((f) =>
      editLine(f, EVENTS_FILE, 1, (line) => line.replace('"details":{', `"details":{"x":"${'x'.repeat(1_100_000)}",`)),
    );
    expect(await verify(long)).toMatchObject({ seq: 2, reason: 'seq 2: line is longer than 1048576 bytes' });
  });

  it('names a cut-off tail and a tail cut at a line', async () => {
    const cut = await tampered((files) => files.setText(EVENTS_FILE, files.text(EVENTS_FILE).slice(0, -300)));
    expect(await verify(cut)).toMatchObject({
      seq: 60,
      reason: 'seq 60: the last line is cut off (no newline at the end)',
    });
    const short = await tampered((files) => files.setLines(EVENTS_FILE, files.lines(EVENTS_FILE).slice(0, 57)));
    expect(await verify(short)).toMatchObject({
      file: EVENTS_FILE,
      seq: 58,
      reason: 'events end at 57 but the last checkpoint is 60',
    });
  });

  it('refuses events past the last checkpoint, which nothing signs', async () => {
    const bytes = await tampered((files) => {
      const extra = ledger.sealed[5]!;
      files.setLines(EVENTS_FILE, [
        ...files.lines(EVENTS_FILE),
        JSON.stringify({ seq: 61, leaf: extra.leaf, chain: extra.chain }),
      ]);
    });
    expect(await verify(bytes)).toMatchObject({
      seq: 61,
      reason: 'seq 61: events go on after the last checkpoint (60), unsigned',
    });
  });

  it('names the checkpoint an edit with a recomputed chain runs into', async () => {
    const bytes = await tampered((files) =>
      editLine(files, EVENTS_FILE, 13, (line) => line.replace(/"outcome":"\w+"/, '"outcome":"denied"')).rechain(),
    );
    expect(await verify(bytes)).toMatchObject({
      file: EVENTS_FILE,
      seq: 20,
      reason: 'checkpoint 20: its signed head does not match the chain at seq 20',
    });
  });

  it('refuses an event turned into an elided line by the counts the manifest signed', async () => {
    const bytes = await tampered((files) =>
      editLine(files, EVENTS_FILE, 9, (line) => {
        const { seq, leaf, chain } = JSON.parse(line);
        return JSON.stringify({ seq, leaf, chain });
      }),
    );
    expect(await verify(bytes)).toMatchObject({
      file: EVENTS_FILE,
      reason: 'holds 59 full and 1 elided events but the manifest says 60 and 0',
    });
  });

  it('refuses events.jsonl changed without changing the chain: its digest', async () => {
    const bytes = await tampered((files) =>
      editLine(files, EVENTS_FILE, 0, (line) => line.replace('{"seq":1,', '{"seq":1 ,')),
    );
    expect(await verify(bytes)).toMatchObject({
      file: EVENTS_FILE,
      reason: expect.stringContaining('the manifest says'),
    });
  });
});

describe('the renderings', () => {
  it('refuses an edited CSV row', async () => {
    const bytes = await tampered((files) =>
      files.setText(CSV_FILE, files.text(CSV_FILE).replace('success', 'SUCCESS')),
    );
    expect(await verify(bytes)).toMatchObject({ file: CSV_FILE, reason: expect.stringContaining('SHA-256') });
  });

  it('refuses renderings that drop a record', async () => {
    const csv = await tampered((files) =>
      files.setText(CSV_FILE, files.text(CSV_FILE).split('\r\n').slice(0, -2).join('\r\n').concat('\r\n')),
    );
    expect(await verify(csv)).toMatchObject({
      file: CSV_FILE,
      reason: 'has 59 records but events.jsonl has 60 full events',
    });
    const ocsf = await tampered((files) => files.setLines(OCSF_FILE, files.lines(OCSF_FILE).slice(1)));
    expect(await verify(ocsf)).toMatchObject({
      file: OCSF_FILE,
      reason: 'has 59 records but events.jsonl has 60 full events',
    });
  });
});

describe('a saved checkpoint', () => {
  const saved = (seq: number): SignedCheckpoint => ledger.checkpoints.find((checkpoint) => checkpoint.seq === seq)!;

  it('is extended by a later export that covers it', async () => {
    const later = await ledger.bundle({ anchor: 20, lastSeq: 60 });
    expect(await verify(later, { savedCheckpoint: saved(40) })).toMatchObject({ ok: true, extends: 40 });
    expect(await verify(later, { savedCheckpoint: saved(20) })).toMatchObject({ ok: true, extends: 20 });
  });

  it('catches a bundle whose history differs from what the auditor saw', async () => {
    // Another chain, signed by the same key: the auditor's checkpoint of the real one does not match it.
    const fork = new TestLedger({ events: 60, checkpointEvery: 10, key: ledger.key });
    const forged = signCheckpoint(ledger.key, 40, 'ab'.repeat(32), checkpointTime(40));
    expect(await verify(await fork.bundle(), { savedCheckpoint: forged })).toMatchObject({
      ok: false,
      seq: 40,
      reason:
        'seq 40: the chain differs from the checkpoint witnessed at seq 40, so history was rewritten at or before seq 40; this bundle does not extend what was witnessed',
    });
  });

  // The signer's own history, rewritten from seq 35 on and re-signed consistently with the same key.
  const rewritten = (options: { events?: number; signedLaterMs?: number } = {}) =>
    new TestLedger({
      events: options.events ?? 60,
      checkpointEvery: 10,
      key: ledger.key,
      record: (seq) => {
        const record = syntheticRecord(seq);
        return seq === 35 ? { ...record, details: { ...record.details, rewritten: true } } : record;
      },
      ...(options.signedLaterMs === undefined ? {} : { signedLaterMs: options.signedLaterMs }),
    });

  it('locates a consistent rewrite between the last witnessed checkpoint that agrees and the first that does not', async () => {
    const forged = await rewritten().bundle();
    // On its own, the rewritten bundle verifies: only what was witnessed outside shows it.
    expect(await verify(forged)).toMatchObject({ ok: true });
    expect(await verify(forged, { savedCheckpoints: [saved(10), saved(30), saved(40), saved(50)] })).toMatchObject({
      ok: false,
      file: EVENTS_FILE,
      seq: 40,
      reason:
        'seq 40: the chain differs from the checkpoint witnessed at seq 40, so history was rewritten between seq 31 and seq 40 (the checkpoint witnessed at seq 30 still agrees); this bundle does not extend what was witnessed',
    });
    expect(await verify(forged, { savedCheckpoints: [saved(10), saved(30)] })).toMatchObject({ ok: true, extends: 30 });
  });

  it('catches a rollback: a checkpoint witnessed past the bundle’s end, signed before the bundle’s last one', async () => {
    // The database was cut back to seq 30 and grew again to 38, signed after seq 40 had been witnessed.
    const cutBack = await rewritten({ events: 38, signedLaterMs: 60_000 }).bundle();
    expect(await verify(cutBack, { savedCheckpoints: [saved(40)] })).toMatchObject({
      ok: false,
      file: 'saved checkpoint',
      seq: 40,
      reason: expect.stringMatching(/^rolled back: seq 40 was witnessed .* this bundle's chain ends at seq 38/),
    });
    // An export simply made before seq 40 existed is not a rollback; it just cannot be checked.
    const older = await ledger.bundle({ anchor: 0, lastSeq: 30 });
    expect(await verify(older, { savedCheckpoints: [saved(40)] })).toMatchObject({
      ok: false,
      reason: "saved checkpoint 40 lies outside this bundle's range (0–30), so it cannot be checked",
    });
  });

  it('refuses witnesses that were shown two histories', async () => {
    const other = rewritten().checkpoints.find((checkpoint) => checkpoint.seq === 40)!;
    expect(await verify(bundle, { savedCheckpoints: [saved(40), other] })).toMatchObject({
      ok: false,
      reason: 'two saved checkpoints sign different heads for seq 40: the signer showed two histories',
    });
  });

  it('must itself be genuine, by a key the bundle trusts', async () => {
    const edited = { ...saved(40), issuedAt: '2026-12-02T00:00:00.000Z' };
    expect(await verify(bundle, { savedCheckpoint: edited })).toMatchObject({
      ok: false,
      file: 'saved checkpoint',
      reason: 'saved checkpoint 40: bad signature',
    });
    const stranger: TestKey = testKey();
    const foreign = signCheckpoint(stranger, 40, saved(40).head, checkpointTime(40));
    expect(await verify(bundle, { savedCheckpoint: foreign })).toMatchObject({
      ok: false,
      reason: `saved checkpoint 40 is signed by ${stranger.entry.keyId}, which keys.json does not list`,
    });
  });

  it('must lie inside the bundle’s range', async () => {
    const later = await ledger.bundle({ anchor: 30, lastSeq: 60 });
    expect(await verify(later, { savedCheckpoint: saved(20) })).toMatchObject({
      ok: false,
      file: 'saved checkpoint',
      reason: "saved checkpoint 20 lies outside this bundle's range (30–60), so it cannot be checked",
    });
  });
});

describe('documents', () => {
  it('refuses a time that names no real instant', async () => {
    const bytes = await tampered((files) =>
      files.setJson(MANIFEST_FILE, { ...files.manifest, exportedAt: '2026-02-30T09:00:00.000Z' }),
    );
    expect(await verify(bytes)).toMatchObject({
      ok: false,
      file: MANIFEST_FILE,
      reason: 'exportedAt is not a valid time',
    });
  });
});
