/** A bundle opened for tampering: edit its files as text, re-sign as an attacker would, zip it again. */
import { createHash, sign } from 'node:crypto';
import {
  type BundleManifest,
  CHECKPOINTS_FILE,
  EVENTS_FILE,
  KEYS_FILE,
  KEYS_FORMAT,
  MANIFEST_FILE,
  manifestMessage,
} from '../bundle/format';
import { toBase64 } from '../bytes';
import { canonicalJson } from '../canonical';
import { checkpointMessage, type SignedCheckpoint } from '../checkpoint';
import type { TestKey } from './fixture';
import { unzip, zip } from './zip';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class BundleFiles {
  private constructor(readonly entries: Map<string, Uint8Array>) {}

  static async open(bytes: Uint8Array): Promise<BundleFiles> {
    return new BundleFiles(await unzip(bytes));
  }

  /** A copy to change, leaving this one as it was. */
  clone(): BundleFiles {
    return new BundleFiles(new Map(this.entries));
  }

  text(name: string): string {
    const bytes = this.entries.get(name);
    if (!bytes) throw new Error(`no ${name}`);
    return decoder.decode(bytes);
  }

  setText(name: string, text: string): this {
    this.entries.set(name, encoder.encode(text));
    return this;
  }

  /** The file's lines, without the final empty string after the last newline. */
  lines(name: string): string[] {
    return this.text(name).split('\n').slice(0, -1);
  }

  setLines(name: string, lines: string[]): this {
    return this.setText(name, lines.map((line) => `${line}\n`).join(''));
  }

  json<T = Record<string, unknown>>(name: string): T {
    return JSON.parse(this.text(name)) as T;
  }

  setJson(name: string, value: unknown): this {
    return this.setText(name, `${JSON.stringify(value, null, 2)}\n`);
  }

  get manifest(): BundleManifest {
    return this.json<BundleManifest>(MANIFEST_FILE);
  }

  /** Recomputes the manifest's file entries and signs it with `key`, as someone holding a key would. */
  resignManifest(key: TestKey): this {
    const { signature: _, ...manifest } = this.manifest;
    manifest.keyId = key.entry.keyId;
    manifest.files = manifest.files.map(({ name }) => {
      const bytes = this.entries.get(name)!;
      return { name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
    return this.setJson(MANIFEST_FILE, {
      ...manifest,
      signature: toBase64(sign(null, manifestMessage(manifest), key.privateKey)),
    });
  }

  /** Recomputes every leaf and chain of events.jsonl from its events, as someone rewriting history would. */
  rechain(): this {
    const lines = this.lines(EVENTS_FILE).map((line) => JSON.parse(line));
    let previous = Buffer.from(this.manifest.range.anchor === 0 ? '00'.repeat(32) : this.anchorHead(), 'hex');
    for (const line of lines) {
      const leaf = line.event
        ? createHash('sha256')
            .update(Buffer.from([0]))
            .update(canonicalJson(line.event))
            .digest()
        : Buffer.from(line.leaf, 'hex');
      const chain = createHash('sha256')
        .update(Buffer.from([1]))
        .update(previous)
        .update(leaf)
        .digest();
      Object.assign(line, { leaf: leaf.toString('hex'), chain: chain.toString('hex') });
      previous = chain;
    }
    return this.setLines(
      EVENTS_FILE,
      lines.map((line) => JSON.stringify(line)),
    );
  }

  private anchorHead(): string {
    return (JSON.parse(this.lines(CHECKPOINTS_FILE)[0]!) as SignedCheckpoint).head;
  }

  /** Replaces the keys with `key` alone and signs every checkpoint (at the chain as it now is) and the manifest. */
  resignAll(key: TestKey): this {
    const chains = new Map(
      this.lines(EVENTS_FILE).map((line) => [JSON.parse(line).seq as number, JSON.parse(line).chain as string]),
    );
    this.setJson(KEYS_FILE, { format: KEYS_FORMAT, keys: [key.entry] });
    this.setLines(
      CHECKPOINTS_FILE,
      this.lines(CHECKPOINTS_FILE).map((line) => {
        const { seq, head, issuedAt } = JSON.parse(line) as SignedCheckpoint;
        const statement = { seq, head: chains.get(seq) ?? head, issuedAt, keyId: key.entry.keyId };
        return JSON.stringify({
          ...statement,
          signature: toBase64(sign(null, checkpointMessage(statement), key.privateKey)),
        });
      }),
    );
    return this.resignManifest(key);
  }

  zip(): Promise<Uint8Array> {
    return zip(this.entries);
  }
}
