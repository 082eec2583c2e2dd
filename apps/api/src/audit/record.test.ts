import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { type AuditContext, recordAuditEvent } from './record';

const t = useTestApp();
const SECRET_WORDS = 'Meet me behind the school at nine';

/** One attempt to record `details`, under a request id of its own so its trace can be looked up. */
function attempt(details: Record<string, unknown>) {
  const context: AuditContext = {
    actor: { type: 'staff', id: null, label: 'insider', roles: ['admin'] },
    requestId: randomUUID(),
    ip: null,
    userAgent: null,
  };
  return {
    recorded: recordAuditEvent(t.db, context, { action: 'staff.updated', details }),
    written: () => t.db.selectFrom('audit_event').selectAll().where('request_id', '=', context.requestId).execute(),
  };
}

describe('what audit details may never carry', () => {
  // Each name is how content or a secret travels through Docket's own API and domain code.
  it.each([
    'body',
    'messageBody',
    'text',
    'reporterText',
    'content',
    'plaintext',
    'password',
    'passwordHash',
    'token',
    'secret',
  ])('refuses "%s" in any letter case, and writes nothing', async (key) => {
    for (const spelling of [key, key.toUpperCase()]) {
      const { recorded, written } = attempt({ [spelling]: SECRET_WORDS });
      await expect(recorded).rejects.toThrow(`audit details may not carry "${spelling}"`);
      expect(await written()).toEqual([]);
    }
  });

  it('refuses content nested anywhere in the details, with an error that does not repeat it', async () => {
    const { recorded, written } = attempt({ changes: { messages: [{ id: 'm1', body: SECRET_WORDS }] } });
    await expect(recorded).rejects.toThrow('audit details may not carry "body"');
    await expect(recorded).rejects.not.toThrow(SECRET_WORDS);
    expect(await written()).toEqual([]);
  });

  it('records details that only describe the action', async () => {
    const details = { changes: { roles: { from: ['reviewer'], to: ['supervisor'] } }, messageIds: ['m1', 'm2'] };
    const { recorded, written } = attempt(details);
    await recorded;
    expect((await written()).map((event) => event.details)).toEqual([details]);
  });
});
