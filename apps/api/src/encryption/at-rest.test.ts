/** A database dump must not contain one message body or reporter text (DESIGN §5). */
import { expect, it } from 'vitest';
import { dumpDatabase } from '../testing/dump';
import { useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';

const t = useTestApp();

const SECRET_BODIES = ['The quiet heron meets at dawn by pier nine', 'Blue lantern code 4471 for the locker'];
const SECRET_REPORTER_TEXT = 'Reporter says the violet umbrella signal means trouble';

it('keeps no message body and no reporter text in plaintext at rest', async () => {
  const platform = await t.serviceAccount();
  const report = aReport({ reporterText: SECRET_REPORTER_TEXT });
  report.messages[0]!.body = SECRET_BODIES[0] as string;
  report.messages[1]!.body = SECRET_BODIES[1] as string;
  expect((await t.signedPost('/api/intake/reports', report, platform)).status).toBe(200);

  const { tool, text } = await dumpDatabase(t.db, t.url);
  expect(text.length, tool).toBeGreaterThan(1000);
  expect(text, tool).toContain(report.externalId); // the dump really holds the intake rows
  for (const secret of [...SECRET_BODIES, SECRET_REPORTER_TEXT]) {
    expect(text, `${tool} leaked "${secret}"`).not.toContain(secret);
    // Also not as hex or base64 of the plain bytes.
    expect(text).not.toContain(Buffer.from(secret).toString('hex'));
    expect(text).not.toContain(Buffer.from(secret).toString('base64').slice(0, 24));
  }
});
