/**
 * Legal requests as a legal officer records them (DESIGN §11, ADR 032): the authority, the
 * instrument and its basis, the targets with their ranges and data categories, deadlines, any
 * non-disclosure order, any emergency, and the order document — stored only encrypted.
 */
import { randomUUID } from 'node:crypto';
import {
  type AuditEvent,
  instrumentReaches,
  type LegalRequest,
  type LegalRequestSummary,
  type RecordLegalRequestBody,
} from '@docket/contracts';
import type { Database, LegalRequestRow } from '@docket/db';
import { type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { selectAuditEvents, toAuditEvent } from '../audit/search';
import type { Keyring } from '../encryption/keyring';
import { AppError } from '../http/problem';
import { sealOrderDocument } from './document';
import { issueLegalGrant } from './grants';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function recordLegalRequest(
  ctx: ActionContext,
  keyring: Keyring,
  officerId: string,
  body: RecordLegalRequestBody,
): Promise<LegalRequest> {
  const { trx } = ctx;
  const accounts = body.targets.map((target) => target.accountId);
  const twice = accounts.findIndex((account, index) => accounts.indexOf(account) !== index);
  if (twice >= 0) {
    throw new AppError('invalid', 'Each account is a target once.', {
      errors: [{ field: `targets.${twice}.accountId`, message: 'named twice' }],
    });
  }
  const id = randomUUID();
  const document = body.document ? Buffer.from(body.document.data, 'base64') : null;
  await trx
    .insertInto('legal_request')
    .values({
      id,
      reference: body.reference ?? null,
      channel: body.channel,
      received_at: new Date(body.receivedAt),
      authority_name: body.authority.name,
      authority_type: body.authority.type,
      authority_country: body.authority.country,
      officer_contact: body.officerContact,
      instrument: body.instrument,
      legal_basis: body.legalBasis,
      offence_category: body.offenceCategory,
      acknowledge_by: body.acknowledgeBy ? new Date(body.acknowledgeBy) : null,
      effect_by: body.effectBy ? new Date(body.effectBy) : null,
      reporting_required: body.reportingRequired,
      nondisclosure_statute: body.nonDisclosure?.statute ?? null,
      nondisclosure_until: body.nonDisclosure ? new Date(body.nonDisclosure.until) : null,
      emergency: Boolean(body.emergency),
      emergency_facts: body.emergency?.facts ?? null,
      emergency_attestation: body.emergency?.attestation ?? null,
      recorded_by: officerId,
      assigned_to: officerId,
      ...(document && body.document
        ? {
            document_name: body.document.name,
            document_media_type: body.document.mediaType,
            ...sealOrderDocument(keyring, id, document),
          }
        : {}),
    })
    .execute();
  await trx
    .insertInto('legal_target')
    .values(
      body.targets.map((target) => ({
        request_id: id,
        account_id: target.accountId,
        from_at: new Date(target.from),
        until_at: new Date(target.until),
        categories: target.categories,
        // An emergency is produced at once, within what was asked; a second officer reviews it after.
        ...(body.emergency && {
          scope_from: new Date(target.from),
          scope_until: new Date(target.until),
          scope_categories: target.categories.filter((category) => instrumentReaches(body.instrument, category)),
        }),
      })),
    )
    .execute();
  const grantId = body.emergency ? await issueLegalGrant(trx, id) : null;
  const stored = await trx
    .selectFrom('legal_request')
    .select('document_sha256')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await ctx.emit({
    action: 'legal.recorded',
    target: { type: 'legal_request', id },
    ...(grantId && { grantId }),
    details: {
      instrument: body.instrument,
      receivedAt: new Date(body.receivedAt).toISOString(),
      authority: { type: body.authority.type, country: body.authority.country },
      targets: body.targets.map(({ accountId, from, until, categories }) => ({ accountId, from, until, categories })),
      emergency: Boolean(body.emergency),
      nonDisclosureUntil: body.nonDisclosure?.until ?? null,
      // The order itself is stored encrypted; the log keeps its fingerprint.
      documentSha256: stored.document_sha256,
    },
  });
  return getLegalRequest(trx, id);
}

export async function lockLegalRequest(ctx: ActionContext, id: string): Promise<LegalRequestRow> {
  const row = await ctx.trx.selectFrom('legal_request').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No legal request with that id.');
  return row;
}

function person(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('staff_user')
    .select(['id', 'username', 'display_name as displayName'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function getLegalRequest(db: Kysely<Database>, id: string): Promise<LegalRequest> {
  const row = await db.selectFrom('legal_request').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No legal request with that id.');
  const [targets, notices, grant, recordedBy, assignedTo] = await Promise.all([
    db.selectFrom('legal_target').selectAll().where('request_id', '=', id).orderBy('account_id').execute(),
    db.selectFrom('legal_notice').selectAll().where('request_id', '=', id).execute(),
    db
      .selectFrom('access_grant as g')
      .select(['g.id', 'g.expires_at', 'g.end_reason', 'g.revoked_at'])
      .select(sql<boolean>`g.ended_at is null and g.revoked_at is null and g.expires_at > now()`.as('live'))
      .where('g.legal_request_id', '=', id)
      .orderBy('g.starts_at', 'desc')
      .executeTakeFirst(),
    person(db, row.recorded_by),
    person(db, row.assigned_to),
  ]);
  return {
    id: row.id,
    reference: row.reference,
    channel: row.channel,
    receivedAt: row.received_at.toISOString(),
    authority: { name: row.authority_name, type: row.authority_type, country: row.authority_country },
    officerContact: row.officer_contact,
    instrument: row.instrument as LegalRequest['instrument'],
    legalBasis: row.legal_basis,
    offenceCategory: row.offence_category,
    status: row.status,
    acknowledgeBy: iso(row.acknowledge_by),
    effectBy: iso(row.effect_by),
    reportingRequired: row.reporting_required,
    effectReportedAt: iso(row.effect_reported_at),
    nonDisclosure:
      row.nondisclosure_statute && row.nondisclosure_until
        ? { statute: row.nondisclosure_statute, until: row.nondisclosure_until.toISOString() }
        : null,
    emergency:
      row.emergency && row.emergency_facts && row.emergency_attestation
        ? {
            facts: row.emergency_facts,
            attestation: row.emergency_attestation,
            review:
              row.emergency_review_outcome && row.emergency_reviewed_by && row.emergency_reviewed_at
                ? {
                    outcome: row.emergency_review_outcome,
                    by: row.emergency_reviewed_by,
                    at: row.emergency_reviewed_at.toISOString(),
                    note: row.emergency_review_note,
                  }
                : null,
          }
        : null,
    document:
      row.document_name && row.document_media_type && row.document_sha256 && row.document_bytes !== null
        ? {
            name: row.document_name,
            mediaType: row.document_media_type,
            sha256: row.document_sha256,
            bytes: row.document_bytes,
          }
        : null,
    recordedBy,
    recordedAt: row.recorded_at.toISOString(),
    assignedTo,
    decision:
      row.decided_by && row.decided_at
        ? {
            by: row.decided_by,
            at: row.decided_at.toISOString(),
            note: row.decision_note,
            ground: row.rejection_ground,
          }
        : null,
    production:
      row.produced_by && row.produced_at && row.manifest_sha256
        ? { by: row.produced_by, at: row.produced_at.toISOString(), manifestSha256: row.manifest_sha256 }
        : null,
    grant: grant
      ? { id: grant.id, expiresAt: grant.expires_at.toISOString(), live: grant.live, endReason: grant.end_reason }
      : null,
    targets: targets.map((target) => {
      const notice = notices.find((each) => each.account_id === target.account_id);
      return {
        accountId: target.account_id,
        from: target.from_at.toISOString(),
        until: target.until_at.toISOString(),
        categories: target.categories as LegalRequest['targets'][number]['categories'],
        scope:
          target.scope_from && target.scope_until && target.scope_categories
            ? {
                from: target.scope_from.toISOString(),
                until: target.scope_until.toISOString(),
                categories: target.scope_categories as LegalRequest['targets'][number]['categories'],
              }
            : null,
        notice: notice
          ? {
              decision: notice.decision,
              until: iso(notice.defer_until),
              reason: notice.reason,
              commitment: notice.commitment,
              sentAt: iso(notice.sent_at),
            }
          : null,
      };
    }),
  };
}

/** Open requests first by urgency: unreviewed emergencies, then overdue, due soon, the rest. */
export async function listLegalRequests(db: Kysely<Database>): Promise<LegalRequestSummary[]> {
  const rows = await db
    .selectFrom('legal_request as l')
    .innerJoin('staff_user as u', 'u.id', 'l.recorded_by')
    .select([
      'l.id',
      'l.reference',
      'l.authority_name',
      'l.authority_type',
      'l.authority_country',
      'l.instrument',
      'l.status',
      'l.acknowledge_by',
      'l.effect_by',
      'l.received_at',
      'l.emergency',
      'u.username',
    ])
    .select([
      sql<boolean>`l.emergency and l.emergency_reviewed_at is null`.as('emergency_unreviewed'),
      sql<number>`(select count(*)::int from legal_target t where t.request_id = l.id)`.as('target_count'),
      // The next deadline still ahead of the request: acknowledging, then giving effect.
      sql<string>`case
        when l.status in ('produced','rejected','no_data','closed') then 'none'
        when coalesce(case when l.status = 'received' then l.acknowledge_by end, l.effect_by) is null then 'none'
        when coalesce(case when l.status = 'received' then l.acknowledge_by end, l.effect_by) < now() then 'overdue'
        when coalesce(case when l.status = 'received' then l.acknowledge_by end, l.effect_by)
          < now() + case when l.emergency then interval '4 hours' else interval '3 days' end then 'due_soon'
        else 'later' end`.as('due'),
    ])
    .orderBy(sql`l.status = 'closed'`)
    .orderBy(sql`l.emergency and l.emergency_reviewed_at is null`, 'desc')
    .orderBy(sql`l.emergency and l.status not in ('produced','rejected','no_data','closed')`, 'desc')
    .orderBy(sql`coalesce(case when l.status = 'received' then l.acknowledge_by end, l.effect_by)`, sql`asc nulls last`)
    .orderBy('l.received_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    authority: { name: row.authority_name, type: row.authority_type, country: row.authority_country },
    instrument: row.instrument as LegalRequestSummary['instrument'],
    status: row.status,
    acknowledgeBy: iso(row.acknowledge_by),
    effectBy: iso(row.effect_by),
    receivedAt: row.received_at.toISOString(),
    emergency: row.emergency,
    emergencyUnreviewed: row.emergency_unreviewed,
    targetCount: row.target_count,
    recordedBy: row.username,
    due: row.due as LegalRequestSummary['due'],
  }));
}

/** The request's history from the log: its own events and those of the grants it issued. */
export async function legalRequestHistory(db: Kysely<Database>, id: string): Promise<AuditEvent[]> {
  const rows = await selectAuditEvents(db)
    .where((eb) =>
      eb.or([
        eb.and([eb('e.target_type', '=', 'legal_request'), eb('e.target_id', '=', id)]),
        eb('e.grant_id', 'in', eb.selectFrom('access_grant').select('id').where('legal_request_id', '=', id)),
      ]),
    )
    .orderBy('e.id')
    .limit(1000)
    .execute();
  return rows.map(toAuditEvent);
}
