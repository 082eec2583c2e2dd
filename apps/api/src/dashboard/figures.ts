/**
 * The dashboard's figures, each one aggregate query over rows that keep their own times:
 * decisions, access requests and grants, cases' SLA due times, and the queue snapshots. A
 * reviewer's view is the same queries narrowed to one person in SQL; the team's adds the queues.
 */
import type { Dashboard } from '@docket/contracts';
import type { Database } from '@docket/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Period } from './period';

type Db = Kysely<Database>;
type ReviewerSummary = Dashboard['reviewers'][number];

/** `and <column> = reviewer` when narrowed to one reviewer; nothing for the team. */
const onlyFor = (column: string, reviewerId: string | null): RawBuilder<unknown> =>
  reviewerId === null ? sql`` : sql`and ${sql.ref(column)} = ${reviewerId}::uuid`;

const utcDay = (column: string) => sql`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD')`;

async function reviewerDays(db: Db, period: Period, reviewerId: string | null) {
  const { rows } = await sql<{ day: string; reviewer_id: string; decisions: number; break_glass: number }>`
    with decided as (
      select ${utcDay('decided_at')} as day, decided_by as reviewer_id, count(*)::int as n
      from decision
      where decided_at >= ${period.start} and decided_at < ${period.end} ${onlyFor('decided_by', reviewerId)}
      group by 1, 2
    ), glass as (
      select ${utcDay('starts_at')} as day, grantee_id as reviewer_id, count(*)::int as n
      from access_grant
      where break_glass and starts_at >= ${period.start} and starts_at < ${period.end} ${onlyFor('grantee_id', reviewerId)}
      group by 1, 2
    )
    select coalesce(d.day, g.day) as day, coalesce(d.reviewer_id, g.reviewer_id) as reviewer_id,
           coalesce(d.n, 0) as decisions, coalesce(g.n, 0) as break_glass
    from decided d full join glass g on g.day = d.day and g.reviewer_id = d.reviewer_id
    order by 1, 2`.execute(db);
  return rows.map((r) => ({
    day: r.day,
    reviewerId: r.reviewer_id,
    decisions: r.decisions,
    breakGlass: r.break_glass,
  }));
}

const MEDIAN_MINUTES = sql`percentile_cont(0.5) within group (order by extract(epoch from d.decided_at - c.opened_at) / 60)`;

async function decisionTimes(db: Db, period: Period, reviewerId: string | null) {
  const { rows } = await sql<{ day: string; decisions: number; median: number }>`
    select ${utcDay('d.decided_at')} as day, count(*)::int as decisions, ${MEDIAN_MINUTES} as median
    from decision d join "case" c on c.id = d.case_id
    where d.decided_at >= ${period.start} and d.decided_at < ${period.end} ${onlyFor('d.decided_by', reviewerId)}
    group by 1 order by 1`.execute(db);
  return rows.map((r) => ({ day: r.day, decisions: r.decisions, medianMinutes: round(r.median) }));
}

const round = (minutes: number) => Math.round(minutes * 10) / 10;

/** Per person: decisions and their median time, requests by outcome, grants, break-glass and its review. */
async function reviewerSummaries(db: Db, period: Period, reviewerId: string | null): Promise<ReviewerSummary[]> {
  const { rows } = await sql<{
    reviewer_id: string;
    decisions: number;
    median: number | null;
    requests: number;
    approved: number;
    denied: number;
    lapsed: number;
    pending: number;
    grants: number;
    break_glass: number;
    break_glass_unreviewed: number;
    break_glass_unjustified: number;
  }>`
    with decided as (
      select d.decided_by as reviewer_id, count(*)::int as decisions, ${MEDIAN_MINUTES} as median
      from decision d join "case" c on c.id = d.case_id
      where d.decided_at >= ${period.start} and d.decided_at < ${period.end} ${onlyFor('d.decided_by', reviewerId)}
      group by 1
    ), requested as (
      select requester_id as reviewer_id, count(*)::int as requests,
             (count(*) filter (where status = 'approved'))::int as approved,
             (count(*) filter (where status = 'denied'))::int as denied,
             (count(*) filter (where status in ('cancelled', 'expired')))::int as lapsed,
             (count(*) filter (where status = 'pending'))::int as pending
      from access_request
      where created_at >= ${period.start} and created_at < ${period.end} ${onlyFor('requester_id', reviewerId)}
      group by 1
    ), granted as (
      select grantee_id as reviewer_id,
             (count(*) filter (where basis = 'case'))::int as grants,
             (count(*) filter (where basis = 'break_glass'))::int as break_glass,
             (count(*) filter (where basis = 'break_glass' and reviewed_at is null))::int as break_glass_unreviewed,
             (count(*) filter (where basis = 'break_glass' and review_outcome = 'unjustified'))::int as break_glass_unjustified
      from access_grant
      where basis in ('case', 'break_glass') and starts_at >= ${period.start} and starts_at < ${period.end}
        ${onlyFor('grantee_id', reviewerId)}
      group by 1
    )
    select coalesce(d.reviewer_id, r.reviewer_id, g.reviewer_id) as reviewer_id,
           coalesce(d.decisions, 0) as decisions, d.median,
           coalesce(r.requests, 0) as requests, coalesce(r.approved, 0) as approved, coalesce(r.denied, 0) as denied,
           coalesce(r.lapsed, 0) as lapsed, coalesce(r.pending, 0) as pending,
           coalesce(g.grants, 0) as grants, coalesce(g.break_glass, 0) as break_glass,
           coalesce(g.break_glass_unreviewed, 0) as break_glass_unreviewed,
           coalesce(g.break_glass_unjustified, 0) as break_glass_unjustified
    from decided d
    full join requested r on r.reviewer_id = d.reviewer_id
    full join granted g on g.reviewer_id = coalesce(d.reviewer_id, r.reviewer_id)
    order by decisions desc, reviewer_id`.execute(db);
  return rows.map((r) => ({
    reviewerId: r.reviewer_id,
    decisions: r.decisions,
    medianMinutes: r.median === null ? null : round(r.median),
    requests: r.requests,
    approved: r.approved,
    denied: r.denied,
    lapsed: r.lapsed,
    pending: r.pending,
    grants: r.grants,
    breakGlass: r.break_glass,
    breakGlassUnreviewed: r.break_glass_unreviewed,
    breakGlassUnjustified: r.break_glass_unjustified,
  }));
}

