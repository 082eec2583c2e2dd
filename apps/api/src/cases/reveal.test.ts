import { connect } from '@docket/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRANSACTION_NEEDED } from '../actions/statement';
import { holdNewCase } from '../testing/cases';
import { type TestSession, useTestApp } from '../testing/harness';
import { plansOf } from '../testing/plans';
import { aReport } from '../testing/reports';
import { actingAs } from '../testing/staff';
import { revealEvidence } from './viewing';

const t = useTestApp();
let platform: { keyId: string; secret: string };

beforeAll(async () => {
  platform = await t.serviceAccount();
});

const reveal = (session: TestSession, caseId: string) =>
  t.request('POST', `/api/cases/${caseId}/evidence/reveal`, { session });
const reveals = async (caseId: string) =>
  (await t.auditEvents('evidence.revealed')).filter((event) => event.case_id === caseId);

describe('revealing blurred evidence (one statement)', () => {
  it('records a reveal by the holder, with who, from where and on which case', async () => {
    const holder = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(t, platform, holder.session, aReport());
    expect((await reveal(holder.session, caseId)).status).toBe(204);
    expect(await reveals(caseId)).toEqual([
      expect.objectContaining({
        actor_type: 'staff',
        actor_id: holder.id,
        actor_roles: ['reviewer'],
        outcome: 'success',
        target_type: 'case',
        target_id: caseId,
        details: {},
      }),
    ]);
  });

  it('takes one statement, no transaction around it, and a refused one writes nothing', async () => {
    const holder = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(t, platform, holder.session, aReport());
    const mine = actingAs(holder, ['reviewer']);
    expect(await revealEvidence(caseId, mine.staff).statement(t.db, mine.who)).toBeUndefined();
    expect(await reveals(caseId)).toHaveLength(1);
    const other = await t.staff(['reviewer']);
    const theirs = actingAs(other, ['reviewer']);
    const refused = await revealEvidence(caseId, theirs.staff).statement(t.db, theirs.who);
    expect(refused).toBe(TRANSACTION_NEEDED);
    expect(await reveals(caseId)).toHaveLength(1);
  });

  it('is planned once per connection, not on every reveal, for a reviewer and for a supervisor', async () => {
    const holder = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(t, platform, holder.session, aReport());
    const mine = actingAs(holder, ['reviewer']);
    const supervisor = actingAs(await t.staff(['supervisor']), ['supervisor']);
    // A connection of its own, so no earlier test has run these statements on it.
    const own = await connect({ databaseUrl: t.url, poolSize: 1 });
    try {
      for (let run = 0; run < 8; run++) {
        expect(await revealEvidence(caseId, mine.staff).statement(own.db, mine.who)).toBeUndefined();
      }
      // On a generic plan once its first five runs are past: PostgreSQL no longer plans it per call.
      expect(await plansOf(own.db, 'with viewable as')).toEqual([{ generic: 3, custom: 5 }]);
      for (let run = 0; run < 8; run++) {
        // Neither held by them nor awaiting their signature: refused, and planned all the same.
        const refused = await revealEvidence(caseId, supervisor.staff).statement(own.db, supervisor.who);
        expect(refused).toBe(TRANSACTION_NEEDED);
      }
      // The supervisor's is a statement of its own (other branches can sign), planned once as well.
      const plans = await plansOf(own.db, 'with viewable as');
      expect(plans).toHaveLength(2);
      for (const plan of plans) expect(plan.generic).toBeGreaterThan(0);
    } finally {
      await own.close();
    }
  });

  it('refuses a case someone else holds with a 409, and records no reveal', async () => {
    const holder = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(t, platform, holder.session, aReport());
    const other = await t.signedIn(['reviewer']);
    const refused = await reveal(other.session, caseId);
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toMatch(/do not hold this case/);
    expect(await reveals(caseId)).toEqual([]);
  });

  it('refuses a case that does not exist with a 404, and records no reveal', async () => {
    const { session } = await t.signedIn(['reviewer']);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await reveal(session, missing)).status).toBe(404);
    expect(await reveals(missing)).toEqual([]);
  });

  it('records a reveal on a decided case by anyone who may read cases', async () => {
    const holder = await t.signedIn(['reviewer']);
    const caseId = await holdNewCase(t, platform, holder.session, aReport());
    await t.db
      .updateTable('case')
      .set({ status: 'decided', decided_at: new Date(), assignee_id: null, lease_expires_at: null })
      .where('id', '=', caseId)
      .execute();
    const reader = await t.signedIn(['reviewer']);
    expect((await reveal(reader.session, caseId)).status).toBe(204);
    expect(await reveals(caseId)).toEqual([expect.objectContaining({ actor_id: reader.id, outcome: 'success' })]);
  });
});
