import { type Kysely, sql } from 'kysely';

// Legal requests (DESIGN §11, ADR 032). The database holds the rules a careless or malicious
// caller could otherwise skip: the lifecycle's steps, two people for a decision, a narrowing that
// only shrinks, a scope fixed once issued, and a legal grant only for an accepted request's
// assigned officer. Grants now say what they stand on (`basis`); LEGAL_REQUEST is no longer a code
// a case request may carry.

const STATUSES = `'received','acknowledged','under_review','accepted','narrowed','rejected','no_data','produced','closed'`;
const INSTRUMENTS = `'subpoena','court_order_records','search_warrant','emergency_disclosure','preservation_request',
  'mlat_cloud_act','eu_production_order','eu_preservation_order','dsa_art9_order','dsa_art10_order','civil','other'`;

// `from>to`; the emergency steps (straight to produced) are allowed only on an emergency request.
const STEPS = [
  'received>acknowledged',
  'received>under_review',
  'received>rejected',
  'received>no_data',
  'acknowledged>under_review',
  'acknowledged>rejected',
  'acknowledged>no_data',
  'under_review>accepted',
  'under_review>narrowed',
  'under_review>rejected',
  'under_review>no_data',
  'accepted>produced',
  'accepted>no_data',
  'narrowed>produced',
  'narrowed>no_data',
  'produced>closed',
  'rejected>closed',
  'no_data>closed',
];
const EMERGENCY_STEPS = ['received>produced', 'acknowledged>produced', 'under_review>produced'];
const list = (steps: string[]) => sql.raw(`array[${steps.map((s) => `'${s}'`).join(',')}]::text[]`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`create table legal_request (
    id uuid primary key default gen_random_uuid(),
    reference text,
    channel text not null check (channel in ('email','portal','post','fax','phone','in_person')),
    received_at timestamptz not null,
    authority_name text not null,
    authority_type text not null check (authority_type in ('court','prosecutor','police','regulator')),
    authority_country text not null check (authority_country ~ '^[A-Z]{2}$'),
    officer_contact text not null,
    instrument text not null check (instrument in (${INSTRUMENTS})),
    legal_basis text not null,
    offence_category text not null,
    acknowledge_by timestamptz,
    effect_by timestamptz,
    reporting_required boolean not null default false,
    effect_reported_at timestamptz,
    nondisclosure_statute text,
    nondisclosure_until timestamptz,
    emergency boolean not null default false,
    emergency_facts text,
    emergency_attestation text,
    emergency_reviewed_by uuid references staff_user(id),
    emergency_reviewed_at timestamptz,
    emergency_review_outcome text check (emergency_review_outcome in ('justified','unjustified')),
    emergency_review_note text,
    status text not null default 'received' check (status in (${STATUSES})),
    recorded_by uuid not null references staff_user(id),
    recorded_at timestamptz not null default now(),
    assigned_to uuid not null references staff_user(id),
    decided_by uuid references staff_user(id),
    decided_at timestamptz,
    decision_note text,
    rejection_ground text check (rejection_ground in ('invalid','overbroad')),
    produced_by uuid references staff_user(id),
    produced_at timestamptz,
    manifest_sha256 text check (manifest_sha256 ~ '^[0-9a-f]{64}$'),
    closed_at timestamptz,
    document_name text,
    document_media_type text,
    document_sha256 text check (document_sha256 ~ '^[0-9a-f]{64}$'),
    document_bytes integer,
    document_dek_wrapped bytea,
    document_kek_version integer,
    document_sealed bytea,
    -- Two people: whoever accepts, narrows or rejects an order is never who recorded it.
    constraint legal_request_second_officer check (decided_by is null or decided_by <> recorded_by),
    constraint legal_request_decided check (status not in ('accepted','narrowed','rejected') or decided_by is not null),
    constraint legal_request_rejection_ground check (
      (status = 'rejected') <= (rejection_ground is not null) and (rejection_ground is null or decided_by is not null)),
    -- Produced under a decision, or at once in an emergency that a second officer then reviews.
    constraint legal_request_produced_under_decision check (
      produced_at is null or emergency or decided_by is not null),
    constraint legal_request_production_recorded check (
      (status = 'produced') <= (produced_at is not null and manifest_sha256 is not null)),
    constraint legal_request_emergency_facts check (
      not emergency or (emergency_facts is not null and emergency_attestation is not null)),
    constraint legal_request_emergency_review_second check (
      emergency_reviewed_by is null or (emergency and emergency_reviewed_by <> recorded_by
        and emergency_reviewed_by is distinct from produced_by)),
    constraint legal_request_nondisclosure check ((nondisclosure_statute is null) = (nondisclosure_until is null)),
    constraint legal_request_document check (
      (document_sealed is null) = (document_sha256 is null)
      and (document_sealed is null) = (document_dek_wrapped is null))
  )`)
    .execute(db);
  await sql`create index legal_request_open_idx on legal_request (status, effect_by) where status <> 'closed'`.execute(
    db,
  );

  await sql`create function legal_request_step() returns trigger language plpgsql as $$
    begin
      if new.recorded_by <> old.recorded_by or new.instrument <> old.instrument or new.emergency <> old.emergency
        or new.received_at <> old.received_at then
        raise exception 'legal_request: who recorded it, its instrument, emergency and receipt are fixed'
          using errcode = 'check_violation';
      end if;
      if new.status <> old.status
        and not ((old.status || '>' || new.status) = any (${list(STEPS)})
          or (new.emergency and (old.status || '>' || new.status) = any (${list(EMERGENCY_STEPS)}))) then
        raise exception 'legal_request: % to % is not a step', old.status, new.status using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger legal_request_step before update on legal_request
    for each row execute function legal_request_step()`.execute(db);

  await sql`create table legal_target (
    request_id uuid not null references legal_request(id),
    account_id text not null,
    from_at timestamptz not null,
    until_at timestamptz not null,
    categories text[] not null,
    scope_from timestamptz,
    scope_until timestamptz,
    scope_categories text[],
    primary key (request_id, account_id),
    check (from_at < until_at),
    check (cardinality(categories) > 0 and categories <@ array['subscriber','metadata','content']),
    constraint legal_target_scope_whole check (
      (scope_from is null) = (scope_until is null) and (scope_from is null) = (scope_categories is null)),
    -- A narrowing can only shrink: the scope lies inside the range and categories asked for.
    constraint legal_target_scope_inside check (scope_from is null or (
      scope_from >= from_at and scope_until <= until_at and scope_from < scope_until
      and scope_categories <@ categories))
  )`.execute(db);
  // The order as received never changes, targets join only before a decision, and a scope once
  // issued is fixed (DESIGN §13): a later update cannot widen what the second officer accepted.
  await sql`create function legal_target_fixed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'legal_target: targets are never deleted' using errcode = 'check_violation';
      end if;
      if tg_op = 'INSERT' then
        if not exists (select 1 from legal_request l where l.id = new.request_id
            and l.status in ('received','acknowledged','under_review')) then
          raise exception 'legal_target: targets join a request only before it is decided' using errcode = 'check_violation';
        end if;
        return new;
      end if;
      if new.request_id <> old.request_id or new.account_id <> old.account_id or new.from_at <> old.from_at
        or new.until_at <> old.until_at or new.categories <> old.categories then
        raise exception 'legal_target: what the order asked for is fixed' using errcode = 'check_violation';
      end if;
      if old.scope_from is not null and (new.scope_from is distinct from old.scope_from
          or new.scope_until is distinct from old.scope_until
          or new.scope_categories is distinct from old.scope_categories) then
        raise exception 'legal_target: a scope is fixed once issued' using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger legal_target_fixed before insert or update or delete on legal_target
    for each row execute function legal_target_fixed()`.execute(db);
  // Legal reads look up a target's conversations by participant.
  await sql`create index conversation_participants_idx on conversation using gin (participant_ids)`.execute(db);

  // Notice to the people concerned: one decision per target, committed in the log when made.
  await sql`create table legal_notice (
    request_id uuid not null references legal_request(id),
    account_id text not null,
    decision text not null check (decision in ('notify','defer','never')),
    defer_until timestamptz,
    reason text,
    nonce text not null,
    commitment text not null check (commitment ~ '^[0-9a-f]{64}$'),
    decided_by uuid not null references staff_user(id),
    decided_at timestamptz not null default now(),
    sent_at timestamptz,
    primary key (request_id, account_id),
    foreign key (request_id, account_id) references legal_target(request_id, account_id),
    check ((decision = 'never') = (reason is not null)),
    check (decision <> 'never' or sent_at is null)
  )`.execute(db);

  // Grants say what they stand on. A legal grant belongs to a request, not to a case.
  await sql`alter table access_grant add column legal_request_id uuid references legal_request(id)`.execute(db);
  await sql`alter table access_grant alter column case_id drop not null, alter column conversation_id drop not null`.execute(
    db,
  );
  await sql`alter table access_grant add column basis text generated always as (
    case when legal_request_id is not null then 'legal_request' when break_glass then 'break_glass' else 'case' end
  ) stored`.execute(db);
  await sql`alter table access_grant add constraint access_grant_basis check (
    (legal_request_id is null) = (case_id is not null) and (case_id is null) = (conversation_id is null)
    and not (legal_request_id is not null and (break_glass or request_id is not null)))`.execute(db);
  await sql`create index access_grant_legal_idx on access_grant (legal_request_id) where legal_request_id is not null`.execute(
    db,
  );
  await sql`alter table access_grant drop constraint access_grant_end_reason_check`.execute(db);
  await sql`alter table access_grant add constraint access_grant_end_reason_check
    check (end_reason in ('decided','escalated','released','reassigned','taken_over','lease_lapsed','expired',
      'produced','rejected','no_data','closed'))`.execute(db);
  await sql`create function access_grant_legal_basis() returns trigger language plpgsql as $$
    begin
      if new.legal_request_id is not null and not exists (
        select 1 from legal_request l join staff_user u on u.id = l.assigned_to
        where l.id = new.legal_request_id and l.assigned_to = new.grantee_id
          and 'legal' = any (u.roles) and u.disabled_at is null
          and (l.status in ('accepted','narrowed')
            or (l.emergency and l.status in ('received','acknowledged','under_review')))) then
        raise exception 'access_grant: a legal grant names an accepted request and goes to its assigned legal officer'
          using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger access_grant_legal_basis before insert or update of legal_request_id, grantee_id
    on access_grant for each row execute function access_grant_legal_basis()`.execute(db);
  // Not valid: requests already filed stay as history; no new one may carry the code.
  await sql`alter table access_request add constraint access_request_not_legal
    check (justification_code <> 'LEGAL_REQUEST') not valid`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table access_request drop constraint access_request_not_legal`.execute(db);
  await sql`drop trigger access_grant_legal_basis on access_grant`.execute(db);
  await sql`drop function access_grant_legal_basis()`.execute(db);
  await sql`delete from access_grant where legal_request_id is not null`.execute(db);
  await sql`alter table access_grant drop constraint access_grant_end_reason_check`.execute(db);
  await sql`update access_grant set ended_at = null, end_reason = null
    where end_reason in ('produced','rejected','no_data','closed')`.execute(db);
  await sql`alter table access_grant add constraint access_grant_end_reason_check
    check (end_reason in ('decided','escalated','released','reassigned','taken_over','lease_lapsed','expired'))`.execute(
    db,
  );
  await sql`alter table access_grant drop constraint access_grant_basis`.execute(db);
  await sql`alter table access_grant drop column basis`.execute(db);
  await sql`alter table access_grant drop column legal_request_id`.execute(db);
  await sql`alter table access_grant alter column case_id set not null, alter column conversation_id set not null`.execute(
    db,
  );
  await sql`drop table legal_notice`.execute(db);
  await sql`drop index conversation_participants_idx`.execute(db);
  await sql`drop table legal_target`.execute(db);
  await sql`drop function legal_target_fixed()`.execute(db);
  await sql`drop table legal_request`.execute(db);
  await sql`drop function legal_request_step()`.execute(db);
}
