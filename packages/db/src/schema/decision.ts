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
  /** Until when its decider may undo it; its effects begin no earlier (ADR 043). */
  undo_until: Generated<Date>;
  /** The queue it was decided in, where an undo puts the case back. */
  queue_id: string | null;
}
export type DecisionRow = Selectable<DecisionTable>;

export interface DecisionConfirmationTable {
  decision_id: string;
  outcome: 'confirmed' | 'rejected';
  confirmed_by: string;
  reason: string | null;
  confirmed_at: Generated<Date>;
}

export interface DecisionUndoTable {
  decision_id: string;
  undone_by: string;
  undone_at: Generated<Date>;
}

export interface DecisionEffectTable {
  decision_id: string;
  took_effect_at: Generated<Date>;
}
