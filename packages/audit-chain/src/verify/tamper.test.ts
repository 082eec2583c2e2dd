/**
 * Property: any single change to a genuine bundle is detected, and where the change has a place in the
 * chain, that first bad seq is the one the verifier names.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINTS_FILE, EVENTS_FILE, KEYS_FILE, MANIFEST_FILE } from '../bundle/format';
import { nodeCryptoProvider } from '../node/crypto';
import { TestLedger, testKey } from '../testing/fixture';
import { BundleFiles } from '../testing/tamper';
import { blob } from '../testing/zip';
import { type VerifyOptions, type VerifyResult, verifyBundle } from './verify';

const RUNS = 60;

// biome-ignore lint/suspicious/noExplicitAny: the edits reach into parsed JSON of known shape.
type Parsed = Record<string, any>;

interface Subject {
  name: string;
  files: BundleFiles;
  /** The seq of events.jsonl's first line minus one. */
  anchor: number;
  lines: string[];
}

let subjects: Subject[];
let ledger: TestLedger;

beforeAll(async () => {
  ledger = new TestLedger({ events: 45, checkpointEvery: 7 });
  // Elided runs and single elided events; a genesis export and one anchored at a checkpoint.
  const inScope = (record: { seq: number }) => !(record.seq >= 10 && record.seq <= 14) && record.seq % 6 !== 0;
  const make = async (name: string, anchor: number, lastSeq: number) => {
    const files = await BundleFiles.open(await ledger.bundle({ anchor, lastSeq, inScope }));
    return { name, files, anchor, lines: files.lines(EVENTS_FILE) };
  };
  subjects = [await make('genesis', 0, 45), await make('anchored', 14, 42)];
});

async function check(subject: Subject, change: (files: BundleFiles) => void, options: Partial<VerifyOptions> = {}) {
  const files = subject.files.clone();
  change(files);
  return verifyBundle(blob(await files.zip()), { crypto: nodeCryptoProvider(), ...options });
}

const subject = fc.constantFrom(0, 1).map((index) => () => subjects[index]!);
const seqOf = (line: string): number => JSON.parse(line).seq;
const flipHex = (hex: string, at: number) => hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);

function expectFailure(result: VerifyResult, file: string, seq?: number) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.file).toBe(file);
  if (seq !== undefined) expect(result.seq).toBe(seq);
}

const FIELDS: [string, (event: Parsed, value: string) => void][] = [
  ['outcome', (event) => (event.outcome = event.outcome === 'success' ? 'denied' : 'success')],
  ['action', (event, value) => (event.action = `${event.action}.${value}`)],
  ['actor label', (event, value) => (event.actor.label = `${event.actor.label}${value}`)],
  ['actor roles', (event) => event.actor.roles.push('admin')],
  ['details', (event, value) => (event.details[`k${value}`] = value)],
  ['occurredAt', (event) => (event.occurredAt = event.occurredAt.replace(/^2026/, '2025'))],
  ['ip', (event) => (event.ip = event.ip === null ? '198.51.100.1' : null)],
  ['target', (event) => (event.target = null)],
  ['id', (event) => (event.id = `${event.id}0`)],
];

