/**
 * The team dashboard (issue 14, item 4): queue depth and age over time, SLA breaches, and each
 * reviewer's work — decisions, time to decision, access requests and grants, break-glass use.
 * Days are UTC calendar days; a supervisor sees everyone, a reviewer only their own figures.
 */
import { z } from 'zod';

const Timestamp = z.iso.datetime({ offset: true });
const Day = z.iso.date().meta({ description: 'A UTC calendar day, YYYY-MM-DD.' });

/** Longest period one request may cover, so a figure is never a scan of all history by accident. */
export const DASHBOARD_MAX_DAYS = 366;

export const DashboardQuery = z
  .object({
    from: Day.optional().meta({ description: 'First day, inclusive (default: six days before `to`).' }),
    to: Day.optional().meta({ description: 'Last day, inclusive (default: today, UTC).' }),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to) {
      const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
      if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before `from`' });
      else if (days > DASHBOARD_MAX_DAYS) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${DASHBOARD_MAX_DAYS} days after \`from\`` });
      }
    }
  });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DashboardPerson = z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'DashboardPerson' });

export const QueueHistoryPoint = z
  .object({
    at: Timestamp.meta({ description: 'Start of the hour or day this point covers.' }),
    queueId: z.string(),
    openCases: z.number().int().meta({ description: 'Most open cases seen in any snapshot of the interval.' }),
    inReview: z.number().int(),
    slaBreached: z.number().int().meta({ description: 'Most open cases past their SLA in any snapshot.' }),
    oldestAgeMinutes: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Age of the oldest open case, at its largest in the interval; null: none open.' }),
  })
  .meta({ id: 'QueueHistoryPoint' });

export const SlaBreachDay = z
  .object({
    day: Day,
    queueId: z.string(),
    due: z.number().int().meta({ description: 'Cases whose SLA fell due that day (and has passed).' }),
    breached: z.number().int().meta({ description: 'Of those, cases with no decision recorded by their due time.' }),
  })
  .meta({ id: 'SlaBreachDay' });

export const ReviewerDay = z
  .object({
    day: Day,
    reviewerId: z.uuid(),
    decisions: z.number().int(),
    breakGlass: z.number().int().meta({ description: 'Break-glass windows opened that day.' }),
  })
  .meta({ id: 'ReviewerDay' });

export const DecisionTimeDay = z
  .object({
    day: Day,
    decisions: z.number().int(),
    medianMinutes: z.number().meta({ description: 'Median minutes from the case opening to the decision.' }),
  })
  .meta({ id: 'DecisionTimeDay' });

export const ReviewerSummary = z
  .object({
    reviewerId: z.uuid(),
    decisions: z.number().int(),
    medianMinutes: z.number().nullable().meta({ description: 'Median minutes from case opening to decision.' }),
    requests: z.number().int().meta({ description: 'Access requests filed in the period.' }),
    approved: z.number().int(),
    denied: z.number().int(),
    lapsed: z.number().int().meta({ description: 'Cancelled or expired without a decision.' }),
    pending: z.number().int(),
    grants: z.number().int().meta({ description: 'Grants approved by someone else, starting in the period.' }),
    breakGlass: z.number().int(),
    breakGlassUnreviewed: z.number().int(),
    breakGlassUnjustified: z.number().int(),
  })
  .meta({ id: 'ReviewerSummary' });

export const Dashboard = z
  .object({
    scope: z.enum(['team', 'reviewer']),
    from: Day,
    to: Day,
    asOf: Timestamp,
    people: z.array(DashboardPerson).meta({ description: 'Everyone the figures name, by id.' }),
    queues: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .meta({ description: 'The queues the team figures name; empty in a reviewer’s own view.' }),
    queueBucket: z.enum(['hour', 'day']),
    queueHistorySince: Timestamp.nullable().meta({
      description: 'The first snapshot ever recorded: queue history starts there. Null in a reviewer’s own view.',
    }),
    queueHistory: z.array(QueueHistoryPoint),
    slaBreaches: z.array(SlaBreachDay),
    reviewerDays: z.array(ReviewerDay),
    decisionTimes: z.array(DecisionTimeDay),
    reviewers: z.array(ReviewerSummary),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof Dashboard>;
