/**
 * Key-encryption keys (KEKs), versioned. Data keys are wrapped by the current version and
 * unwrapped by whichever version wrapped them, until that version is retired. `Keyring` is the
 * provider interface: the local file below is the embedded default; a KMS-backed provider
 * would implement the same three members.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DecryptionError, openPacked, sealPacked } from './aead';

export interface Keyring {
  readonly currentVersion: number;
  wrap(plaintext: Buffer, aad: string): { version: number; sealed: Buffer };
  unwrap(version: number, sealed: Buffer, aad: string): Buffer;
}

export class MissingKeyError extends DecryptionError {
  constructor(readonly version: number) {
    super(`key-encryption key version ${version} is not in the keyring (retired or never configured)`);
    this.name = 'MissingKeyError';
  }
}

const KeyringFile = z.object({
  current: z.number().int().positive(),
  keys: z.record(z.string().regex(/^\d+$/), z.object({ key: z.base64(), createdAt: z.string() })),
});
type KeyringFile = z.infer<typeof KeyringFile>;

export class StaticKeyring implements Keyring {
  constructor(
    readonly currentVersion: number,
    private readonly keys: ReadonlyMap<number, Buffer>,
  ) {
    if (!keys.has(currentVersion)) throw new Error(`keyring has no key for its current version ${currentVersion}`);
    for (const [version, key] of keys) {
      if (key.length !== 32) throw new Error(`key-encryption key version ${version} is not 256 bits`);
    }
  }

  static generate(): StaticKeyring {
    return new StaticKeyring(1, new Map([[1, randomBytes(32)]]));
  }

  wrap(plaintext: Buffer, aad: string) {
    return {
      version: this.currentVersion,
      sealed: sealPacked(this.key(this.currentVersion), plaintext, `${aad}|kek:${this.currentVersion}`),
    };
  }

  unwrap(version: number, sealed: Buffer, aad: string): Buffer {
    return openPacked(this.key(version), sealed, `${aad}|kek:${version}`);
  }

  versions(): number[] {
    return [...this.keys.keys()].sort((a, b) => a - b);
  }

  private key(version: number): Buffer {
    const key = this.keys.get(version);
    if (!key) throw new MissingKeyError(version);
    return key;
  }
}

/** A keyring kept in a JSON file (owner-only permissions); re-read when the file changes. */
export class FileKeyring implements Keyring {
  private loaded: { mtimeMs: number; keyring: StaticKeyring };

  constructor(readonly file: string) {
    this.loaded = FileKeyring.read(file);
  }

  get currentVersion() {
    return this.fresh().currentVersion;
  }

  wrap(plaintext: Buffer, aad: string) {
    return this.fresh().wrap(plaintext, aad);
  }

  unwrap(version: number, sealed: Buffer, aad: string) {
    return this.fresh().unwrap(version, sealed, aad);
  }

  versions() {
    return this.fresh().versions();
  }

  // Another process (`pnpm keys:rotate`) may add a version; pick it up without a restart.
  private fresh(): StaticKeyring {
    const mtimeMs = statSync(this.file).mtimeMs;
    if (mtimeMs !== this.loaded.mtimeMs) this.loaded = FileKeyring.read(this.file);
    return this.loaded.keyring;
  }

  private static read(file: string) {
    const mtimeMs = statSync(file).mtimeMs;
    const parsed = KeyringFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    const keys = new Map(
      Object.entries(parsed.keys).map(([version, entry]) => [Number(version), Buffer.from(entry.key, 'base64')]),
    );
    return { mtimeMs, keyring: new StaticKeyring(parsed.current, keys) };
  }

  /** Creates a keyring file with one fresh key, readable by its owner only. */
  static create(file: string): FileKeyring {
    writeKeyringFile(file, {
      current: 1,
      keys: { '1': { key: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() } },
    });
    return new FileKeyring(file);
  }

  /** Adds a new version and makes it current; old versions stay to unwrap until retired. */
  addVersion(): number {
    const contents = KeyringFile.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    const next = Math.max(...Object.keys(contents.keys).map(Number)) + 1;
    contents.keys[String(next)] = { key: randomBytes(32).toString('base64'), createdAt: new Date().toISOString() };
    contents.current = next;
    writeKeyringFile(this.file, contents);
    this.loaded = FileKeyring.read(this.file);
    return next;
  }

  retireVersion(version: number): void {
    const contents = KeyringFile.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    if (version === contents.current) throw new Error('the current key version cannot be retired');
    delete contents.keys[String(version)];
    writeKeyringFile(this.file, contents);
    this.loaded = FileKeyring.read(this.file);
  }
}

function writeKeyringFile(file: string, contents: KeyringFile) {
  writeSecretJson(file, contents);
}

/** Writes a key file readable by its owner only, atomically: readers never see half a file. */
export function writeSecretJson(file: string, contents: unknown) {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

export interface KeyringSettings {
  /** `DOCKET_KEYRING_FILE`, when configured. */
  file: string | undefined;
  /** Where a generated keyring goes when none is configured. */
  defaultFile: string;
  /** Whether generating a local keyring is acceptable (embedded database or demo mode). */
  mayGenerate: boolean;
}

/** The configured keyring; generates a local one only where that is safe, and says so. */
export function openKeyring(settings: KeyringSettings, log: (message: string) => void): FileKeyring {
  return openKeyFile(
    settings,
    {
      variable: 'DOCKET_KEYRING_FILE',
      missing:
        'no key-encryption key configured: set DOCKET_KEYRING_FILE to a keyring file (see README, "Encryption at rest")',
      kind: 'keyring',
      generated: 'back it up — without it nothing stored can be read',
    },
    { open: (file) => new FileKeyring(file), create: (file) => FileKeyring.create(file) },
    log,
  );
}

/**
 * Opens a configured key file, or — only for the embedded database or demo mode — generates a
 * local one and says so. Anywhere else a missing key is a reason not to start.
 */
export function openKeyFile<T>(
  settings: KeyringSettings,
  words: { variable: string; missing: string; kind: string; generated: string },
  file: { open(file: string): T; create(file: string): T },
  log: (message: string) => void,
): T {
  const location = settings.file ?? settings.defaultFile;
  if (existsSync(location)) return file.open(location);
  if (settings.file) throw new Error(`${words.variable} points at ${location}, which does not exist`);
  if (!settings.mayGenerate) {
    throw new Error(
      `${words.missing}. Docket generates a local ${words.kind} only for the embedded database or in demo mode.`,
    );
  }
  const created = file.create(location);
  log(`generated a new local ${words.kind} at ${location} (owner-only permissions); ${words.generated}`);
  return created;
}
