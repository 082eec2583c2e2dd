#!/usr/bin/env node
/**
 * docket-verify: checks an audit bundle offline — no database, no network, only node:crypto.
 * Exit 0: verified; 1: verification failed; 2: usage error or unreadable input.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { MAX_DOCUMENT_BYTES } from '../bundle/format';
import { parseKeysDocument, parseSignedCheckpoint } from '../bundle/parse';
import type { SignedCheckpoint } from '../checkpoint';
import { nodeCryptoProvider } from '../node/crypto';
import { type FileBytes, openFileBytes } from '../node/file';
import { foldOnWorker } from '../node/report-worker';
import { describeDifferences, verifyReport } from '../report/verify-report';
import { verifyDisclosure } from '../verify/disclosure';
import { describeFailure, VerificationFailure } from '../verify/failure';
import { parseDocument, type VerifyProgress, verifyBundle } from '../verify/verify';
import { describeSuccess } from './format';

const USAGE = `usage: docket-verify <bundle.zip> [--key-id ed25519:…]… [--keys keys.json] [--checkpoint saved.json]… [--json]
       docket-verify --disclosure <package.zip> <bundle.zip> [--key-id …]… [--keys keys.json] [--json]
       docket-verify --report <report.json> <bundle.zip> [--key-id …]… [--keys keys.json] [--json]

  --disclosure FILE  check a disclosure package against the audit bundle that logged it: the
                     bundle verifies, it recorded this manifest's SHA-256, the manifest's
                     signature verifies and every item hashes as listed
  --report FILE      recompute every figure of a published transparency report from the events of
                     a period bundle; each figure that differs is named
  --key-id ID        trust only this signing key (repeatable)
  --keys FILE        trust only the keys of this published keys file
  --checkpoint FILE  the bundle must agree with these witnessed checkpoints: one checkpoint, a JSON
                     array of them, or one per line (repeatable); a rewrite or rollback is named
  --json             print the result as JSON

exit status: 0 verified, 1 verification failed, 2 usage error or unreadable input`;

class UsageError extends Error {}

// pnpm runs scripts from the package's folder; paths are the user's, from where they ran it.
const base = process.env.INIT_CWD ?? process.cwd();

async function readSmallFile(path: string, option: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`${option}: ${path} is not a file`);
    if (info.size > MAX_DOCUMENT_BYTES) throw new UsageError(`${option}: ${path} is larger than 1 MiB`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${option}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}

/** A published report: JSON, at most 64 MiB (a report has one row per figure and breakdown). */
async function readReportFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`--report: ${path} is not a file`);
    if (info.size > 64 * 1024 * 1024) throw new UsageError(`--report: ${path} is larger than 64 MiB`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--report: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}

function parseInput<T>(bytes: Uint8Array, option: string, parse: (value: unknown) => T): T {
  try {
    return parseDocument(bytes, option, parse);
  } catch (error) {
    if (error instanceof VerificationFailure) throw new UsageError(`${option}: ${error.reason}`);
    throw error;
  }
}

/** One checkpoint, a JSON array of them, or JSON Lines (as a platform appends each it receives). */
function parseWitnessed(bytes: Uint8Array): SignedCheckpoint[] {
  const text = new TextDecoder().decode(bytes);
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const documents = lines.length > 1 && lines.every((line) => line.trim().startsWith('{')) ? lines : [text];
  return documents.flatMap((document) =>
    parseInput(new TextEncoder().encode(document), '--checkpoint', (value) =>
      Array.isArray(value) ? value.map(parseSignedCheckpoint) : [parseSignedCheckpoint(value)],
    ),
  );
}

function progressPrinter(enabled: boolean) {
  let last = '';
  return {
    update({ file, bytes, totalBytes }: VerifyProgress) {
      if (!enabled) return;
      const percent = totalBytes > 0 ? Math.floor((bytes / totalBytes) * 100) : 100;
      const text = `verifying ${file} ${percent}%`;
      if (text !== last) process.stderr.write(`\r${text}\x1b[K`);
      last = text;
    },
    clear() {
      if (enabled && last) process.stderr.write('\r\x1b[K');
    },
  };
}

