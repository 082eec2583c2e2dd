/**
 * The payloads of the events told to the platform about an account (README "Outbound events").
 * Ids, codes, dates and counts, and the statement's user-facing fields: never the internal note,
 * never a member of staff, never message content.
 */
import type { DecisionAction, PublishedCheckpoint, StatementOfReasons } from '@docket/contracts';

export interface DecisionEffective {
  accountId: string;
  caseId: string;
  decisionId: string;
  action: DecisionAction;
  policyCode: string;
  effectiveAt: string;
  /** Restricting decisions carry one (DSA Art. 17): all of it is written for the user; the rest, null. */
  statement: StatementOfReasons | null;
}

export interface CaseClosed {
  accountId: string;
  caseId: string;
  decisionId: string;
  action: DecisionAction;
  closedAt: string;
}

export type ReadPathway = 'user_report' | 'break_glass';

export interface AccessNotice {
  accountId: string;
  grantId: string;
  caseId: string;
  pathway: ReadPathway;
  /** The approved request's justification code; break-glass has none but its pathway. */
  justificationCode: string | null;
  scope: 'reported_context' | 'time_window' | 'full_conversation';
  /** The UTC days on which messages were read, ascending. */
  readDates: string[];
  messagesRead: number;
}

/**
 * A target of a legal request told of it (ADR 032): the pathway, the authority's type and country,
 * the instrument and the data categories disclosed. Never the officers, never what was disclosed.
 */
export interface LegalAccessNotice {
  accountId: string;
  legalRequestId: string;
  pathway: 'legal_request';
  justificationCode: 'LEGAL_REQUEST';
  authority: { type: string; country: string };
  instrument: string;
  dataCategories: string[];
  /** When the disclosure was produced. */
  disclosedAt: string;
}

/** What the appellant was told: the public reason, never the reviewer's internal note. */
export interface AppealDecided {
  accountId: string;
  appealId: string;
  docketAppealId: string;
  decisionId: string;
  outcome: 'upheld' | 'reversed' | 'partly_reversed';
  publicReason: string;
}

export interface OutboundData {
  /** Not about an account: the chain's newest signed head, for the platform to keep (ADR 037). */
  'audit.checkpoint_sent': PublishedCheckpoint;
  'appeal.decided': AppealDecided;
  'decision.effective': DecisionEffective;
  'case.closed': CaseClosed;
  'access.notice': AccessNotice | LegalAccessNotice;
}
