import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishReport, reportFold } from '../report/build';
import { CRAFTED_BUNDLES, craftSource, expectedFailure, type Source } from '../testing/crafted-bundles';
import { TestLedger } from '../testing/fixture';
import { syntheticRecord } from '../testing/records';
import { reportRecord } from '../testing/report-records';
import { BundleFiles } from '../testing/tamper';

const packageDir = resolve(import.meta.dirname, '../..');
let dir: string;
let cli: string;
let ledger: TestLedger;
let source: Source;

// The self-contained build, copied away from the repository so nothing can resolve from node_modules.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'docket-verify-cli-'));
  cli = join(dir, 'bin', 'docket-verify.mjs');
  execFileSync(process.execPath, [join(packageDir, 'build.mjs'), cli]);
  ledger = new TestLedger({ events: 25, checkpointEvery: 10 });
  writeFileSync(join(dir, 'good.zip'), await ledger.bundle());
  const files = await BundleFiles.open(await ledger.bundle());
  const lines = files.lines('events.jsonl');
  lines[11] = lines[11]!.replace(/"outcome":"\w+"/, '"outcome":"denied"');
  writeFileSync(join(dir, 'edited.zip'), await files.setLines('events.jsonl', lines).zip());
  writeFileSync(join(dir, 'keys.json'), JSON.stringify({ format: 'docket.audit.keys.v1', keys: [ledger.key.entry] }));
  writeFileSync(join(dir, 'saved.json'), JSON.stringify(ledger.checkpoints[1]));
  // A platform's witnessed checkpoints, one per line, and the operator's history rewritten at seq 15
  // and re-signed with the same key.
  writeFileSync(join(dir, 'witnessed.jsonl'), ledger.checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(''));
  const rewritten = new TestLedger({
    events: 25,
    checkpointEvery: 10,
    key: ledger.key,
    record: (seq) => (seq === 15 ? { ...syntheticRecord(seq), outcome: 'denied' } : syntheticRecord(seq)),
  });
  writeFileSync(join(dir, 'rewritten.zip'), await rewritten.bundle());
  // A published report and the period bundle it was computed from: big enough that the events
  // reach the report's fold thread in several batches, whose order the fold depends on.
  const reporting = new TestLedger({
    events: 6000,
    checkpointEvery: 100,
    record: (seq) => reportRecord(seq, { start: Date.UTC(2026, 11, 2), stepMs: 1000 }),
  });
  const period = { from: '2026-12-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z', label: '2026-12' };
  const checkpoint = reporting.checkpoints.at(-1)!;
  const fold = reportFold({ period, checkpoint });
  for (const { record } of reporting.sealed) fold.add(record);
  const report = finishReport(fold.result(), { period, checkpoint, threshold: 3 });
  writeFileSync(join(dir, 'period.zip'), await reporting.bundle());
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
  const changed = report.figures.map((f) =>
    f.id === 'access.notices_never' ? { ...f, value: 40, status: 'exact' } : f,
  );
  writeFileSync(join(dir, 'changed-report.json'), JSON.stringify({ ...report, figures: changed }));
  mkdirSync(join(dir, 'elsewhere'));
  source = await craftSource(ledger);
  for (const [index, crafted] of CRAFTED_BUNDLES.entries()) {
    writeFileSync(join(dir, `crafted-${index}.zip`), crafted.make(source));
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { status, stdout, stderr };
}

describe('docket-verify --report', () => {
  it('recomputes a published report from the period bundle and exits 0', () => {
    const { status, stdout } = run(['--report', 'report.json', 'period.zip']);
    expect(stdout).toMatch(/^OK: report 2026-12 .*all \d+ figures recomputed/);
    expect(status).toBe(0);
  });

  it('names the figure that differs and exits 1', () => {
    const { status, stdout } = run(['--report', 'changed-report.json', 'period.zip']);
    expect(stdout).toMatch(/FAILED \(report\): 1 figure differ/);
    expect(stdout).toMatch(/access\.notices_never: published 40, recomputed/);
    expect(status).toBe(1);
  });
});

