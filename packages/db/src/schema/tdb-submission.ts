import type { Generated, Selectable } from 'kysely';

/** One statement of reasons on its way to the EU Transparency Database (ADR 036). */
export interface TdbSubmissionTable {
  decision_id: string;
  puid: string;
  status: Generated<'pending' | 'accepted' | 'rejected'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  leased_until: Date | null;
  last_attempt_at: Date | null;
  /** Why the last attempt did not land: the database's message, or the transport's. */
  last_error: string | null;
  /** The database validator's errors for this statement, field → messages (rejected ones). */
  errors: Record<string, string[]> | null;
  /** How many personal identifiers were taken out of the free text before it was sent. */
  redactions: Generated<number>;
  tdb_uuid: string | null;
  accepted_at: Date | null;
  created_at: Generated<Date>;
}
export type TdbSubmissionRow = Selectable<TdbSubmissionTable>;
