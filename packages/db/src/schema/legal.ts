import type { ColumnType, Generated, Selectable } from 'kysely';

export type LegalStatusColumn =
  | 'received'
  | 'acknowledged'
  | 'under_review'
  | 'accepted'
  | 'narrowed'
  | 'rejected'
  | 'no_data'
  | 'produced'
  | 'closed';

/** An authority's order as recorded, its decision, production and emergency review (ADR 032). */
export interface LegalRequestTable {
  id: Generated<string>;
  reference: string | null;
  channel: 'email' | 'portal' | 'post' | 'fax' | 'phone' | 'in_person';
  received_at: Date;
  authority_name: string;
  authority_type: 'court' | 'prosecutor' | 'police' | 'regulator';
  authority_country: string;
  officer_contact: string;
  instrument: string;
  legal_basis: string;
  offence_category: string;
  acknowledge_by: Date | null;
  effect_by: Date | null;
  reporting_required: Generated<boolean>;
  effect_reported_at: Date | null;
  nondisclosure_statute: string | null;
  nondisclosure_until: Date | null;
  emergency: Generated<boolean>;
  emergency_facts: string | null;
  emergency_attestation: string | null;
  emergency_reviewed_by: string | null;
  emergency_reviewed_at: Date | null;
  emergency_review_outcome: 'justified' | 'unjustified' | null;
  emergency_review_note: string | null;
  status: Generated<LegalStatusColumn>;
  recorded_by: string;
  recorded_at: Generated<Date>;
  assigned_to: string;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  rejection_ground: 'invalid' | 'overbroad' | null;
  produced_by: string | null;
  produced_at: Date | null;
  manifest_sha256: string | null;
  closed_at: Date | null;
  document_name: string | null;
  document_media_type: string | null;
  document_sha256: string | null;
  document_bytes: number | null;
  document_dek_wrapped: Buffer | null;
  document_kek_version: number | null;
  document_sealed: Buffer | null;
}
export type LegalRequestRow = Selectable<LegalRequestTable>;

/** One account an order names; `scope_*` is what was accepted (inside what was asked), fixed once set. */
export interface LegalTargetTable {
  request_id: string;
  account_id: string;
  from_at: Date;
  until_at: Date;
  categories: string[];
  scope_from: Date | null;
  scope_until: Date | null;
  scope_categories: string[] | null;
}
export type LegalTargetRow = Selectable<LegalTargetTable>;

/** The notice decision for one target: its commitment (sha256) is logged when it is made. */
export interface LegalNoticeTable {
  request_id: string;
  account_id: string;
  decision: 'notify' | 'defer' | 'never';
  defer_until: Date | null;
  reason: string | null;
  nonce: string;
  commitment: string;
  decided_by: string;
  decided_at: Generated<Date>;
  sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
export type LegalNoticeRow = Selectable<LegalNoticeTable>;
