/**
 * A malicious admin tries to give themselves access (DESIGN §13). Each attempt must fail, leave
 * nothing behind, and be on the record.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/harness';
import { createViaApi, decide, eventsOf, NEW_PASSWORD, pendingFor, redeem } from '../testing/staff';

const t = useTestApp({ TRUST_PROXY: 'true' });
const ADMIN_ADDRESS = '203.0.113.9';

const rogueAdmin = () => t.signedIn(['admin']);

/** The request was refused, and the refusal is the one event it wrote. */
async function expectRefusedAndAudited(response: Awaited<ReturnType<typeof t.request>>, status: number) {
  expect(response.status).toBe(status);
  const events = await eventsOf(t, response);
  expect(events).toHaveLength(1);
  // A missing permission is recorded as authz.denied, every other refusal as request.refused.
  expect(['request.refused', 'authz.denied']).toContain(events[0]?.action);
  expect(events[0]?.outcome).toBe('denied');
  return events[0];
}

const roleChangesOf = (staffId: string) =>
  t.db.selectFrom('staff_role_change').selectAll().where('staff_user_id', '=', staffId).execute();

const rolesOf = async (staffId: string) =>
  (await t.db.selectFrom('staff_user').select('roles').where('id', '=', staffId).executeTakeFirstOrThrow()).roles;

describe('an admin acting alone', () => {
  it('cannot grant themselves a role', async () => {
    const rogue = await rogueAdmin();
    for (const role of ['reviewer', 'supervisor', 'auditor']) {
      const response = await t.request('POST', `/api/staff/${rogue.id}/roles`, {
        session: rogue.session,
        body: { role },
      });
      const event = await expectRefusedAndAudited(response, 403);
      expect(event).toMatchObject({ actor_id: rogue.id, target_id: rogue.id, details: { status: 403 } });
    }
    expect(await rolesOf(rogue.id)).toEqual(['admin']);
    expect(await roleChangesOf(rogue.id)).toEqual([]);
    // Nor through the old route: a roles field on an update is refused and recorded.
    const patched = await t.request('PATCH', `/api/staff/${rogue.id}`, {
      session: rogue.session,
      body: { roles: ['admin', 'supervisor'] },
    });
    const event = await expectRefusedAndAudited(patched, 400);
    expect(event?.details).toMatchObject({ unexpectedFields: ['roles'] });
    expect(await rolesOf(rogue.id)).toEqual(['admin']);
  });

  it('cannot change their own roles even with another admin asking for them', async () => {
    const rogue = await rogueAdmin();
    const colleague = await t.signedIn(['admin']);
    const asked = await t.request('POST', `/api/staff/${rogue.id}/roles`, {
      session: colleague.session,
      body: { role: 'supervisor' },
    });
    const { changeId } = await asked.json();
    await expectRefusedAndAudited(await decide(t, rogue.session, changeId, 'confirm'), 403);
    expect(await rolesOf(rogue.id)).toEqual(['admin']);
  });

  it('cannot create an account with a password', async () => {
    const rogue = await rogueAdmin();
    const before = await t.count('staff_user');
    const response = await t.request('POST', '/api/staff', {
      session: rogue.session,
      body: { username: 'puppet', displayName: 'Puppet', roles: ['supervisor'], password: 'chosen by the admin' },
    });
    const event = await expectRefusedAndAudited(response, 400);
    expect((await response.json()).errors).toEqual([{ field: 'password', message: 'not accepted here' }]);
    expect(event?.details).toMatchObject({ unexpectedFields: ['password'], route: '/api/staff' });
    expect(JSON.stringify(event)).not.toContain('chosen by the admin');
    expect(await t.count('staff_user')).toBe(before);
  });

  it('cannot create a supervisor and confirm it alone', async () => {
    const rogue = await rogueAdmin();
    const puppet = await createViaApi(t, rogue.session, 'puppet.supervisor', ['supervisor']);
    const [change] = await pendingFor(t, rogue.session, puppet.id);
    await expectRefusedAndAudited(await decide(t, rogue.session, change?.id ?? '', 'confirm'), 403);

    // Enrolled through the link the admin saw, the puppet still holds nothing.
    expect((await redeem(t, puppet.token)).status).toBe(200);
    const session = await t.signIn('puppet.supervisor', NEW_PASSWORD);
    expect((await t.request('GET', '/api/access/requests', { session })).status).toBe(403);
    expect(await rolesOf(puppet.id)).toEqual([]);

    // The database holds the rule too: no write, however it is made, confirms a request alone.
    await expect(
      t.db
        .updateTable('staff_role_change')
        .set({ status: 'confirmed', decided_by: rogue.id, decided_at: new Date() })
        .where('id', '=', change?.id ?? '')
        .execute(),
    ).rejects.toThrow(/staff_role_change_second_admin/);
    await expect(
      t.db
        .insertInto('staff_role_change')
        .values({
          staff_user_id: rogue.id,
          role: 'supervisor',
          change: 'grant',
          status: 'pending',
          requested_by: rogue.id,
        })
        .execute(),
    ).rejects.toThrow(/staff_role_change_not_own/);
  });

  it('cannot mint a second admin and confirm through it', async () => {
    const rogue = await rogueAdmin();
    const twin = await createViaApi(t, rogue.session, 'twin.admin', ['admin']);
    const puppet = await createViaApi(t, rogue.session, 'twin.puppet', ['supervisor']);
    expect((await redeem(t, twin.token)).status).toBe(200);
    const twinSession = await t.signIn('twin.admin', NEW_PASSWORD);

    // The twin is only pending: it can confirm neither its own admin role nor its creator's requests.
    const [twinAdmin] = await pendingFor(t, rogue.session, twin.id);
    const [puppetSupervisor] = await pendingFor(t, rogue.session, puppet.id);
    for (const change of [twinAdmin, puppetSupervisor]) {
      await expectRefusedAndAudited(await decide(t, twinSession, change?.id ?? '', 'confirm'), 403);
    }
    expect(await rolesOf(twin.id)).toEqual([]);
    expect(await rolesOf(puppet.id)).toEqual([]);
    expect((await pendingFor(t, rogue.session, twin.id)).map((c) => c.role)).toEqual(['admin']);
  });

  it("is flagged in the access review when the new account is enrolled from the admin's own address and session", async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const rogue = await t.staff(['admin']);
    const session = await t.signIn(rogue.username, rogue.password);
    const created = await t.request('POST', '/api/staff', {
      session,
      body: { username: 'same.desk', displayName: 'Same Desk', roles: ['reviewer'] },
      headers: { 'x-forwarded-for': ADMIN_ADDRESS },
    });
    const { user, link } = await created.json();
    const colleague = await t.signedIn(['admin']);
    const elsewhere = await createViaApi(t, colleague.session, 'other.desk', ['auditor']);
    expect((await redeem(t, link.path.split('#')[1], { ip: ADMIN_ADDRESS, session })).status).toBe(200);
    expect((await redeem(t, elsewhere.token, { ip: '198.51.100.20' })).status).toBe(200);
    expect((await t.auditEvents('staff.enrolled')).find((e) => e.target_id === user.id)).toMatchObject({
      ip: ADMIN_ADDRESS,
      user_agent: 'Enrolling browser',
      details: { sameAddressAsIssuer: true, sameSessionAsIssuer: true, issuedBy: rogue.id },
    });

    const auditor = await t.signedIn(['auditor']);
    const to = new Date(Date.now() + 1000).toISOString();
    const review = await (
      await t.request('GET', `/api/audit/access-review/staff?from=${from}&to=${to}`, { session: auditor.session })
    ).json();
    expect(review.flaggedLinks).toEqual([
      expect.objectContaining({
        purpose: 'enrol',
        staff: { id: user.id, username: 'same.desk' },
        issuedBy: { id: rogue.id, username: rogue.username },
        ip: ADMIN_ADDRESS,
        userAgent: 'Enrolling browser',
        sameAddress: true,
        sameSession: true,
      }),
    ]);
    expect(review.roleChanges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          staff: expect.objectContaining({ id: user.id }),
          role: 'reviewer',
          status: 'pending',
        }),
        expect.objectContaining({ staff: expect.objectContaining({ id: elsewhere.id }), role: 'auditor' }),
      ]),
    );
  });
});

