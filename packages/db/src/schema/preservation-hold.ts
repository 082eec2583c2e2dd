import type { Generated, Selectable } from 'kysely';

/** A preservation hold (ADR 031): while live, retention never destroys what it covers. */
export interface PreservationHoldTable {
  id: Generated<string>;
  target_type: 'account' | 'conversation';
  target_id: string;
  reason: string;
  legal_request_id: string | null;
  placed_by: string;
  placed_at: Generated<Date>;
  expires_at: Date;
  extended_at: Date | null;
  released_at: Date | null;
  released_by: string | null;
  release_reason: string | null;
  expiry_recorded_at: Date | null;
}
export type PreservationHoldRow = Selectable<PreservationHoldTable>;
