import type { ColumnType, Generated, Selectable } from 'kysely';

export type JobOutcome = 'done' | 'failed';

export interface JobTable {
  id: ColumnType<string, never, never>;
  name: string;
  key: string;
  payload: ColumnType<unknown, string | undefined, string>;
  run_at: ColumnType<Date, Date | undefined, Date>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  locked_by: string | null;
  last_error: string | null;
  finished_at: Date | null;
  outcome: JobOutcome | null;
  created_at: Generated<Date>;
}
export type JobRow = Selectable<JobTable>;