/** Files opened for verifying, closed when the run ends. */
const opened: FileBytes[] = [];

async function openFile(file: string): Promise<FileBytes> {
  const path = resolve(base, file);
  try {
    if (!(await stat(path)).isFile()) throw new UsageError(`${path} is not a file`);
    const bytes = await openFileBytes(path);
    opened.push(bytes);
    return bytes;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'key-id': { type: 'string', multiple: true },
      keys: { type: 'string' },
      checkpoint: { type: 'string', multiple: true },
      disclosure: { type: 'string' },
      report: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'one bundle at a time' : 'which bundle?');
  const keyIds = values['key-id'] ?? [];
  for (const keyId of keyIds) {
    if (!/^ed25519:[0-9a-f]{32}$/.test(keyId))
      throw new UsageError(`--key-id: ${keyId} is not a key id (ed25519:<32 hex digits>)`);
  }
  const keys = values.keys
    ? parseInput(await readSmallFile(resolve(base, values.keys), '--keys'), '--keys', parseKeysDocument)
    : undefined;
  const savedCheckpoints: SignedCheckpoint[] = [];
  for (const file of values.checkpoint ?? []) {
    savedCheckpoints.push(...parseWitnessed(await readSmallFile(resolve(base, file), '--checkpoint')));
  }

  const blob = await openFile(positionals[0]!);
  if (values.disclosure) {
    const result = await verifyDisclosure(await openFile(values.disclosure), blob, {
      crypto: nodeCryptoProvider(),
      trust: { keyIds, ...(keys ? { keys } : {}) },
    });
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else if (result.ok) {
      console.log(
        `OK: disclosure for legal request ${result.legalRequestId}, produced ${result.producedAt}: ${result.items} items, ` +
          `manifest ${result.manifestSha256} logged at seq ${result.loggedAt}, signed by ${result.keyId}`,
      );
    } else console.log(describeFailure(result));
    return result.ok ? 0 : 1;
  }

  const progress = progressPrinter(!values.json && process.stderr.isTTY === true);
  if (values.report) {
    const reportBytes = await readReportFile(resolve(base, values.report));
    const checked = await verifyReport(reportBytes, blob, {
      crypto: nodeCryptoProvider(),
      trust: { keyIds, ...(keys ? { keys } : {}) },
      savedCheckpoints,
      onProgress: progress.update,
      fold: foldOnWorker,
    });
    progress.clear();
    if (values.json) console.log(JSON.stringify(checked, null, 2));
    else if (checked.ok) {
      console.log(
        `OK: report ${checked.period.label} (${checked.period.from} – ${checked.period.to}): all ${checked.figures} figures recomputed from ${checked.eventsCounted.toLocaleString('en-US')} events`,
      );
      console.log(describeSuccess(checked.bundle).join('\n'));
    } else {
      console.log(describeFailure(checked));
      if (checked.differences) console.log(describeDifferences(checked.differences).join('\n'));
    }
    return checked.ok ? 0 : 1;
  }
  const result = await verifyBundle(blob, {
    crypto: nodeCryptoProvider(),
    trust: { keyIds, ...(keys ? { keys } : {}) },
    savedCheckpoints,
    onProgress: progress.update,
  });
  progress.clear();
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else console.log(result.ok ? describeSuccess(result).join('\n') : describeFailure(result));
  return result.ok ? 0 : 1;
}

// In the one-file build, the report fold's worker thread starts this same file (node/report-worker.ts).
if (isMainThread) {
  main(process.argv.slice(2))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        const usage =
          error instanceof UsageError || (error as NodeJS.ErrnoException)?.code?.startsWith('ERR_PARSE_ARGS');
        console.error(usage ? `docket-verify: ${(error as Error).message}\n\n${USAGE}` : error);
        process.exitCode = 2;
      },
    )
    .finally(() => Promise.allSettled(opened.map((file) => file.close())));
}
