/**
 * The dashboard on real Postgres: seeded decisions, requests, grants and SLA due times over three
 * past days, and every figure the API returns checked against counts made here from the seed
 * itself. A reviewer gets their own figures and nobody else's; a supervisor gets the team's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { casesVia } from '../testing/cases';
import { useTestApp } from '../testing/harness';
import { aReport } from '../testing/reports';
import { pruneQueueSnapshots, snapshotQueues } from './snapshots';

const t = useTestApp();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// Three whole UTC days, well in the past, so cases made by intake during the run fall outside.
const DAY0 = Date.parse(dayOf(Date.now() - 20 * DAY));
const FROM = dayOf(DAY0);
const TO = dayOf(DAY0 + 2 * DAY);
const at = (day: number, hour: number) => new Date(DAY0 + day * DAY + hour * HOUR);

type Staff = Awaited<ReturnType<typeof t.signedIn>>;
let alice: Staff;
let bob: Staff;
let supervisor: Staff;

/** Each case: when it opened, when its SLA fell due, and who decided it when (if anyone). */
interface SeedCase {
  opened: Date;
  due: Date;
  decision?: { by: () => Staff; at: Date };
}
const CASES: SeedCase[] = [
  { opened: at(0, 8), due: at(0, 9), decision: { by: () => alice, at: at(0, 10) } },
  { opened: at(0, 11), due: at(0, 13), decision: { by: () => alice, at: at(0, 12) } },
  { opened: at(0, 9), due: at(0, 20), decision: { by: () => alice, at: at(1, 9) } },
  { opened: at(1, 9.5), due: at(1, 12), decision: { by: () => bob, at: at(1, 10) } },
  { opened: at(1, 10), due: at(1, 11), decision: { by: () => bob, at: at(2, 10) } },
  // Decided after the period: it counts as a breach on day 2 but not as a decision in it.
  { opened: at(2, 1), due: at(2, 5), decision: { by: () => alice, at: at(4, 1) } },
  // Never decided, due on day 1.
  { opened: at(1, 1), due: at(1, 2) },
];

/** Requests filed and grants started: [who, day, status] and [who, day, kind, review]. */
const REQUESTS = [
  { by: () => alice, at: at(0, 9), status: 'approved' },
  { by: () => alice, at: at(0, 14), status: 'denied' },
  { by: () => alice, at: at(1, 8), status: 'expired' },
  { by: () => bob, at: at(1, 15), status: 'pending' },
  { by: () => bob, at: at(3, 1), status: 'denied' }, // after the period
] as const;
const BREAK_GLASS = [
  { by: () => bob, at: at(1, 3), review: null },
  { by: () => bob, at: at(2, 3), review: 'unjustified' },
  { by: () => alice, at: at(2, 4), review: 'justified' },
] as const;

let caseIds: string[] = [];
let queueId = '';

