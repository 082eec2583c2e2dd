import { figureKey } from '@docket/audit-chain';
import { CATEGORIES } from '@docket/contracts';
import { beforeAll, expect, it } from 'vitest';
import { systemActor } from '../actions/context';
import { appealAgainst } from '../testing/appeals';
import { casesVia } from '../testing/cases';
import { useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';
import { computeReport } from '../transparency/reports/compute';
import { DemoClient, decideAppeals, seedDemoHistory } from './demo-history';
import { seedDemoStaff } from './demo-staff';

const t = useTestApp();
const fetcher = (path: string, init: RequestInit) => Promise.resolve(t.app.request(path, init));

beforeAll(async () => {
  await seedDemoStaff(t.db, systemActor('demo'));
  const platform = await t.serviceAccount();
  await casesVia(
    t,
    platform,
    Array.from({ length: 60 }, (_, i) => aReport({ category: CATEGORIES[i % CATEGORIES.length] })),
  );
  await seedDemoHistory(fetcher, { cases: 30, appealWaitMs: 0 });
  // In `pnpm start` the demo platform appeals every second enforcement; here the test files them.
  const decisions = await t.db.selectFrom('decision').select('id').where('action', '=', 'warn').execute();
  for (const { id } of decisions.slice(0, 4)) await appealAgainst(t, platform, id);
  await decideAppeals(new DemoClient(fetcher), await new DemoClient(fetcher).signIn('supervisor'), 4);
  await t.seal();
}, 180_000);

it('leaves a history that fills every section of this year’s transparency report', async () => {
  const year = String(new Date().getUTCFullYear());
  const report = await computeReport(t.db, {
    period: { from: `${year}-01-01T00:00:00.000Z`, to: `${Number(year) + 1}-01-01T00:00:00.000Z`, label: year },
    threshold: 3,
  });
  const shown = (prefix: string) =>
    report.figures.filter(
      (figure) => figureKey(figure).startsWith(prefix) && figure.status !== 'no_data' && figure.value !== 0,
    );
  for (const prefix of [
    'access.requests_made[',
    'access.requests_denied[',
    'access.requests_lapsed',
    'access.grants[code=BREAK_GLASS',
    'access.grants[code=LEGAL_REQUEST',
    'access.grants[code=USER_REPORT',
    'access.messages_read[',
    'access.grants_unused[',
    'access.break_glass_reviews[',
    'access.notices_sent[pathway=legal_request',
    'access.notices_deferred[pathway=legal_request',
    'access.notices_never',
    'legal.requests_received[',
    'legal.produced_content[',
    'legal.rejected[',
    'legal.emergency[',
    'legal.preservation[',
    'legal.under_nondisclosure[',
    'moderation.reports[',
    'moderation.decisions[',
    'moderation.decisions_by_ground[ground=terms',
    'moderation.suspensions',
    'moderation.appeals_received[',
    'moderation.appeals_decided[',
    'moderation.reviewers_active',
  ]) {
    expect(shown(prefix).length, prefix).toBeGreaterThan(0);
  }
});
