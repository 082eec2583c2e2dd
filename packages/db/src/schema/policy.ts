import type { Generated, Selectable } from 'kysely';

export interface PolicyTable {
  code: string;
  title: string;
  description: Generated<string>;
  active: Generated<boolean>;
  dsa_category: string | null;
  terms_url: string | null;
  /** Case categories it may be cited for; empty: every category. */
  categories: Generated<string[]>;
  /** False for the policy a "no violation" decision cites. */
  violation: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type PolicyRow = Selectable<PolicyTable>;
