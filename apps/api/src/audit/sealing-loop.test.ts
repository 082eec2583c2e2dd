import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { recordAuditEvent, SYSTEM_ACTOR } from './record';
import { startSealingLoop } from './sealing-loop';
import { registerSigningKeys } from './signing-keys';

const t = useTestApp();
const audit = { actor: SYSTEM_ACTOR, requestId: null, ip: null, userAgent: null };

const sealedCount = async () =>
  Number((await sql<{ n: string }>`select count(*)::text as n from audit_seal`.execute(t.db)).rows[0]?.n);

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('seals in the background until stopped, then not at all', async () => {
  const loop = startSealingLoop({ db: t.db, keys: t.signingKeys, logger: t.deps.logger, intervalMs: 20 });
  await recordAuditEvent(t.db, audit, { action: 'test.looped' });
  await until(async () => (await sealedCount()) === 1);
  await loop.stop();
  await recordAuditEvent(t.db, audit, { action: 'test.after_stop' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await sealedCount()).toBe(1);
  await t.seal();
});

it('logs a failed round without event details and keeps going', async () => {
  const stale = t.signingKeys.current();
  t.signingKeys.rotate();
  await registerSigningKeys(t.db, t.signingKeys.keys());
  let useStale = true;
  const keys = { current: () => (useStale ? stale : t.signingKeys.current()), keys: () => t.signingKeys.keys() };
  const lines = t.logLines;
  const loop = startSealingLoop({ db: t.db, keys, logger: t.deps.logger, intervalMs: 20 });
  try {
    await recordAuditEvent(t.db, audit, { action: 'test.while_failing', details: { marker: 'do-not-log-me' } });
    await until(async () => lines.some((line) => line.includes('audit sealing round failed')));
    const before = await sealedCount();
    useStale = false;
    await until(async () => (await sealedCount()) > before);
  } finally {
    await loop.stop();
  }
  const failure = JSON.parse(lines.find((line) => line.includes('audit sealing round failed')) ?? '{}');
  expect(failure.err).toMatch(/signing key .* is retired/);
  expect(lines.join('\n')).not.toContain('do-not-log-me');
});
