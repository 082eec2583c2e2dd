import type { Generated, Selectable } from 'kysely';

/** One queue's counts at one interval slot, recorded by the dashboard's snapshot job. */
export interface QueueSnapshotTable {
  slot_at: Date;
  queue_id: string;
  open_cases: number;
  in_review: number;
  sla_breached: number;
  oldest_opened_at: Date | null;
  taken_at: Generated<Date>;
}
export type QueueSnapshotRow = Selectable<QueueSnapshotTable>;