/**
 * Cases whose SLA fell due in the period (and before now), by day and current queue; a breach is
 * one with no decision recorded by its due time (an escalation counts as acting on it).
 */
async function slaBreaches(db: Db, period: Period) {
  const { rows } = await sql<{ day: string; queue_id: string; due: number; breached: number }>`
    select ${utcDay('c.sla_due_at')} as day, c.queue_id, count(*)::int as due,
           (count(*) filter (where not exists (
             select 1 from decision d where d.case_id = c.id and d.decided_at <= c.sla_due_at)))::int as breached
    from "case" c
    where c.sla_due_at >= ${period.start} and c.sla_due_at < least(${period.end}::timestamptz, now())
    group by 1, 2 order by 1, 2`.execute(db);
  return rows.map((r) => ({ day: r.day, queueId: r.queue_id, due: r.due, breached: r.breached }));
}

/** Each queue's snapshots, by hour or day: the most open, in review and past SLA, and the oldest age. */
async function queueHistory(db: Db, period: Period) {
  const { rows } = await sql<{
    at: Date;
    queue_id: string;
    open_cases: number;
    in_review: number;
    sla_breached: number;
    oldest: number | null;
  }>`
    select date_trunc(${period.bucket}, slot_at, 'UTC') as at, queue_id,
           max(open_cases) as open_cases, max(in_review) as in_review, max(sla_breached) as sla_breached,
           floor(max(extract(epoch from taken_at - oldest_opened_at)) / 60)::int as oldest
    from queue_snapshot
    where slot_at >= ${period.start} and slot_at < ${period.end}
    group by 1, 2 order by 1, 2`.execute(db);
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    queueId: r.queue_id,
    openCases: r.open_cases,
    inReview: r.in_review,
    slaBreached: r.sla_breached,
    oldestAgeMinutes: r.oldest,
  }));
}

async function namesOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('staff_user')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

/** The team's dashboard (`reviewerId` null) or one reviewer's own figures. */
export async function dashboardFigures(db: Db, period: Period, reviewerId: string | null): Promise<Dashboard> {
  const team = reviewerId === null;
  const [days, times, reviewers, breaches, history, queues, since, asOf] = await Promise.all([
    reviewerDays(db, period, reviewerId),
    decisionTimes(db, period, reviewerId),
    reviewerSummaries(db, period, reviewerId),
    team ? slaBreaches(db, period) : [],
    team ? queueHistory(db, period) : [],
    team ? db.selectFrom('queue').select(['id', 'name']).orderBy('position').orderBy('id').execute() : [],
    team
      ? db
          .selectFrom('queue_snapshot')
          .select((eb) => eb.fn.min('slot_at').as('first'))
          .executeTakeFirst()
      : undefined,
    sql<{ now: Date }>`select now() as now`.execute(db),
  ]);
  const ids = new Set([...days.map((d) => d.reviewerId), ...reviewers.map((r) => r.reviewerId)]);
  if (reviewerId) ids.add(reviewerId);
  return {
    scope: team ? 'team' : 'reviewer',
    from: period.from,
    to: period.to,
    asOf: new Date(asOf.rows[0]?.now ?? Date.now()).toISOString(),
    people: await namesOf(db, [...ids]),
    queues,
    queueBucket: period.bucket,
    queueHistorySince: since?.first ? new Date(since.first).toISOString() : null,
    queueHistory: history,
    slaBreaches: breaches,
    reviewerDays: days,
    decisionTimes: times,
    reviewers,
  };
}
