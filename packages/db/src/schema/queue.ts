import type { Generated, Selectable } from 'kysely';

export interface QueueTable {
  id: string;
  name: string;
  categories: string[];
  sla_minutes: number;
  position: number;
  required_role: Generated<'reviewer' | 'supervisor'>;
  created_at: Generated<Date>;
}
export type QueueRow = Selectable<QueueTable>;
