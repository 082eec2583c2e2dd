import type { Generated, Selectable } from 'kysely';

export interface PlatformAccountTable {
  id: string;
  handle: string;
  age_band: 'minor' | 'adult' | 'unknown';
  platform_created_at: Date | null;
  first_seen_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type PlatformAccountRow = Selectable<PlatformAccountTable>;
