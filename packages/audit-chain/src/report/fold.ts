/**
 * The one computation of a transparency report: a streaming fold over audit events, in seq order,
 * used by the API (events streamed from the database) and by `docket-verify --report` (events
 * streamed from a bundle). It keeps per-grant, per-request and per-reviewer state only, never the
 * events themselves, so memory follows the number of grants and requests, not of events.
 */
import type { AuditRecord } from '../record';
import type { ReportFigure } from './document';
import { FIGURES, type FigureId } from './figures';
import { Distribution, hundredthsOf, round, Tally } from './stats';

/** The actions the fold reads; every other event leaves it unchanged, so callers may skip them unparsed. */
export const REPORT_ACTIONS: ReadonlySet<string> = new Set([
  'access.requested',
  'access.approved',
  'access.denied',
  'access.cancelled',
  'access.expired',
  'access.break_glass',
  'access.break_glass_reviewed',
  'access.revoked',
  'access.ended',
  'access.notice',
  'access.notice_deferred',
  'conversation.read',
  'legal.read',
  'legal.recorded',
  'legal.acknowledged',
  'legal.accepted',
  'legal.narrowed',
  'legal.rejected',
  'legal.no_data',
  'legal.produced',
  'legal.notice_decided',
  'hold.placed',
  'intake.reports_received',
  'decision.recorded',
  'decision.undone',
  'decision.effective',
  'appeal.received',
  'appeal.decided',
]);

const PRESERVATION_INSTRUMENTS = new Set(['preservation_request', 'eu_preservation_order']);

type Pathway = 'user_report' | 'legal_request' | 'break_glass';

/**
 * A decision undone inside its undo window (at most 60 s, ADR 043) never took effect, so it is
 * not a decision of the report: the fold remembers what each recent decision added, for longer
 * than any window, and takes it back when `decision.undone` names it.
 */
const UNDO_HORIZON_MS = 5 * 60_000;

interface RecentDecision {
  at: number;
  counts: [FigureId, string[]][];
  /** Hours to decision, in hundredths. */
  hours: number | null;
}

interface GrantState {
  pathway: Pathway;
  /** Set when the grant was issued inside the period: only those enter the per-grant statistics. */
  issuedAt: number | null;
  /** Distinct messages read under it (the grant's whole state is dropped once it ends). */
  messages: Set<string>;
  messageCount: number;
  /** Reads that returned anything, content or metadata. */
  reads: number;
}

interface LegalState {
  country: string;
  instrument: string;
  receivedAt: number;
  acknowledgedAt: number | null;
  effectAt: number | null;
  narrowed: boolean;
  rejected: boolean;
  noData: boolean;
  producedSome: boolean;
  producedContent: boolean;
  preserved: Set<string>;
}

