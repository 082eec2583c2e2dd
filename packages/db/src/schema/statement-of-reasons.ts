import type { Generated, Selectable } from 'kysely';

/** One per restricting decision; never updated (ADR 028). */
export interface StatementOfReasonsTable {
  decision_id: string;
  ground: 'illegal' | 'terms';
  legal_ground: string | null;
  legal_explanation: string | null;
  terms_url: string | null;
  also_illegal: Generated<boolean>;
  category: string;
  /** Written for the affected user; the decision's rationale is the staff-only note. */
  public_reason: string;
  restriction: string;
  ends_at: Date | null;
  territorial_scope: string[];
  automated_detection: boolean;
  automated_decision: 'fully' | 'partially' | 'not_automated';
  source: 'article_16_notice' | 'other_notification' | 'voluntary';
  appeal_until: Date;
  created_at: Generated<Date>;
}
export type StatementOfReasonsRow = Selectable<StatementOfReasonsTable>;
