/**
 * The Ed25519 keys that sign audit checkpoints, kept in a JSON file (owner-only) like the
 * keyring: one current key with its private half, and every earlier key's public half only, so
 * each process keeps registering them and old checkpoints stay verifiable after a rotation.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, type KeyObject, sign } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { keyIdFromDigest } from '@docket/audit-chain';
import type { Database } from '@docket/db';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type KeyringSettings, openKeyFile, writeSecretJson } from '../encryption/keyring';

const FILE_FORMAT = 'docket.audit.signing-keys.v1';

/** A key as verifiers see it (`keys.json`, `GET /api/audit/keys`). */
export interface PublishedKey {
  keyId: string;
  algorithm: 'Ed25519';
  /** The raw 32-byte public key. */
  publicKey: Buffer;
  createdAt: string;
  retiredAt: string | null;
}

/** What the sealer signs with: the current key. */
export interface AuditSigner {
  readonly key: PublishedKey;
  sign(message: Uint8Array): Buffer;
}

const KeyEntry = z.object({
  keyId: z.string(),
  publicKey: z.base64(),
  /** PKCS#8 DER, base64; only the current key keeps it. */
  privateKey: z.base64().optional(),
  createdAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().optional(),
});
const KeyFile = z.object({ format: z.literal(FILE_FORMAT), current: z.string(), keys: z.array(KeyEntry).min(1) });
type KeyFile = z.infer<typeof KeyFile>;

export function keyIdOf(rawPublicKey: Uint8Array): string {
  return keyIdFromDigest(hash('sha256', rawPublicKey, 'buffer'));
}

/** A public key object for `crypto.verify`, from the raw 32 bytes. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');
}

function newEntry(): KeyFile['keys'][number] {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return {
    keyId: keyIdOf(raw),
    publicKey: raw.toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    createdAt: new Date().toISOString(),
  };
}

function published(entry: KeyFile['keys'][number]): PublishedKey {
  return {
    keyId: entry.keyId,
    algorithm: 'Ed25519',
    publicKey: Buffer.from(entry.publicKey, 'base64'),
    createdAt: entry.createdAt,
    retiredAt: entry.retiredAt ?? null,
  };
}

interface LoadedKeys {
  mtimeMs: number;
  signer: AuditSigner;
  keys: PublishedKey[];
}

function load(file: string): LoadedKeys {
  const mtimeMs = statSync(file).mtimeMs;
  const contents = KeyFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  for (const entry of contents.keys) {
    if (keyIdOf(Buffer.from(entry.publicKey, 'base64')) !== entry.keyId) {
      throw new Error(`${file}: key ${entry.keyId} does not match its public key`);
    }
  }
  const current = contents.keys.find((entry) => entry.keyId === contents.current);
  if (!current?.privateKey) throw new Error(`${file}: the current signing key ${contents.current} has no private key`);
  const privateKey = createPrivateKey({ key: Buffer.from(current.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  if (keyIdOf(rawPublicKey(createPublicKey(privateKey))) !== current.keyId) {
    throw new Error(`${file}: the private key of ${current.keyId} belongs to another public key`);
  }
  const key = published(current);
  return {
    mtimeMs,
    signer: { key, sign: (message) => sign(null, message, privateKey) },
    keys: contents.keys.map(published),
  };
}

/** A signing key file; re-read when it changes, so a rotation reaches running processes. */
export class SigningKeyFile {
  private loaded: LoadedKeys;

  constructor(readonly file: string) {
    this.loaded = load(file);
  }

  /** The key that signs from now on. */
  current(): AuditSigner {
    return this.fresh().signer;
  }

  /** Every key in the file, current and retired: all of them must stay registered. */
  keys(): PublishedKey[] {
    return this.fresh().keys;
  }

  private fresh(): LoadedKeys {
    if (statSync(this.file).mtimeMs !== this.loaded.mtimeMs) this.loaded = load(this.file);
    return this.loaded;
  }

  static create(file: string): SigningKeyFile {
    const entry = newEntry();
    writeSecretJson(file, { format: FILE_FORMAT, current: entry.keyId, keys: [entry] } satisfies KeyFile);
    return new SigningKeyFile(file);
  }

  /**
   * Adds a new current key. The previous ones are retired and keep only their public half: a
   * private key that no longer signs is only a liability.
   */
  rotate(): { current: PublishedKey; retired: PublishedKey[] } {
    const contents = KeyFile.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    const now = new Date().toISOString();
    const retiring = contents.keys.filter((entry) => !entry.retiredAt);
    const kept = contents.keys.map(({ privateKey: _dropped, ...entry }) => ({
      ...entry,
      retiredAt: entry.retiredAt ?? now,
    }));
    const entry = newEntry();
    writeSecretJson(this.file, { format: FILE_FORMAT, current: entry.keyId, keys: [...kept, entry] } satisfies KeyFile);
    this.loaded = load(this.file);
    return {
      current: published(entry),
      retired: retiring.map((key) => ({ ...published(key), retiredAt: now })),
    };
  }
}

/** The configured signing keys; generates a local file only where that is safe, and says so. */
export function openSigningKeys(settings: KeyringSettings, log: (message: string) => void): SigningKeyFile {
  return openKeyFile(
    settings,
    {
      variable: 'DOCKET_AUDIT_SIGNING_KEY_FILE',
      missing:
        'no audit signing key configured: set DOCKET_AUDIT_SIGNING_KEY_FILE to a signing key file (see README, "Audit log")',
      kind: 'audit signing key',
      generated: 'checkpoints signed with it verify only against its published public key',
    },
    { open: (path) => new SigningKeyFile(path), create: (path) => SigningKeyFile.create(path) },
    log,
  );
}

/**
 * Registers public keys in `audit_signing_key` (idempotent): a checkpoint may only name a
 * registered key, and a key the file has retired is marked retired, once.
 */
export async function registerSigningKeys(db: Kysely<Database>, keys: readonly PublishedKey[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insertInto('audit_signing_key')
    .values(
      keys.map((key) => ({
        key_id: key.keyId,
        algorithm: key.algorithm,
        public_key: key.publicKey,
        created_at: key.createdAt,
        retired_at: key.retiredAt,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('key_id')
        .doUpdateSet((eb) => ({ retired_at: eb.ref('excluded.retired_at') }))
        .where('audit_signing_key.retired_at', 'is', null)
        .where('excluded.retired_at', 'is not', null),
    )
    .execute();
}

/** Every registered key, oldest first: what an outside verifier pins. */
export async function publishedKeys(db: Kysely<Database>): Promise<PublishedKey[]> {
  const rows = await db
    .selectFrom('audit_signing_key')
    .select(['key_id', 'algorithm', 'public_key', 'created_at', 'retired_at'])
    .orderBy('created_at')
    .orderBy('key_id')
    .execute();
  return rows.map((row) => ({
    keyId: row.key_id,
    algorithm: row.algorithm,
    publicKey: Buffer.from(row.public_key),
    createdAt: new Date(row.created_at).toISOString(),
    retiredAt: row.retired_at ? new Date(row.retired_at).toISOString() : null,
  }));
}