describe('docket-verify', () => {
  it('says OK with the counts and exits 0 for a genuine bundle', () => {
    const { status, stdout } = run(['good.zip']);
    expect(status).toBe(0);
    expect(stdout).toContain(`OK  25 events (0 elided) seq 1–25, 3 checkpoints, key ${ledger.key.entry.keyId}`);
    expect(stdout).toContain("trusted the bundle's own keys");
  });

  it('names where a consistently re-signed history departs from the witnessed checkpoints', () => {
    expect(run(['rewritten.zip']).status).toBe(0);
    const { status, stdout } = run(['--checkpoint', 'witnessed.jsonl', 'rewritten.zip']);
    expect(status).toBe(1);
    expect(stdout.trim()).toBe(
      'FAILED at seq 20 (events.jsonl): the chain differs from the checkpoint witnessed at seq 20, so history was rewritten between seq 11 and seq 20 (the checkpoint witnessed at seq 10 still agrees); this bundle does not extend what was witnessed',
    );
  });

  it('names the first failure and exits 1', () => {
    const { status, stdout } = run(['edited.zip']);
    expect(status).toBe(1);
    expect(stdout.trim()).toBe('FAILED at seq 12 (events.jsonl): event does not match its leaf hash (edited?)');
  });

  it('pins trust to a key id or a published keys file, and checks a saved checkpoint', () => {
    expect(run(['good.zip', '--key-id', ledger.key.entry.keyId]).stdout).toContain('signed only by trusted keys');
    expect(run(['good.zip', '--keys', 'keys.json']).status).toBe(0);
    expect(run(['good.zip', '--key-id', `ed25519:${'0'.repeat(32)}`])).toMatchObject({ status: 1 });
    expect(run(['good.zip', '--checkpoint', 'saved.json']).stdout).toContain('extends the saved checkpoint at seq 20');
  });

  it('prints the result as JSON on request', () => {
    const { status, stdout } = run(['edited.zip', '--json']);
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, seq: 12, file: 'events.jsonl' });
    expect(JSON.parse(run(['good.zip', '--json']).stdout)).toMatchObject({ ok: true, events: 25 });
  });

  it('exits 2 on usage errors and unreadable input', () => {
    expect(run([])).toMatchObject({ status: 2, stderr: expect.stringContaining('which bundle?') });
    expect(run(['good.zip', '--frobnicate'])).toMatchObject({ status: 2 });
    expect(run(['missing.zip'])).toMatchObject({ status: 2, stderr: expect.stringContaining('ENOENT') });
    expect(run(['good.zip', '--key-id', 'abc'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('not a key id'),
    });
    expect(run(['good.zip', '--keys', 'good.zip'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--keys'),
    });
    expect(run(['elsewhere'])).toMatchObject({ status: 2, stderr: expect.stringContaining('is not a file') });
  });

  for (const [index, crafted] of CRAFTED_BUNDLES.entries()) {
    it(`with pinned keys, refuses ${crafted.name}, naming what is wrong, and exits 1`, () => {
      const { status, stdout } = run([`crafted-${index}.zip`, '--key-id', ledger.key.entry.keyId, '--json']);
      expect(status).toBe(1);
      expect(JSON.parse(stdout)).toMatchObject(expectedFailure(crafted, source));
    });
  }

  it('says in one line which part of the zip is not where it belongs', () => {
    expect(run(['crafted-1.zip']).stdout.trim()).toBe(
      'FAILED (bundle): not one unambiguous zip: 7 bytes lie before the entry "checkpoints.jsonl" (a hidden entry?)',
    );
  });

  it('resolves paths from where the user ran pnpm (INIT_CWD)', () => {
    expect(run(['../good.zip'], { INIT_CWD: join(dir, 'elsewhere') })).toMatchObject({ status: 0 });
  });
});