async function conversationOf(caseId: string) {
  const row = await t.db
    .selectFrom('case')
    .select('conversation_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.conversation_id;
}

beforeAll(async () => {
  const platform = await t.serviceAccount();
  [alice, bob, supervisor] = [
    await t.signedIn(['reviewer']),
    await t.signedIn(['reviewer']),
    await t.signedIn(['reviewer', 'supervisor']),
  ];
  caseIds = await casesVia(
    t,
    platform,
    CASES.map(() => aReport()),
  );
  queueId = (
    await t.db
      .selectFrom('case')
      .select('queue_id')
      .where('id', '=', caseIds[0] as string)
      .executeTakeFirstOrThrow()
  ).queue_id;
  for (const [i, seed] of CASES.entries()) {
    const id = caseIds[i] as string;
    await t.db
      .updateTable('case')
      .set({
        opened_at: seed.opened,
        sla_due_at: seed.due,
        ...(seed.decision && { status: 'decided', decided_at: seed.decision.at }),
      })
      .where('id', '=', id)
      .execute();
    if (seed.decision) {
      await t.db
        .insertInto('decision')
        .values({
          case_id: id,
          action: 'warn',
          policy_code: 'HR-1',
          rationale: 'Seeded for the dashboard figures.',
          decided_by: seed.decision.by().id,
          requires_confirmation: false,
          decided_at: seed.decision.at,
        })
        .execute();
    }
  }
  const caseId = caseIds[0] as string;
  const conversationId = await conversationOf(caseId);
  for (const request of REQUESTS) {
    const { id } = await t.db
      .insertInto('access_request')
      .values({
        case_id: request.status === 'pending' ? (caseIds[6] as string) : caseId,
        conversation_id: request.status === 'pending' ? await conversationOf(caseIds[6] as string) : conversationId,
        requester_id: request.by().id,
        justification_code: 'USER_REPORT',
        justification: 'Seeded request for the dashboard figures, long enough.',
        scope: JSON.stringify({ kind: 'full_conversation' }),
        requested_minutes: 30,
        status: request.status,
        created_at: request.at,
        pending_until: new Date(request.at.getTime() + DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (request.status === 'approved') {
      await t.db
        .insertInto('access_grant')
        .values({
          request_id: id,
          case_id: caseId,
          conversation_id: conversationId,
          grantee_id: request.by().id,
          scope: JSON.stringify({ kind: 'full_conversation' }),
          starts_at: new Date(request.at.getTime() + HOUR),
          expires_at: new Date(request.at.getTime() + 2 * HOUR),
        })
        .execute();
    }
  }
  for (const use of BREAK_GLASS) {
    await t.db
      .insertInto('access_grant')
      .values({
        case_id: caseId,
        conversation_id: conversationId,
        grantee_id: use.by().id,
        scope: JSON.stringify({ kind: 'full_conversation' }),
        starts_at: use.at,
        expires_at: new Date(use.at.getTime() + 15 * 60_000),
        break_glass: true,
        break_glass_justification: 'Seeded break-glass for the dashboard figures.',
        ...(use.review && { reviewed_by: supervisor.id, reviewed_at: use.at, review_outcome: use.review }),
      })
      .execute();
  }
});

const inPeriod = (date: Date) => date.getTime() >= DAY0 && date.getTime() < DAY0 + 3 * DAY;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const decided = () =>
  CASES.flatMap((c) =>
    c.decision && inPeriod(c.decision.at)
      ? [
          {
            by: c.decision.by().id,
            day: dayOf(c.decision.at.getTime()),
            minutes: (c.decision.at.getTime() - c.opened.getTime()) / 60_000,
          },
        ]
      : [],
  );

/** The figures one person should see, counted from the seed. */
function expectedSummary(person: Staff) {
  const mine = decided().filter((d) => d.by === person.id);
  const requests = REQUESTS.filter((r) => r.by().id === person.id && inPeriod(r.at));
  const glass = BREAK_GLASS.filter((b) => b.by().id === person.id && inPeriod(b.at));
  return {
    reviewerId: person.id,
    decisions: mine.length,
    medianMinutes: mine.length ? median(mine.map((d) => d.minutes)) : null,
    requests: requests.length,
    approved: requests.filter((r) => r.status === 'approved').length,
    denied: requests.filter((r) => r.status === 'denied').length,
    lapsed: requests.filter((r) => r.status === 'expired').length,
    pending: requests.filter((r) => r.status === 'pending').length,
    grants: requests.filter((r) => r.status === 'approved').length,
    breakGlass: glass.length,
    breakGlassUnreviewed: glass.filter((b) => b.review === null).length,
    breakGlassUnjustified: glass.filter((b) => b.review === 'unjustified').length,
  };
}

function expectedDays(person?: Staff) {
  const days = new Map<string, { day: string; reviewerId: string; decisions: number; breakGlass: number }>();
  const entry = (day: string, reviewerId: string) => {
    const key = `${day} ${reviewerId}`;
    if (!days.has(key)) days.set(key, { day, reviewerId, decisions: 0, breakGlass: 0 });
    return days.get(key) as { decisions: number; breakGlass: number };
  };
  for (const d of decided()) entry(d.day, d.by).decisions += 1;
  for (const b of BREAK_GLASS) if (inPeriod(b.at)) entry(dayOf(b.at.getTime()), b.by().id).breakGlass += 1;
  return [...days.values()]
    .filter((d) => !person || d.reviewerId === person.id)
    .sort((a, b) => `${a.day} ${a.reviewerId}`.localeCompare(`${b.day} ${b.reviewerId}`));
}

const team = (query = `from=${FROM}&to=${TO}`) =>
  t.request('GET', `/api/dashboard/team?${query}`, { session: supervisor.session });

describe('the team dashboard', () => {
  it('counts decisions per reviewer per day, and break-glass, as the seed has them', async () => {
    const response = await team();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ scope: 'team', from: FROM, to: TO, queueBucket: 'day' });
    expect(body.reviewerDays).toEqual(expectedDays());
  });

  it('gives the median minutes from opening to decision for each day', async () => {
    const body = await (await team()).json();
    const byDay = new Map<string, ReturnType<typeof decided>>();
    for (const d of decided()) byDay.set(d.day, [...(byDay.get(d.day) ?? []), d]);
    expect(body.decisionTimes).toEqual(
      [...byDay.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, list]) => ({ day, decisions: list.length, medianMinutes: median(list.map((d) => d.minutes)) })),
    );
    // The seed's own arithmetic, as a person would check it: day 0 had 60 and 120 minutes.
    expect(body.decisionTimes[0]).toEqual({ day: FROM, decisions: 2, medianMinutes: 90 });
  });

  it('sums each reviewer’s requests by outcome, grants and break-glass reviews', async () => {
    const body = await (await team()).json();
    const byId = new Map(body.reviewers.map((r: { reviewerId: string }) => [r.reviewerId, r]));
    expect(byId.get(alice.id)).toEqual(expectedSummary(alice));
    expect(byId.get(bob.id)).toEqual(expectedSummary(bob));
    expect(body.people.map((p: { id: string }) => p.id).sort()).toEqual([alice.id, bob.id].sort());
  });

  it('counts SLA breaches by the day each case fell due: no decision by the due time', async () => {
    const body = await (await team()).json();
    const expected = new Map<string, { due: number; breached: number }>();
    for (const c of CASES) {
      const day = dayOf(c.due.getTime());
      const counts = expected.get(day) ?? { due: 0, breached: 0 };
      counts.due += 1;
      if (!c.decision || c.decision.at > c.due) counts.breached += 1;
      expected.set(day, counts);
    }
    expect(body.slaBreaches).toEqual(
      [...expected.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, counts]) => ({ day, queueId, ...counts })),
    );
    expect(body.slaBreaches.map((d: { breached: number }) => d.breached)).toEqual([2, 2, 1]);
  });

  it('leaves out what happened outside the period', async () => {
    const body = await (await team(`from=${dayOf(DAY0 + 3 * DAY)}&to=${dayOf(DAY0 + 4 * DAY)}`)).json();
    expect(body.reviewerDays).toEqual([
      { day: dayOf(DAY0 + 4 * DAY), reviewerId: alice.id, decisions: 1, breakGlass: 0 },
    ]);
    expect(body.reviewers.find((r: { reviewerId: string }) => r.reviewerId === bob.id)).toMatchObject({
      requests: 1,
      denied: 1,
      decisions: 0,
    });
    expect(body.queueBucket).toBe('hour');
  });

  it('records who looked, and at which period', async () => {
    const response = await team();
    const [event] = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('request_id', '=', response.headers.get('x-request-id'))
      .execute();
    expect(event).toMatchObject({
      action: 'dashboard.viewed',
      actor_id: supervisor.id,
      target_type: 'dashboard',
      target_id: 'team',
      details: { from: FROM, to: TO },
    });
  });

  it('refuses periods it cannot read, naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-13-01', 'from'],
      [`from=${TO}&to=${FROM}`, 'to'],
      ['from=2024-01-01&to=2025-06-01', 'to'],
    ]) {
      const response = await team(query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });
});