describe('enrolment links', () => {
  it('work once: a second use is refused and recorded against the account', async () => {
    const admin = await rogueAdmin();
    const created = await createViaApi(t, admin.session, 'used.once', ['auditor']);
    expect((await redeem(t, created.token)).status).toBe(200);
    const again = await redeem(t, created.token, { password: 'the attacker’s password' });
    const event = await expectRefusedAndAudited(again, 410);
    expect(event).toMatchObject({ target_id: created.id, details: { reason: 'used', status: 410 } });
    expect(JSON.stringify(event)).not.toContain(created.token);
    expect((await t.signIn('used.once', NEW_PASSWORD)).userId).toBe(created.id);
  });

  it('stop working when they expire', async () => {
    const admin = await rogueAdmin();
    const created = await createViaApi(t, admin.session, 'too.late', ['auditor']);
    await t.db
      .updateTable('staff_link')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('staff_user_id', '=', created.id)
      .execute();
    const event = await expectRefusedAndAudited(await redeem(t, created.token), 410);
    expect(event).toMatchObject({ target_id: created.id, details: { reason: 'expired' } });
    const row = await t.db
      .selectFrom('staff_user')
      .select('password_hash')
      .where('id', '=', created.id)
      .executeTakeFirst();
    expect(row?.password_hash).toBeNull();
  });

  it('are refused when made up, and the refusal recorded', async () => {
    const event = await expectRefusedAndAudited(await redeem(t, 'x'.repeat(43)), 404);
    expect(event?.details).toMatchObject({ route: '/api/enrolment', status: 404 });
  });

  it('cannot be issued by an admin for their own account', async () => {
    const admin = await rogueAdmin();
    await expectRefusedAndAudited(
      await t.request('POST', `/api/staff/${admin.id}/reset-link`, { session: admin.session }),
      403,
    );
  });
});
