import type { Generated, Selectable } from 'kysely';

export interface DecisionTable {
  id: Generated<string>;
  case_id: string;
  action: string;
  policy_code: string;
  rationale: string;
  decided_by: string;
  grant_id: string | null;
  requires_confirmation: boolean;
  decided_at: Generated<Date>;
}
export type DecisionRow = Selectable<DecisionTable>;

export interface DecisionConfirmationTable {
  decision_id: string;
  outcome: 'confirmed' | 'rejected';
  confirmed_by: string;
  reason: string | null;
  confirmed_at: Generated<Date>;
}
