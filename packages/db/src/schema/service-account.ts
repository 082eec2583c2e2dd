import type { Generated, Selectable } from 'kysely';

export interface ServiceAccountTable {
  id: Generated<string>;
  name: string;
  key_id: string;
  secret_sealed: Buffer;
  kek_version: number;
  disabled_at: Date | null;
  last_used_at: Date | null;
  created_at: Generated<Date>;
}
export type ServiceAccountRow = Selectable<ServiceAccountTable>;

export interface ServiceRequestSignatureTable {
  signature: Buffer;
  service_account_id: string;
  received_at: Generated<Date>;
}
