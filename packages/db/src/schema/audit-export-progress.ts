import type { ColumnType, Generated } from 'kysely';

/** How far one export to disk has got, for the page that started it (it never sees the bytes). */
export interface AuditExportProgressTable {
  id: string;
  staff_id: string;
  lines_total: ColumnType<string | null, number | null | undefined, number | null>;
  lines_sent: ColumnType<string, number | undefined, number>;
  bytes_sent: ColumnType<string, number | undefined, number>;
  status: Generated<'running' | 'done' | 'failed'>;
  /** Why it failed, as the problem the client would have read ({status, title, detail}); never content. */
  problem: ColumnType<{ status: number; title: string; detail: string } | null, string | null, string | null>;
  started_at: Generated<Date>;
  updated_at: Generated<Date>;
}
