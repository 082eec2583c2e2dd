import type { Generated, Selectable } from 'kysely';

export type AppealOutcome = 'upheld' | 'reversed' | 'partly_reversed';

export interface AppealTable {
  id: Generated<string>;
  service_account_id: string;
  external_id: string;
  payload_hash: Buffer;
  original_decision_id: string;
  appellant: 'affected_user' | 'reporter';
  appellant_account_id: string;
  case_id: string;
  submitted_at: Date;
  received_at: Generated<Date>;
}
export type AppealRow = Selectable<AppealTable>;

export interface AppealDecisionTable {
  appeal_id: string;
  outcome: AppealOutcome;
  public_reason: string;
  internal_note: string;
  decided_by: string;
  decided_at: Generated<Date>;
}
export type AppealDecisionRow = Selectable<AppealDecisionTable>;