describe('a reviewer’s own figures', () => {
  it('gives a reviewer their own figures and nothing about anyone else', async () => {
    const response = await t.request('GET', `/api/dashboard/reviewers/${alice.id}?from=${FROM}&to=${TO}`, {
      session: alice.session,
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.scope).toBe('reviewer');
    expect(body.reviewerDays).toEqual(expectedDays(alice));
    expect(body.reviewers).toEqual([expectedSummary(alice)]);
    expect(body.people.map((p: { id: string }) => p.id)).toEqual([alice.id]);
    const aliceDecided = decided().filter((d) => d.by === alice.id);
    expect(body.decisionTimes.reduce((n: number, d: { decisions: number }) => n + d.decisions, 0)).toBe(
      aliceDecided.length,
    );
    // Team figures stay with the team view.
    expect(body.queueHistory).toEqual([]);
    expect(body.slaBreaches).toEqual([]);
    expect(body.queues).toEqual([]);
  });

  it('refuses a reviewer another reviewer’s figures, and records the refusal', async () => {
    const response = await t.request('GET', `/api/dashboard/reviewers/${bob.id}?from=${FROM}&to=${TO}`, {
      session: alice.session,
    });
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain('"reviewerDays"');
    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id', 'outcome'])
      .where('request_id', '=', response.headers.get('x-request-id'))
      .execute();
    expect(events).toEqual([{ action: 'request.refused', actor_id: alice.id, outcome: 'denied' }]);
  });

  it('refuses a reviewer the team view', async () => {
    const response = await t.request('GET', `/api/dashboard/team?from=${FROM}&to=${TO}`, { session: alice.session });
    expect(response.status).toBe(403);
  });

  it('lets a supervisor open one reviewer’s figures', async () => {
    const response = await t.request('GET', `/api/dashboard/reviewers/${bob.id}?from=${FROM}&to=${TO}`, {
      session: supervisor.session,
    });
    expect(response.status).toBe(200);
    expect((await response.json()).reviewers).toEqual([expectedSummary(bob)]);
  });

  it('answers 404 to a supervisor for someone who does not exist', async () => {
    const response = await t.request('GET', '/api/dashboard/reviewers/00000000-0000-4000-8000-000000000000', {
      session: supervisor.session,
    });
    expect(response.status).toBe(404);
  });
});

describe('queue history', () => {
  it('snapshots each queue’s open cases once per slot, and charts the most seen each day', async () => {
    const everyMs = 60_000;
    const written = await snapshotQueues(t.db, everyMs);
    const queues = await t.db.selectFrom('queue').select('id').execute();
    expect(written).toBe(queues.length);
    // The job may run twice in one slot (at-least-once): the second adds nothing.
    expect(await snapshotQueues(t.db, everyMs)).toBe(0);
    const open = CASES.filter((c) => !c.decision).length;
    const mine = await t.db.selectFrom('queue_snapshot').selectAll().where('queue_id', '=', queueId).execute();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ open_cases: open, in_review: 0, sla_breached: open });

    // Two snapshots in the period's first day: the chart shows the larger depth and the older case.
    await t.db
      .insertInto('queue_snapshot')
      .values([
        {
          slot_at: at(0, 1),
          queue_id: queueId,
          open_cases: 4,
          in_review: 1,
          sla_breached: 0,
          oldest_opened_at: at(0, 0),
          taken_at: at(0, 1),
        },
        {
          slot_at: at(0, 2),
          queue_id: queueId,
          open_cases: 9,
          in_review: 2,
          sla_breached: 3,
          oldest_opened_at: at(-1, 0),
          taken_at: at(0, 2),
        },
      ])
      .execute();
    const body = await (await team()).json();
    expect(body.queueHistory.filter((p: { queueId: string }) => p.queueId === queueId)).toEqual([
      { at: at(0, 0).toISOString(), queueId, openCases: 9, inReview: 2, slaBreached: 3, oldestAgeMinutes: 26 * 60 },
    ]);
    expect(body.queueHistorySince).toBe(at(0, 1).toISOString());
  });

  it('drops snapshots older than the days kept', async () => {
    await t.db
      .insertInto('queue_snapshot')
      .values({
        slot_at: new Date(Date.now() - 40 * DAY),
        queue_id: queueId,
        open_cases: 1,
        in_review: 0,
        sla_breached: 0,
        oldest_opened_at: null,
      })
      .execute();
    expect(await pruneQueueSnapshots(t.db, 30)).toBe(1);
  });
});
