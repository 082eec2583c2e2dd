/** Demo logins as the start-up banner prints them: only ones that work. */
import { expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record';
import { hashPassword } from '../auth/passwords';
import { useTestApp } from '../testing/harness';
import { demoLoginLines, seedDemoStaff } from './demo-staff';

const t = useTestApp();
const system = { actor: SYSTEM_ACTOR, requestId: null, ip: null, userAgent: null };

it('creates one demo login per role on an empty database, and prints them as created just now', async () => {
  const staff = await seedDemoStaff(t.db, system);
  expect(staff.createdNow).toBe(true);
  expect(staff.logins.map((login) => login.username)).toEqual([
    'reviewer',
    'supervisor',
    'auditor',
    'admin',
    'admin2',
    'legal',
    'legal2',
  ]);
  const banner = demoLoginLines(staff).join('\n');
  expect(banner).toContain('created just now');
  expect(banner).toContain('supervisor-docket-demo');
});

it('prints on a later start only the demo logins that still sign in with their demo password', async () => {
  await t.db
    .updateTable('staff_user')
    .set({ password_hash: await hashPassword('a password of their own') })
    .where('username', '=', 'admin')
    .execute();
  await t.db.updateTable('staff_user').set({ disabled_at: new Date() }).where('username', '=', 'auditor').execute();

  const staff = await seedDemoStaff(t.db, system);
  expect(staff).toMatchObject({ createdNow: false });
  expect(staff.logins.map((login) => login.username)).toEqual(['reviewer', 'supervisor', 'admin2', 'legal', 'legal2']);
  const banner = demoLoginLines(staff).join('\n');
  expect(banner).toContain('created by an earlier demo start');
  expect(banner).not.toContain(' admin-docket-demo');
  expect(banner).not.toContain('auditor-docket-demo');
});
