import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeCryptoProvider } from '../node/crypto';
import { verifyBundle } from '../verify/verify';
import { workedExample } from './worked-example';
import { blob, zip } from './zip';

const spec = readFileSync(resolve(import.meta.dirname, '../../../../docs/audit-bundle.md'), 'utf8');
const example = workedExample();

describe('the worked example of docs/audit-bundle.md', () => {
  it('has the known answers', () => {
    expect(example.keyId).toBe('ed25519:21fe31dfa154a261626bf854046fd227');
    expect(example.key.publicKey).toBe('11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=');
    expect(example.leafPreimageHex).toBe('007b22616374696f');
    expect(example.steps.map(({ leaf, chain }) => [leaf, chain])).toEqual([
      [
        '035cf3c97b2bafc2853ed1729991b65c3caa971561e3fd2b3ae4429ec25ed6cf',
        'd120538f20c05050b4846af5e0060006cecd8a987c2633376ca0a953b2eab903',
      ],
      [
        'b8b93f84a29e7cd2a260fe2f61c45a799229364412e2fe6ad3c1764b89487897',
        '91b5ad37a0de145430e8ed38bbdb4ba91ea03a1c2fa4bb0419e2ded2b09f63d8',
      ],
    ]);
    expect(example.checkpoint.signature).toBe(
      'XkP/A1DrUo5kEBkyYnNq2LTn5a81U0PByFdSqNDdHJB3MUS7Gqd/bWVwCdMlwvrwe8pSAVeLZPcmTNwGffuHCg==',
    );
    expect(example.manifest.signature).toBe(
      'aBZtnNdRL+WGMeVy25MnNf7vrfTXCtBQJ/lFhsFd+1khobp1Ltti1h24G/B0Ea7W9tvDjvXVY4CBFTP3SDIPDA==',
    );
    expect(example.manifest.files.map(({ bytes, sha256 }) => [bytes, sha256])).toEqual([
      [295, '6f990a5e3cd77a7aee051a4b025b5463a77db461f4be857438a81e31b5f95bb2'],
      [276, '786d8b2f4ceb2f933bff03a4ac60a76381109bd05e0727c5dd4e7bed9479578b'],
      [681, 'e07b216bf93dda76e98c6af07e40624adfff9555ef275a6e5bf0b2a36405d638'],
    ]);
  });

  it('is what the document shows, value for value', () => {
    const shown = [
      example.keyId,
      example.key.publicKey,
      example.leafPreimageHex,
      example.linkPreimageHex,
      ...example.steps.flatMap(({ text, leaf, chain }) => [text, leaf, chain]),
      example.checkpointText,
      example.checkpoint.signature,
      ...example.eventsJsonl.trimEnd().split('\n'),
      ...example.manifest.files.map((file) => file.sha256),
      example.manifestText,
      example.manifest.signature,
    ];
    for (const value of shown) expect(spec).toContain(value);
  });

  it('is a bundle the verifier accepts', async () => {
    const text = new TextEncoder();
    const bytes = await zip(
      new Map([
        ['keys.json', text.encode(example.keysJson)],
        ['checkpoints.jsonl', text.encode(example.checkpointsJsonl)],
        ['events.jsonl', text.encode(example.eventsJsonl)],
        ['manifest.json', text.encode(JSON.stringify(example.manifest))],
      ]),
    );
    expect(
      await verifyBundle(blob(bytes), { crypto: nodeCryptoProvider(), trust: { keyIds: [example.keyId] } }),
    ).toMatchObject({
      ok: true,
      events: 1,
      elided: 1,
      checkpoints: 1,
      trust: 'pinned',
    });
  });
});
