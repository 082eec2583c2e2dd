import type { ColumnType, Generated, Selectable } from 'kysely';

export interface CaseTable {
  id: Generated<string>;
  conversation_id: string;
  queue_id: string;
  /** 'appeal': opened by an appeal against another case's decision (ADR 030). */
  kind: Generated<'report' | 'appeal'>;
  status: Generated<'open' | 'awaiting_confirmation' | 'decided'>;
  category: string;
  urgent: boolean;
  involves_minor: boolean;
  report_count: number;
  priority: ColumnType<number, never, never>;
  opened_at: Generated<Date>;
  last_report_at: Generated<Date>;
  sla_due_at: Date;
  decided_at: Date | null;
  assignee_id: string | null;
  lease_expires_at: Date | null;
  claimed_at: Date | null;
}
export type CaseRow = Selectable<CaseTable>;