describe('a single change to a bundle', () => {
  it('an edited field of an event: detected at that seq', async () => {
    await fc.assert(
      fc.asyncProperty(
        subject,
        fc.nat(),
        fc.constantFrom(...FIELDS),
        fc.string({ minLength: 1 }),
        async (pick, n, [, edit], value) => {
          const s = pick();
          const full = s.lines.map((line, index) => ({ line, index })).filter(({ line }) => line.includes('"event":'));
          const { line, index } = full[n % full.length]!;
          const parsed = JSON.parse(line);
          const before = JSON.stringify(parsed.event);
          edit(parsed.event, value);
          // Some edits change nothing on some events (a null target set to null): not a change.
          fc.pre(JSON.stringify(parsed.event) !== before);
          const result = await check(s, (files) => {
            const lines = [...s.lines];
            lines[index] = JSON.stringify(parsed);
            files.setLines(EVENTS_FILE, lines);
          });
          expectFailure(result, EVENTS_FILE, seqOf(line));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a dropped line: the missing seq', async () => {
    await fc.assert(
      fc.asyncProperty(subject, fc.nat(), async (pick, n) => {
        const s = pick();
        const index = n % s.lines.length;
        const result = await check(s, (files) =>
          files.setLines(
            EVENTS_FILE,
            s.lines.filter((_, i) => i !== index),
          ),
        );
        expectFailure(result, EVENTS_FILE, s.anchor + index + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('two lines swapped: the first of them', async () => {
    await fc.assert(
      fc.asyncProperty(subject, fc.nat(), fc.integer({ min: 1, max: 30 }), async (pick, n, gap) => {
        const s = pick();
        const i = n % (s.lines.length - 1);
        const j = Math.min(i + gap, s.lines.length - 1);
        const result = await check(s, (files) => {
          const lines = [...s.lines];
          [lines[i], lines[j]] = [lines[j]!, lines[i]!];
          files.setLines(EVENTS_FILE, lines);
        });
        expectFailure(result, EVENTS_FILE, s.anchor + i + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('a forged line inserted: where it stands', async () => {
    const forged = fc.oneof(
      // A line claiming the seq expected there, with made-up hashes, elided or carrying a copied event.
      fc.record({
        leaf: fc.stringMatching(/^[0-9a-f]{64}$/),
        chain: fc.stringMatching(/^[0-9a-f]{64}$/),
        copy: fc.boolean(),
      }),
      // A copy of a neighbour, edited or not.
      fc.record({ neighbour: fc.constantFrom(-1, 0), edit: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(subject, fc.nat(), forged, async (pick, n, how) => {
        const s = pick();
        const at = n % (s.lines.length + 1);
        const seq = s.anchor + at + 1;
        let line: string;
        if ('leaf' in how) {
          const event = how.copy ? JSON.parse(s.lines[Math.min(at, s.lines.length - 1)]!).event : undefined;
          line = JSON.stringify({
            seq,
            leaf: how.leaf,
            chain: how.chain,
            ...(event ? { event: { ...event, seq } } : {}),
          });
        } else {
          const source = s.lines[Math.max(0, Math.min(at + how.neighbour, s.lines.length - 1))]!;
          line = how.edit ? source.replace(/"leaf":"(.)/, (_, c) => `"leaf":"${c === 'f' ? 'e' : 'f'}`) : source;
        }
        const result = await check(s, (files) =>
          files.setLines(EVENTS_FILE, [...s.lines.slice(0, at), line, ...s.lines.slice(at)]),
        );
        // An unedited copy of the line that follows is only out of place one line later.
        const exactCopyOfNext = line === s.lines[at];
        expectFailure(result, EVENTS_FILE, exactCopyOfNext ? seq + 1 : seq);
      }),
      { numRuns: RUNS },
    );
  });

  it('the tail truncated anywhere: the first seq not wholly there', async () => {
    await fc.assert(
      fc.asyncProperty(subject, fc.nat(), async (pick, n) => {
        const s = pick();
        const text = s.files.text(EVENTS_FILE);
        const bytes = new TextEncoder().encode(text);
        const keep = n % bytes.length;
        const kept = new TextDecoder().decode(bytes.subarray(0, keep));
        const whole = kept.split('\n').length - 1;
        const result = await check(s, (files) => files.entries.set(EVENTS_FILE, bytes.slice(0, keep)));
        expectFailure(result, EVENTS_FILE, s.anchor + whole + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('a leaf or chain value edited: that seq', async () => {
    await fc.assert(
      fc.asyncProperty(
        subject,
        fc.nat(),
        fc.constantFrom('leaf', 'chain'),
        fc.integer({ min: 0, max: 63 }),
        async (pick, n, field, at) => {
          const s = pick();
          const index = n % s.lines.length;
          const result = await check(s, (files) => {
            const lines = [...s.lines];
            const parsed = JSON.parse(lines[index]!);
            parsed[field] = flipHex(parsed[field], at);
            lines[index] = JSON.stringify(parsed);
            files.setLines(EVENTS_FILE, lines);
          });
          expectFailure(result, EVENTS_FILE, s.anchor + index + 1);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a checkpoint field or signature altered: that checkpoint', async () => {
    const change = fc.oneof(
      fc.record({ field: fc.constant('head' as const), at: fc.integer({ min: 0, max: 63 }) }),
      fc.record({ field: fc.constant('issuedAt' as const), seconds: fc.integer({ min: 1, max: 86_400 }) }),
      fc.record({
        field: fc.constant('signature' as const),
        at: fc.integer({ min: 0, max: 85 }),
        char: fc.constantFrom('A', 'b', '9', '+'),
      }),
      fc.record({ field: fc.constant('keyId' as const), at: fc.integer({ min: 8, max: 39 }) }),
      fc.record({ field: fc.constant('seq' as const), delta: fc.integer({ min: -3, max: 3 }).filter((d) => d !== 0) }),
    );
    await fc.assert(
      fc.asyncProperty(subject, fc.nat(), change, async (pick, n, how) => {
        const s = pick();
        const lines = s.files.lines(CHECKPOINTS_FILE);
        const index = n % lines.length;
        const checkpoint = JSON.parse(lines[index]!);
        const original = { ...checkpoint };
        if (how.field === 'head') checkpoint.head = flipHex(checkpoint.head, how.at);
        if (how.field === 'issuedAt')
          checkpoint.issuedAt = new Date(Date.parse(checkpoint.issuedAt) + how.seconds * 1000).toISOString();
        if (how.field === 'keyId') checkpoint.keyId = flipHex(checkpoint.keyId, how.at);
        if (how.field === 'seq') checkpoint.seq = Math.max(1, checkpoint.seq + how.delta);
        if (how.field === 'signature') {
          const { signature } = checkpoint;
          checkpoint.signature =
            signature.slice(0, how.at) +
            (signature[how.at] === how.char ? '/' : how.char) +
            signature.slice(how.at + 1);
        }
        if (JSON.stringify(checkpoint) === JSON.stringify(original)) return;
        const result = await check(s, (files) => {
          const changed = [...lines];
          changed[index] = JSON.stringify(checkpoint);
          files.setLines(CHECKPOINTS_FILE, changed);
        });
        expectFailure(result, CHECKPOINTS_FILE);
        if (how.field !== 'seq') expect(result).toMatchObject({ seq: original.seq });
      }),
      { numRuns: RUNS },
    );
  });

  it('the manifest altered: the manifest', async () => {
    const edits: ((manifest: Parsed) => void)[] = [
      (m) => (m.exportedAt = '2026-12-25T09:00:00.000Z'),
      (m) => (m.exportedBy.label = 'someone else'),
      (m) => (m.scope = { kind: 'case', caseId: '8' }),
      (m) => (m.range.lastSeq -= 1),
      (m) => (m.counts.checkpoints += 1),
      (m) => (m.counts.events -= 1),
      (m) => (m.files[2].sha256 = flipHex(m.files[2].sha256, 5)),
      (m) => (m.files[1].bytes += 1),
      (m) => m.files.pop(),
      (m) => (m.keyId = flipHex(m.keyId, 12)),
      (m) =>
        (m.signature = `${m.signature.slice(0, 10)}${m.signature[10] === 'A' ? 'B' : 'A'}${m.signature.slice(11)}`),
    ];
    await fc.assert(
      fc.asyncProperty(subject, fc.constantFrom(...edits), async (pick, edit) => {
        const s = pick();
        const result = await check(s, (files) => {
          const manifest = files.manifest as unknown as Parsed;
          edit(manifest);
          files.setJson(MANIFEST_FILE, manifest);
        });
        expect(result.ok).toBe(false);
        expect([MANIFEST_FILE, 'bundle']).toContain(result.ok ? '' : result.file);
      }),
      { numRuns: RUNS },
    );
  });

  it('keys.json replaced by another key: refused unless everything is re-signed, and then refused when pinned', async () => {
    await fc.assert(
      fc.asyncProperty(subject, fc.boolean(), fc.boolean(), fc.nat(), async (pick, resign, keepId, n) => {
        const s = pick();
        const attacker = testKey();
        const change = (files: BundleFiles) => {
          if (resign) {
            // Rewrite history, then sign all of it with the attacker's key.
            const lines = [...s.lines];
            const index = n % lines.length;
            lines[index] = lines[index]!.replace(/"leaf":"(.)/, (_, c) => `"leaf":"${c === 'f' ? 'e' : 'f'}`);
            files.setLines(EVENTS_FILE, lines).rechain().resignAll(attacker);
          } else {
            const entry = keepId ? { ...attacker.entry, keyId: ledger.key.entry.keyId } : attacker.entry;
            files.setJson(KEYS_FILE, { format: 'docket.audit.keys.v1', keys: [entry] });
          }
        };
        const unpinned = await check(s, change);
        if (resign) {
          expect(unpinned).toMatchObject({ ok: true, trust: 'bundle', keyIds: [attacker.entry.keyId] });
          const pinned = await check(s, change, { trust: { keyIds: [ledger.key.entry.keyId] } });
          expectFailure(pinned, MANIFEST_FILE);
        } else {
          expectFailure(unpinned, keepId ? KEYS_FILE : MANIFEST_FILE);
        }
      }),
      { numRuns: 30 },
    );
  });
});