export interface ReportFoldOptions {
  /** The period, UTC ISO 8601: from inclusive, to exclusive. */
  from: string;
  to: string;
  /** Only events sealed at or before this seq: the checkpoint the report is computed against. */
  throughSeq: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** `2026-01-01T00:00:00.000Z` → `2026-01-01T00:00:00.000000Z`: the form events' times take, so text compares as time. */
export function recordTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a time: ${iso}`);
  const text = date.toISOString();
  return `${text.slice(0, 23)}000Z`;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const object = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const key = (...values: string[]) => values.join('\u0001');

export class ReportFold {
  private readonly from: string;
  private readonly to: string;
  private readonly throughSeq: number;
  private readonly tallies = new Map<FigureId, Tally>(FIGURES.map((figure) => [figure.id, new Tally()]));
  private readonly grants = new Map<string, GrantState>();
  private readonly requests = new Map<string, LegalState>();
  private readonly conversations = new Map<Pathway, Set<string>>();
  private readonly reviewers = new Set<string>();
  /** Messages read under each grant issued in the period that has ended, and how long it lasted. */
  private readonly perGrant = new Distribution();
  private readonly used = new Distribution();
  private readonly unreviewedBreakGlass = new Set<string>();
  private readonly minutesRequested = new Distribution();
  private readonly minutesGranted = new Distribution();
  private readonly hoursToDecision = new Distribution();
  private readonly recentDecisions = new Map<string, RecentDecision>();
  private readonly appealHours = new Distribution();
  /** Events the fold counted (inside the period and the checkpoint, of an action it reads). */
  considered = 0;

  constructor(options: ReportFoldOptions) {
    this.from = recordTime(options.from);
    this.to = recordTime(options.to);
    this.throughSeq = options.throughSeq;
  }

  private count(id: FigureId, by: string[] = [], amount = 1): void {
    (this.tallies.get(id) as Tally).add(key(...by), amount);
  }

  /** Keeps what a decision added while it may still be undone; forgets decisions past the horizon. */
  private remember(decisionId: string, decision: RecentDecision): void {
    for (const [id, recent] of this.recentDecisions) {
      if (decision.at - recent.at < UNDO_HORIZON_MS) break;
      this.recentDecisions.delete(id);
    }
    this.recentDecisions.set(decisionId, decision);
  }

  private issue(grantId: string | null, pathway: Pathway, code: string, at: number, minutes: number | null): void {
    if (!grantId) return;
    this.grants.set(grantId, {
      pathway,
      issuedAt: at,
      messages: new Set(),
      messageCount: 0,
      reads: 0,
    });
    this.count('access.grants', [pathway, code]);
    if (pathway === 'break_glass') this.unreviewedBreakGlass.add(grantId);
    if (minutes !== null && pathway !== 'legal_request') this.minutesGranted.add(Math.round(minutes * 100));
  }

  /** A grant issued before the period: known only by what it did inside it. */
  private grant(grantId: string, pathway: Pathway): GrantState {
    let state = this.grants.get(grantId);
    if (!state) {
      state = {
        pathway,
        issuedAt: null,
        messages: new Set(),
        messageCount: 0,
        reads: 0,
      };
      this.grants.set(grantId, state);
    }
    return state;
  }

  private read(grantId: string, pathway: Pathway, conversationIds: Iterable<string>, messageKeys: string[]): void {
    const state = this.grant(grantId, pathway);
    if (messageKeys.length > 0) state.reads++;
    const seen = this.conversations.get(state.pathway) ?? new Set<string>();
    this.conversations.set(state.pathway, seen);
    for (const id of conversationIds) seen.add(id);
    for (const message of messageKeys) {
      if (state.messages.has(message)) continue;
      state.messages.add(message);
      state.messageCount++;
      this.count('access.messages_read', [state.pathway]);
    }
  }

  /** A grant's end: its figures are final, so only numbers are kept of it, never the grant. */
  private end(grantId: string | null, at: number): void {
    const state = grantId ? this.grants.get(grantId) : undefined;
    if (!grantId || !state) return;
    this.grants.delete(grantId);
    if (state.issuedAt === null) return;
    this.perGrant.add(state.messageCount * 100);
    this.used.add(hundredthsOf(at - state.issuedAt, MINUTE));
    if (state.reads === 0) this.count('access.grants_unused', [state.pathway]);
  }

  add(event: AuditRecord): void {
    if (event.seq > this.throughSeq || event.occurredAt < this.from || event.occurredAt >= this.to) return;
    if (!REPORT_ACTIONS.has(event.action) || event.outcome !== 'success') return;
    this.considered++;
    const details = object(event.details);
    const at = Date.parse(event.occurredAt);
    const targetId = event.target?.id ?? '';
    const code = text(details.justificationCode) ?? 'unknown';
    switch (event.action) {
      case 'access.requested': {
        this.count('access.requests_made', [code]);
        const minutes = number(details.durationMinutes);
        if (minutes !== null) this.minutesRequested.add(Math.round(minutes * 100));
        return;
      }
      case 'access.approved':
        this.count('access.requests_approved', [code]);
        if (details.narrowed === true || details.shortened === true) this.count('access.requests_narrowed', [code]);
        this.issue(event.grantId, 'user_report', code, at, number(details.durationMinutes));
        return;
      case 'access.denied':
        this.count('access.requests_denied', [code]);
        return;
      case 'access.cancelled':
        this.count('access.requests_lapsed');
        return;
      case 'access.expired':
        if (event.target?.type === 'access_request') this.count('access.requests_lapsed');
        else this.end(event.grantId, Date.parse(text(details.expiredAt) ?? event.occurredAt));
        return;
      case 'access.break_glass': {
        const minutes = number(details.durationMinutes);
        if (minutes !== null) this.minutesRequested.add(Math.round(minutes * 100));
        this.issue(event.grantId, 'break_glass', 'BREAK_GLASS', at, minutes);
        return;
      }
      case 'access.break_glass_reviewed': {
        this.count('access.break_glass_reviews', [text(details.outcome) ?? 'unknown']);
        if (event.grantId) this.unreviewedBreakGlass.delete(event.grantId);
        return;
      }
      case 'access.revoked':
        this.count('access.grants_revoked');
        this.end(event.grantId, at);
        return;
      case 'access.ended':
        this.end(event.grantId, at);
        return;
      case 'conversation.read': {
        if (!event.grantId) return;
        const pathway =
          (text(details.pathway) as Pathway | null) ?? this.grants.get(event.grantId)?.pathway ?? 'user_report';
        const ids = Array.isArray(details.messageIds) ? details.messageIds.filter((id) => typeof id === 'string') : [];
        this.read(event.grantId, pathway, ids.length > 0 ? [targetId] : [], ids as string[]);
        return;
      }
      case 'legal.read': {
        if (!event.grantId) return;
        const refs = Array.isArray(details.messageRefs) ? details.messageRefs : [];
        const pairs = refs.filter(
          (ref): ref is [string, string] =>
            Array.isArray(ref) && typeof ref[0] === 'string' && typeof ref[1] === 'string',
        );
        if (details.category === 'content') {
          this.read(
            event.grantId,
            'legal_request',
            new Set(pairs.map(([conversation]) => conversation)),
            pairs.map(([conversation, message]) => `${conversation}\u0001${message}`),
          );
        } else if (pairs.length > 0) this.grant(event.grantId, 'legal_request').reads++;
        return;
      }
      case 'access.notice':
        this.count('access.notices_sent', [text(details.pathway) ?? 'unknown']);
        return;
      case 'access.notice_deferred':
        this.count('access.notices_deferred', [text(details.pathway) ?? 'unknown'], number(details.participants) ?? 1);
        return;
      case 'legal.notice_decided':
        if (details.decision === 'defer') this.count('access.notices_deferred', ['legal_request']);
        if (details.decision === 'never') this.count('access.notices_never');
        return;
      case 'legal.recorded': {
        const authority = object(details.authority);
        const instrument = text(details.instrument) ?? 'unknown';
        const country = text(authority.country) ?? 'unknown';
        const targets = Array.isArray(details.targets) ? details.targets : [];
        const accounts = new Set(targets.map((target) => text(object(target).accountId)).filter(Boolean));
        const cell = [country, instrument];
        this.count('legal.requests_received', cell);
        this.count('legal.accounts_specified', cell, accounts.size);
        if (details.emergency === true) this.count('legal.emergency', cell);
        if (PRESERVATION_INSTRUMENTS.has(instrument)) this.count('legal.preservation', cell);
        if (text(details.nonDisclosureUntil)) this.count('legal.under_nondisclosure', cell);
        this.requests.set(targetId, {
          country,
          instrument,
          receivedAt: Date.parse(text(details.receivedAt) ?? event.occurredAt),
          acknowledgedAt: null,
          effectAt: null,
          narrowed: false,
          rejected: false,
          noData: false,
          producedSome: false,
          producedContent: false,
          preserved: new Set(),
        });
        this.issue(event.grantId, 'legal_request', 'LEGAL_REQUEST', at, null);
        return;
      }
      case 'legal.accepted':
      case 'legal.narrowed': {
        this.issue(event.grantId, 'legal_request', 'LEGAL_REQUEST', at, null);
        const request = this.requests.get(targetId);
        if (!request) return;
        if (event.action === 'legal.narrowed') request.narrowed = true;
        if (PRESERVATION_INSTRUMENTS.has(request.instrument)) request.effectAt ??= at;
        return;
      }
      case 'legal.acknowledged': {
        const request = this.requests.get(targetId);
        if (request) request.acknowledgedAt ??= at;
        return;
      }
      case 'legal.rejected':
      case 'legal.no_data': {
        const request = this.requests.get(targetId);
        if (request && event.action === 'legal.rejected') request.rejected = true;
        if (request && event.action === 'legal.no_data') request.noData = true;
        return;
      }
      case 'legal.produced': {
        const request = this.requests.get(targetId);
        if (!request) return;
        const categories = new Set(
          (Array.isArray(details.items) ? details.items : []).map((item) => text(object(item).category)),
        );
        categories.delete('order');
        request.producedSome ||= categories.size > 0;
        request.producedContent ||= categories.has('content');
        request.effectAt ??= at;
        return;
      }
      case 'hold.placed': {
        const request = this.requests.get(text(details.legalRequestId) ?? '');
        const account = text(details.targetId);
        if (request && account && details.targetType === 'account') request.preserved.add(account);
        return;
      }
      case 'intake.reports_received': {
        const counts = Array.isArray(details.counts) ? details.counts : [];
        for (const row of counts) {
          if (!Array.isArray(row)) continue;
          const [category, source, n] = row;
          if (typeof category === 'string' && typeof source === 'string' && number(n) !== null) {
            this.count('moderation.reports', [category, source], n as number);
          }
        }
        return;
      }
      case 'decision.recorded': {
        const action = text(details.action) ?? 'unknown';
        const counts: [FigureId, string[]][] = [
          ['moderation.decisions', [action]],
          ['moderation.decisions_by_ground', [text(object(details.statement).ground) ?? 'none']],
          ['moderation.decisions_by_policy', [text(details.policyCode) ?? 'none']],
        ];
        const sources = Array.isArray(details.sources) ? details.sources : [];
        if (sources.length > 0 && sources.every((source) => source === 'automated')) {
          counts.push(['moderation.own_initiative_decisions', [action]]);
        }
        for (const [id, by] of counts) this.count(id, by);
        const firstReportAt = text(details.firstReportAt);
        const hours =
          action !== 'escalate' && firstReportAt ? hundredthsOf(at - Date.parse(firstReportAt), HOUR) : null;
        if (hours !== null) this.hoursToDecision.add(hours);
        if (event.actor.id) this.reviewers.add(event.actor.id);
        this.remember(targetId, { at, counts, hours });
        return;
      }
      case 'decision.undone': {
        const undone = this.recentDecisions.get(targetId);
        if (!undone) return; // recorded before the period: it counts where it was recorded
        this.recentDecisions.delete(targetId);
        for (const [id, by] of undone.counts) this.count(id, by, -1);
        if (undone.hours !== null) this.hoursToDecision.add(undone.hours, -1);
        return;
      }
      case 'decision.effective':
        if (details.action !== 'suspend_account') return;
        this.count('moderation.suspensions');
        if ((number(details.priorStrikes) ?? 0) > 0) this.count('moderation.repeat_offender_suspensions');
        return;
      case 'appeal.received':
        this.count('moderation.appeals_received', [text(details.appellant) ?? 'unknown']);
        return;
      case 'appeal.decided': {
        this.count('moderation.appeals_decided', [text(details.outcome) ?? 'unknown']);
        const receivedAt = text(details.receivedAt);
        if (receivedAt) this.appealHours.add(hundredthsOf(at - Date.parse(receivedAt), HOUR));
        if (event.actor.id) this.reviewers.add(event.actor.id);
        return;
      }
    }
  }

  /** The raw figures (before suppression): counts by breakdown, and each statistic with its population. */
  result(): RawFigure[] {
    this.computed ??= this.compute();
    return this.computed;
  }

  private computed: RawFigure[] | undefined;

  private compute(): RawFigure[] {
    // Grants still open at the period's end count with what they read so far; they lasted no time yet that is known.
    const perGrant = this.perGrant;
    for (const grant of this.grants.values()) if (grant.issuedAt !== null) perGrant.add(grant.messageCount * 100);
    this.count('access.break_glass_unreviewed', [], this.unreviewedBreakGlass.size);
    for (const [pathway, ids] of this.conversations) this.count('access.conversations_read', [pathway], ids.size);

    const requests = [...this.requests.values()];
    const acknowledge = new Distribution();
    const effect = new Distribution();
    for (const request of requests) {
      const cell = [request.country, request.instrument];
      if (request.producedSome) this.count('legal.produced_some_data', cell);
      if (request.producedContent) this.count('legal.produced_content', cell);
      if (request.producedSome && !request.producedContent) this.count('legal.produced_non_content', cell);
      if (request.rejected) this.count('legal.rejected', cell);
      if (request.narrowed) this.count('legal.narrowed', cell);
      if (request.noData) this.count('legal.no_data', cell);
      if (request.preserved.size > 0) this.count('legal.accounts_preserved', cell, request.preserved.size);
      if (request.acknowledgedAt !== null)
        acknowledge.add(hundredthsOf(request.acknowledgedAt - request.receivedAt, HOUR));
      if (request.effectAt !== null) effect.add(hundredthsOf(request.effectAt - request.receivedAt, HOUR));
    }
    this.count('moderation.reviewers_active', [], this.reviewers.size);

    const total = (id: FigureId) => (this.tallies.get(id) as Tally).total();
    const received = total('legal.requests_received');
    const stats: Partial<Record<FigureId, Statistic>> = {
      'access.messages_per_grant_median': middle(perGrant),
      'access.messages_per_grant_p90': stat(perGrant.percentile(90), perGrant.size),
      'access.minutes_requested_median': middle(this.minutesRequested),
      'access.minutes_granted_median': middle(this.minutesGranted),
      'access.minutes_used_median': middle(this.used),
      'legal.share_some_data': share(total('legal.produced_some_data'), received),
      'legal.share_content': share(total('legal.produced_content'), received),
      'legal.share_nondisclosure': share(total('legal.under_nondisclosure'), received),
      'legal.hours_to_acknowledge_median': middle(acknowledge),
      'legal.hours_to_effect_median': middle(effect),
      'moderation.hours_to_decision_median': middle(this.hoursToDecision),
      'moderation.appeal_hours_median': middle(this.appealHours),
    };

    const figures: RawFigure[] = [];
    for (const definition of FIGURES) {
      const statistic = stats[definition.id];
      if (definition.unit !== 'count') {
        figures.push({
          id: definition.id,
          by: {},
          kind: 'statistic',
          ...(statistic ?? { value: null, population: 0 }),
        });
        continue;
      }
      const tally = this.tallies.get(definition.id) as Tally;
      if (definition.by.length === 0) {
        figures.push({ id: definition.id, by: {}, kind: 'count', value: tally.get(''), population: 0 });
        continue;
      }
      const rows = [...tally.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [joined, value] of rows) {
        const values = joined.split('\u0001');
        const by = Object.fromEntries(definition.by.map((dimension, index) => [dimension, values[index] ?? '']));
        figures.push({ id: definition.id, by, kind: 'count', value, population: 0 });
      }
    }
    return figures;
  }
}

interface Statistic {
  value: number | null;
  /** How many items the statistic is over; for a share, its numerator is `numerator`. */
  population: number;
  numerator?: number;
}

export interface RawFigure extends Statistic {
  id: FigureId;
  by: Record<string, string>;
  kind: 'count' | 'statistic';
}

const stat = (value: number | null, population: number): Statistic => ({
  value: value === null ? null : round(value, 2),
  population,
});

const middle = (values: Distribution): Statistic => stat(values.median(), values.size);

function share(numerator: number, denominator: number): Statistic {
  return { value: denominator === 0 ? null : round(numerator / denominator, 4), population: denominator, numerator };
}

/**
 * The output step: a count from 1 to threshold − 1 is shown only as that range; a statistic over
 * fewer than threshold items (or a share whose numerator is such a count) is withheld.
 */
export function suppress(figures: RawFigure[], threshold: number): ReportFigure[] {
  return figures.map(({ id, by, kind, value, population, numerator }) => {
    if (kind === 'count') {
      const count = value as number;
      return count > 0 && count < threshold
        ? { id, by, status: 'suppressed', value: null, range: { min: 1, max: threshold - 1 } }
        : { id, by, status: 'exact', value: count, range: null };
    }
    if (value === null || population === 0) return { id, by, status: 'no_data', value: null, range: null };
    const small = population < threshold || (numerator !== undefined && numerator > 0 && numerator < threshold);
    return small
      ? { id, by, status: 'suppressed', value: null, range: null }
      : { id, by, status: 'exact', value, range: null };
  });
}
