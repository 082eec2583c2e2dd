import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobReader, ZipReader } from '@zip.js/zip.js/lib/zip-core-custom.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { elidedLine } from '../bundle/format';
import { checkpointTime, collect, signCheckpoint, TestLedger, testKey } from '../testing/fixture';
import { blob } from '../testing/zip';
import { type BundleInput, type BundleProgress, writeBundle } from './writer';

let ledger: TestLedger;
beforeAll(() => {
  ledger = new TestLedger({ events: 30, checkpointEvery: 10 });
});

const refused = (input: BundleInput) => collect(writeBundle(input));

describe('the bundle writer', () => {
  it('writes stored entries, the manifest last, that ordinary zip tools read', async () => {
    const bytes = await ledger.bundle();
    const reader = new ZipReader(new BlobReader(blob(bytes)), { useWebWorkers: false });
    const entries = await reader.getEntries();
    expect(entries.map((entry) => [entry.filename, entry.compressionMethod])).toEqual([
      ['keys.json', 0],
      ['checkpoints.jsonl', 0],
      ['events.jsonl', 0],
      ['events.csv', 0],
      ['events.ocsf.jsonl', 0],
      ['manifest.json', 0],
    ]);
    await reader.close();
    const dir = mkdtempSync(join(tmpdir(), 'docket-bundle-'));
    try {
      writeFileSync(join(dir, 'bundle.zip'), bytes);
      expect(execFileSync('unzip', ['-t', join(dir, 'bundle.zip')]).toString()).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pulls lines only as fast as the reader takes the zip', async () => {
    let pulled = 0;
    const lines = (function* () {
      for (let seq = 1; seq <= 200_000; seq++) {
        pulled++;
        yield elidedLine(seq, 'ab'.repeat(32), 'cd'.repeat(32));
      }
    })();
    const checkpoints = [signCheckpoint(ledger.key, 200_000, 'cd'.repeat(32), checkpointTime(200_000))];
    const stream = writeBundle({ ...ledger.input({ csv: false, ocsf: false }), checkpoints, events: lines });
    const reader = stream.getReader();
    const lineBytes = elidedLine(100_000, 'ab'.repeat(32), 'cd'.repeat(32)).length + 1;
    let received = 0;
    for (const target of [1_000_000, 20_000_000]) {
      while (received < target) received += (await reader.read()).value!.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
      // What the writer holds stays the same few MiB of buffers however far the export has gone.
      expect(pulled * lineBytes - received).toBeLessThan(4 * 2 ** 20);
    }
    await reader.cancel();
  });

  it('reports progress per file in lines and bytes', async () => {
    const progress: BundleProgress[] = [];
    await collect(writeBundle({ ...ledger.input(), onProgress: (p) => progress.push(p) }));
    const last = (file: string) => progress.filter((p) => p.file === file).at(-1);
    expect(last('events.jsonl')).toMatchObject({ lines: 30 });
    expect(last('events.csv')).toMatchObject({ lines: 31 });
    expect(last('checkpoints.jsonl')).toMatchObject({ lines: 3 });
  });

  it('refuses to sign with a key the bundle does not carry', async () => {
    await expect(refused({ ...ledger.input(), signer: testKey().signer })).rejects.toThrow(
      /is not among the bundle's keys/,
    );
  });

  it('refuses lines out of seq order, malformed, or past the last checkpoint', async () => {
    const events = ledger.input().events as string[];
    await expect(refused({ ...ledger.input(), events: [events[1]!, events[0]!, ...events.slice(2)] })).rejects.toThrow(
      'the line for seq 1 is malformed',
    );
    await expect(refused({ ...ledger.input(), events: [...events.slice(0, 29), '{"seq":30}'] })).rejects.toThrow(
      'the line for seq 30 is malformed',
    );
    const extra = elidedLine(31, 'ab'.repeat(32), 'cd'.repeat(32));
    await expect(refused({ ...ledger.input({ csv: false, ocsf: false }), events: [...events, extra] })).rejects.toThrow(
      'seq 31 is after the last checkpoint 30',
    );
    await expect(
      refused({ ...ledger.input({ csv: false, ocsf: false }), events: events.slice(0, 25) }),
    ).rejects.toThrow('events end at 25 but the last checkpoint is 30');
  });

  it('takes events.jsonl in blocks of lines, checks every line inside, and writes what single lines would', async () => {
    const input = ledger.input();
    const lines = input.events as string[];
    const blocks = [lines.slice(0, 7).join('\n'), lines[7]!, lines.slice(8).join('\n')];
    expect(await collect(writeBundle({ ...input, events: blocks }))).toEqual(await collect(writeBundle(input)));
    const broken = [...lines.slice(0, 12), '{"seq":13}', ...lines.slice(13)];
    await expect(
      refused({ ...input, events: [broken.slice(0, 20).join('\n'), broken.slice(20).join('\n')] }),
    ).rejects.toThrow('the line for seq 13 is malformed');
  });

  it('refuses an anchored export whose first checkpoint is not the anchor', async () => {
    const input = ledger.input({ anchor: 10 });
    const checkpoints = (input.checkpoints as { seq: number }[]).slice(1);
    await expect(refused({ ...input, checkpoints } as BundleInput)).rejects.toThrow(
      'the first checkpoint is 20, not the anchor 10',
    );
  });

  it('refuses renderings with a record too many or too few', async () => {
    const input = ledger.input();
    await expect(refused({ ...input, csv: (input.csv as string[]).slice(1) })).rejects.toThrow(
      'events.csv has 29 records for 30 full events',
    );
    await expect(refused({ ...input, ocsf: ['{\n}', ...(input.ocsf as string[]).slice(1)] })).rejects.toThrow(
      'an OCSF line holds a newline',
    );
  });

  it('closes the line sources when it fails', async () => {
    let closed = false;
    const events = (function* () {
      try {
        yield '{"seq":2}';
      } finally {
        closed = true;
      }
    })();
    await expect(refused({ ...ledger.input(), events })).rejects.toThrow();
    expect(closed).toBe(true);
  });
});
