/**
 * Every figure of a transparency report, defined once: its id, the section it belongs to, its unit,
 * the dimensions it is broken down by, a label and what exactly it counts. The fold computes these,
 * the JSON Schema describes them, the CSV sheets and the README table are generated from this table.
 */

export const REPORT_SECTIONS = ['access', 'legal', 'moderation'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/**
 * `count`: a whole number, suppressed below the threshold. `share`: 0–1 of a population,
 * `minutes`/`hours`/`messages`: a statistic (median or 90th percentile) over a population, of its
 * values rounded to hundredths (ADR 055); the last three are withheld when their population is
 * below the threshold.
 */
export const FIGURE_UNITS = ['count', 'share', 'minutes', 'hours', 'messages'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

export const REPORT_DIMENSIONS = {
  pathway: 'How access was opened: user_report (a case grant a supervisor approved), legal_request, break_glass.',
  code: 'The justification code the access was asked under (LEGAL_REQUEST for legal grants, BREAK_GLASS for break-glass).',
  outcome: 'How it ended: for break-glass reviews justified/unjustified; for appeals upheld/reversed/partly_reversed.',
  country: "The issuing authority's country (ISO 3166-1 alpha-2, as recorded).",
  instrument: 'The legal instrument (subpoena, search_warrant, … as in LEGAL_INSTRUMENTS).',
  category: 'The report category (child_safety, grooming, …).',
  source: 'Where the report came from: user_report, legal_request, automated.',
  action: 'The decision taken (no_violation, warn, remove_messages, …).',
  ground: 'The ground of a restricting decision: illegal or terms; none for a decision without a statement of reasons.',
  policy: 'The policy code the decision cites.',
  appellant: 'Who appealed: affected_user or reporter.',
} as const;
export type ReportDimension = keyof typeof REPORT_DIMENSIONS;

export interface FigureDefinition {
  id: string;
  section: ReportSection;
  unit: FigureUnit;
  by: readonly ReportDimension[];
  label: string;
  description: string;
}

const define = <const T extends readonly FigureDefinition[]>(figures: T) => figures;

export const FIGURES = define([
  // Access to private messages. Grants are counted when issued inside the period; per-grant
  // statistics are over the grants issued inside it, with what the period's events show of them.
  {
    id: 'access.requests_made',
    section: 'access',
    unit: 'count',
    by: ['code'],
    label: 'Access requests made',
    description: 'Access requests filed by reviewers in the period (`access.requested`), by justification code.',
  },
  {
    id: 'access.requests_approved',
    section: 'access',
    unit: 'count',
    by: ['code'],
    label: 'Access requests approved',
    description: 'Requests a supervisor approved in the period (`access.approved`), narrowed ones included.',
  },
  {
    id: 'access.requests_narrowed',
    section: 'access',
    unit: 'count',
    by: ['code'],
    label: 'Access requests approved for less',
    description: 'Approvals in the period that shortened the duration or narrowed the scope asked for.',
  },
  {
    id: 'access.requests_denied',
    section: 'access',
    unit: 'count',
    by: ['code'],
    label: 'Access requests denied',
    description: 'Requests a supervisor denied in the period (`access.denied`).',
  },
  {
    id: 'access.requests_lapsed',
    section: 'access',
    unit: 'count',
    by: [],
    label: 'Access requests lapsed or withdrawn',
    description: 'Requests that expired unanswered or that the requester cancelled, in the period.',
  },
  {
    id: 'access.grants',
    section: 'access',
    unit: 'count',
    by: ['pathway', 'code'],
    label: 'Grants issued',
    description:
      'Grants to read private messages issued in the period — case grants on approval, break-glass windows, and legal grants when an order was accepted or an emergency recorded — by pathway and justification code (LEGAL_REQUEST for legal grants, BREAK_GLASS for break-glass). One breakdown, so no total can be subtracted to undo a suppressed cell.',
  },
  {
    id: 'access.conversations_read',
    section: 'access',
    unit: 'count',
    by: ['pathway'],
    label: 'Conversations read',
    description:
      'Distinct conversations from which at least one message was returned in the period (`conversation.read`, and `legal.read` of content), by the pathway of the grant.',
  },
  {
    id: 'access.messages_read',
    section: 'access',
    unit: 'count',
    by: ['pathway'],
    label: 'Messages read',
    description:
      'Messages returned to staff in the period, each counted once per grant it was read under (the figure each access notice states).',
  },
  {
    id: 'access.messages_per_grant_median',
    section: 'access',
    unit: 'messages',
    by: [],
    label: 'Messages read per grant (median)',
    description:
      'Median of the messages read under each grant issued in the period (grants that read nothing count as 0).',
  },
  {
    id: 'access.messages_per_grant_p90',
    section: 'access',
    unit: 'messages',
    by: [],
    label: 'Messages read per grant (90th percentile)',
    description: '90th percentile (nearest rank) of the same.',
  },
  {
    id: 'access.minutes_requested_median',
    section: 'access',
    unit: 'minutes',
    by: [],
    label: 'Duration requested (median)',
    description:
      'Median minutes asked for, over the access requests made and the break-glass windows opened in the period.',
  },
  {
    id: 'access.minutes_granted_median',
    section: 'access',
    unit: 'minutes',
    by: [],
    label: 'Duration granted (median)',
    description: 'Median minutes granted, over the case and break-glass grants issued in the period.',
  },
  {
    id: 'access.minutes_used_median',
    section: 'access',
    unit: 'minutes',
    by: [],
    label: 'Duration used (median)',
    description:
      'Median minutes from issue to end (expiry, revocation, or the end of its reason), over the grants issued in the period that ended in it.',
  },
  {
    id: 'access.grants_unused',
    section: 'access',
    unit: 'count',
    by: ['pathway'],
    label: 'Grants that ended unused',
    description: 'Grants issued in the period that ended in it without a single message read under them.',
  },
  {
    id: 'access.grants_revoked',
    section: 'access',
    unit: 'count',
    by: [],
    label: 'Grants revoked',
    description: 'Grants a supervisor revoked before their end, in the period (`access.revoked`).',
  },
  {
    id: 'access.break_glass_reviews',
    section: 'access',
    unit: 'count',
    by: ['outcome'],
    label: 'Break-glass reviews',
    description: 'Break-glass uses a supervisor reviewed in the period, by outcome (justified, unjustified).',
  },
  {
    id: 'access.break_glass_unreviewed',
    section: 'access',
    unit: 'count',
    by: [],
    label: 'Break-glass uses not yet reviewed',
    description: 'Break-glass windows opened in the period with no review by its end.',
  },
  {
    id: 'access.notices_sent',
    section: 'access',
    unit: 'count',
    by: ['pathway'],
    label: 'Access notices sent',
    description:
      'Notices sent to people whose messages were read or disclosed (`access.notice`), one per person per grant or order.',
  },
  {
    id: 'access.notices_deferred',
    section: 'access',
    unit: 'count',
    by: ['pathway'],
    label: 'Access notices deferred',
    description:
      'Notices put off in the period: under a non-disclosure order or an emergency (`legal.notice_decided` defer), or a case grant’s notices held back by a running non-disclosure order (`access.notice_deferred`, once per grant, counting each participant).',
  },
  {
    id: 'access.notices_never',
    section: 'access',
    unit: 'count',
    by: [],
    label: 'Access notices never to be sent',
    description: 'Targets a legal officer decided, with a reason, never to notify (`legal.notice_decided` never).',
  },

  // Legal and government requests: the requests recorded in the period, and what became of them
  // by its end.
  {
    id: 'legal.requests_received',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Requests received',
    description: 'Legal requests recorded in the period (`legal.recorded`), by authority country and instrument.',
  },
  {
    id: 'legal.accounts_specified',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Accounts specified',
    description: 'Target accounts named in those requests (each request’s distinct accounts).',
  },
  {
    id: 'legal.produced_some_data',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Requests where some data was produced',
    description:
      'Of those requests, the ones produced (`legal.produced`) with at least one item besides the order by the period’s end.',
  },
  {
    id: 'legal.produced_content',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Requests where content was produced',
    description: 'Of those, the ones whose production included message content.',
  },
  {
    id: 'legal.produced_non_content',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Requests where only non-content was produced',
    description: 'Of those, the ones whose production held subscriber data or metadata and no content.',
  },
  {
    id: 'legal.share_some_data',
    section: 'legal',
    unit: 'share',
    by: [],
    label: 'Share of requests where some data was produced',
    description: 'legal.produced_some_data over legal.requests_received, all countries and instruments.',
  },
  {
    id: 'legal.share_content',
    section: 'legal',
    unit: 'share',
    by: [],
    label: 'Share of requests where content was produced',
    description: 'legal.produced_content over legal.requests_received.',
  },
  {
    id: 'legal.rejected',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Requests rejected',
    description: 'Requests recorded in the period that a second legal officer rejected by its end.',
  },
  {
    id: 'legal.narrowed',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Requests narrowed',
    description: 'Requests recorded in the period accepted only in part (fewer accounts, ranges or categories).',
  },
  {
    id: 'legal.no_data',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Requests with no data',
    description: 'Requests recorded in the period closed as holding no data (`legal.no_data`).',
  },
  {
    id: 'legal.emergency',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Emergency requests',
    description: 'Requests recorded in the period as emergencies.',
  },
  {
    id: 'legal.preservation',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Preservation requests',
    description:
      'Requests recorded in the period under a preservation instrument (preservation_request, eu_preservation_order).',
  },
  {
    id: 'legal.accounts_preserved',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Accounts preserved',
    description:
      'Accounts placed under a preservation hold by those requests by the period’s end (`hold.placed` naming the request).',
  },
  {
    id: 'legal.under_nondisclosure',
    section: 'legal',
    unit: 'count',
    by: ['country', 'instrument'],
    label: 'Requests under a non-disclosure order',
    description: 'Requests recorded in the period that came with a non-disclosure order.',
  },
  {
    id: 'legal.share_nondisclosure',
    section: 'legal',
    unit: 'share',
    by: [],
    label: 'Share of requests under a non-disclosure order',
    description: 'legal.under_nondisclosure over legal.requests_received.',
  },
  {
    id: 'legal.hours_to_acknowledge_median',
    section: 'legal',
    unit: 'hours',
    by: [],
    label: 'Time to acknowledge (median)',
    description:
      'Median hours from a request’s receipt (as recorded) to its acknowledgement, over requests recorded and acknowledged in the period.',
  },
  {
    id: 'legal.hours_to_effect_median',
    section: 'legal',
    unit: 'hours',
    by: [],
    label: 'Time to give effect (median)',
    description:
      'Median hours from receipt to effect — the production, or for a preservation instrument the acceptance that placed the hold — over requests recorded and given effect in the period.',
  },

  // Moderation.
  {
    id: 'moderation.reports',
    section: 'moderation',
    unit: 'count',
    by: ['category', 'source'],
    label: 'Reports received',
    description:
      'Reports stored through the signed intake in the period (duplicates not counted), by category and source.',
  },
  {
    id: 'moderation.hours_to_decision_median',
    section: 'moderation',
    unit: 'hours',
    by: [],
    label: 'Time to decision (median)',
    description:
      'Median hours from a case’s first report to its decision, over decisions recorded in the period (escalations excluded).',
  },
  {
    id: 'moderation.decisions',
    section: 'moderation',
    unit: 'count',
    by: ['action'],
    label: 'Decisions by action',
    description:
      'Decisions recorded in the period (`decision.recorded`), by action, less those undone within their undo window (`decision.undone`).',
  },
  {
    id: 'moderation.decisions_by_ground',
    section: 'moderation',
    unit: 'count',
    by: ['ground'],
    label: 'Decisions by ground',
    description: 'The same decisions by the ground their statement of reasons gives (none when they restrict nothing).',
  },
  {
    id: 'moderation.decisions_by_policy',
    section: 'moderation',
    unit: 'count',
    by: ['policy'],
    label: 'Decisions by policy',
    description: 'The same decisions by the policy they cite.',
  },
  {
    id: 'moderation.own_initiative_decisions',
    section: 'moderation',
    unit: 'count',
    by: ['action'],
    label: 'Own-initiative decisions',
    description: 'Decisions in the period on cases opened by automated signals only (no user report or legal request).',
  },
  {
    id: 'moderation.suspensions',
    section: 'moderation',
    unit: 'count',
    by: [],
    label: 'Account suspensions',
    description:
      'Accounts suspended by decisions that took effect in the period (`decision.effective`, suspend_account).',
  },
  {
    id: 'moderation.repeat_offender_suspensions',
    section: 'moderation',
    unit: 'count',
    by: [],
    label: 'Repeat-offender suspensions',
    description: 'Of those, suspensions of accounts that already had a standing decision against them.',
  },
  {
    id: 'moderation.appeals_received',
    section: 'moderation',
    unit: 'count',
    by: ['appellant'],
    label: 'Appeals received',
    description: 'Appeals received in the period (`appeal.received`), by who appealed.',
  },
  {
    id: 'moderation.appeals_decided',
    section: 'moderation',
    unit: 'count',
    by: ['outcome'],
    label: 'Appeals decided',
    description: 'Appeals decided in the period, by outcome: upheld, reversed, partly_reversed.',
  },
  {
    id: 'moderation.appeal_hours_median',
    section: 'moderation',
    unit: 'hours',
    by: [],
    label: 'Time to decide an appeal (median)',
    description: 'Median hours from an appeal’s receipt to its decision, over appeals decided in the period.',
  },
  {
    id: 'moderation.reviewers_active',
    section: 'moderation',
    unit: 'count',
    by: [],
    label: 'Reviewers active',
    description: 'Distinct staff who recorded at least one decision or appeal outcome in the period.',
  },
]);

export type FigureId = (typeof FIGURES)[number]['id'];
export const FIGURE_IDS = FIGURES.map((figure) => figure.id) as FigureId[];
export const FIGURE_BY_ID: ReadonlyMap<string, FigureDefinition> = new Map(
  FIGURES.map((figure) => [figure.id, figure]),
);
