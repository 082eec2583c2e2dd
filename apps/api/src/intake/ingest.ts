/**
 * Stores a batch of reports in one transaction, all or nothing: accounts and conversations are
 * upserted, message bodies and reporter texts encrypted under each conversation's data key,
 * resent messages and resent reports skipped (a body retention destroyed is stored again), and every report joined to its conversation's
 * open case. Rows are written in id order so concurrent batches lock in the same order.
 */
import { createHash, randomUUID } from 'node:crypto';
import { CATEGORIES, type IntakeReport, type IntakeResult } from '@docket/contracts';
import type { Database } from '@docket/db';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import type { ServiceCaller } from '../context';
import { encryptMessageBody, encryptReporterText, newDataKey, unwrapDataKey } from '../encryption/envelope';
import type { Keyring } from '../encryption/keyring';
import { AppError, type FieldError } from '../http/problem';
import { recordSignature } from '../service-accounts/signed-requests';
import { isUrgent, loadQueues, mostSevere, queueFor } from './routing';

export interface IngestOutcome {
  created: number;
  duplicates: number;
  messagesStored: number;
  results: IntakeResult[];
}

// Large batches are written in slices so no single statement carries an unbounded payload.
const ROWS_PER_STATEMENT = 5000;

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

function payloadHash(report: IntakeReport): Buffer {
  return createHash('sha256').update(JSON.stringify(report)).digest();
}

function sortedBy<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

async function inSlices<T>(rows: T[], write: (slice: T[]) => Promise<number>): Promise<number> {
  let total = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    total += await write(rows.slice(start, start + ROWS_PER_STATEMENT));
  }
  return total;
}

export async function ingestReports(
  ctx: ActionContext,
  keyring: Keyring,
  caller: ServiceCaller,
  reports: IntakeReport[],
): Promise<IngestOutcome> {
  const { trx } = ctx;
  refuseRepeatedExternalIds(reports);
  await recordSignature(trx, caller);

  const hashes = reports.map(payloadHash);
  const existing = await findExisting(trx, caller.id, reports, hashes);
  const fresh = reports
    .map((report, index) => ({ report, index }))
    .filter(({ report }) => !existing.has(report.externalId));

  let messagesStored = 0;
  const stored = new Map<string, { reportId: string; caseId: string }>();
  if (fresh.length > 0) {
    const freshReports = fresh.map(({ report }) => report);
    await upsertAccounts(trx, freshReports);
    const dataKeys = await conversationKeys(trx, keyring, freshReports);
    messagesStored = await insertMessages(trx, freshReports, dataKeys);
    const caseIds = await joinCases(trx, freshReports);
    for (const { report } of fresh) {
      stored.set(report.externalId, { reportId: randomUUID(), caseId: caseIds.get(report.conversation.id) as string });
    }
    await insertReports(trx, caller, fresh, hashes, stored, dataKeys);
  }

  const results: IntakeResult[] = reports.map((report) => {
    const previous = existing.get(report.externalId);
    if (previous) return { externalId: report.externalId, ...previous, status: 'duplicate' };
    return {
      externalId: report.externalId,
      ...(stored.get(report.externalId) as { reportId: string; caseId: string }),
      status: 'created',
    };
  });
  const outcome = { created: fresh.length, duplicates: reports.length - fresh.length, messagesStored, results };

  const single = reports.length === 1 ? results[0] : undefined;
  await ctx.emit({
    action: 'intake.reports_received',
    ...(single ? { target: { type: 'report', id: single.reportId }, caseId: single.caseId } : {}),
    details: {
      reports: reports.length,
      created: outcome.created,
      duplicates: outcome.duplicates,
      messagesStored,
      counts: countsByCategoryAndSource(fresh.map(({ report }) => report)),
      externalIds: { first: reports[0]?.externalId, last: reports.at(-1)?.externalId },
    },
  });
  return outcome;
}

/** `[category, source, n]` for the reports stored: what a transparency report counts, without a row per report. */
function countsByCategoryAndSource(reports: IntakeReport[]): [string, string, number][] {
  const counts = new Map<string, number>();
  for (const { category, source } of reports) {
    const key = `${category}\u0001${source}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, n]) => {
      const [category, source] = key.split('\u0001') as [string, string];
      return [category, source, n];
    });
}

async function insertReports(
  trx: Kysely<Database>,
  caller: ServiceCaller,
  fresh: { report: IntakeReport; index: number }[],
  hashes: Buffer[],
  stored: Map<string, { reportId: string; caseId: string }>,
  dataKeys: Map<string, Buffer>,
) {
  const rows = fresh.map(({ report, index }) => {
    const { reportId, caseId } = stored.get(report.externalId) as { reportId: string; caseId: string };
    const text = encryptReporterText(dataKeys.get(report.conversation.id) as Buffer, reportId, report.reporterText);
    return {
      id: reportId,
      service_account_id: caller.id,
      external_id: report.externalId,
      source: report.source,
      category: report.category,
      case_id: caseId,
      conversation_id: report.conversation.id,
      reporter_id: report.reporterId,
      reported_account_id: report.reportedAccountId,
      reported_message_ids: report.reportedMessageIds,
      reporter_text_nonce: text.nonce.toString('base64'),
      reporter_text_ciphertext: text.ciphertext.toString('base64'),
      payload_hash: (hashes[index] as Buffer).toString('base64'),
    };
  });
  // jsonb carries the per-report id arrays, which unnest cannot (they are ragged).
  const inserted = new Set<string>();
  await inSlices(rows, async (slice) => {
    const result = await sql<{ external_id: string }>`
      insert into report (id, service_account_id, external_id, source, category, case_id, conversation_id,
        reporter_id, reported_account_id, reported_message_ids, reporter_text_nonce, reporter_text_ciphertext, payload_hash)
      select id, service_account_id, external_id, source, category, case_id, conversation_id, reporter_id,
        reported_account_id, reported_message_ids, decode(reporter_text_nonce, 'base64'),
        decode(reporter_text_ciphertext, 'base64'), decode(payload_hash, 'base64')
      from jsonb_to_recordset(${json(slice)}) as r(id uuid, service_account_id uuid, external_id text, source text,
        category text, case_id uuid, conversation_id text, reporter_id text, reported_account_id text,
        reported_message_ids text[], reporter_text_nonce text, reporter_text_ciphertext text, payload_hash text)
      on conflict (service_account_id, external_id) do nothing
      returning external_id`.execute(trx);
    for (const row of result.rows) inserted.add(row.external_id);
    return slice.length;
  });
  refuseConcurrentlyReceived(fresh, inserted);
}

/**
 * A report another request stored after this batch looked (a platform retrying one still in
 * flight) is a conflict, not a server fault: the caller's transaction rolls the whole batch back.
 */
function refuseConcurrentlyReceived(fresh: { report: IntakeReport; index: number }[], inserted: Set<string>) {
  const errors: FieldError[] = fresh
    .filter(({ report }) => !inserted.has(report.externalId))
    .map(({ index }) => ({ field: `reports.${index}.externalId`, message: 'received meanwhile by another request' }));
  if (errors.length > 0) {
    throw new AppError('conflict', 'Another request stored some of these reports meanwhile; nothing was stored.', {
      errors,
    });
  }
}

function refuseRepeatedExternalIds(reports: IntakeReport[]) {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  reports.forEach((report, index) => {
    if (seen.has(report.externalId))
      errors.push({ field: `reports.${index}.externalId`, message: 'repeated in this batch' });
    seen.add(report.externalId);
  });
  if (errors.length > 0)
    throw new AppError('invalid', 'An external id appears more than once in the batch.', { errors });
}

/** Reports already received under these external ids; a different payload is a conflict. */
async function findExisting(
  trx: Kysely<Database>,
  serviceAccountId: string,
  reports: IntakeReport[],
  hashes: Buffer[],
) {
  const rows = await trx
    .selectFrom('report')
    .select(['id', 'external_id', 'case_id', 'payload_hash'])
    .where('service_account_id', '=', serviceAccountId)
    .where(
      'external_id',
      'in',
      reports.map((report) => report.externalId),
    )
    .execute();
  const byExternalId = new Map(rows.map((row) => [row.external_id, row]));
  const errors: FieldError[] = [];
  reports.forEach((report, index) => {
    const row = byExternalId.get(report.externalId);
    if (row && !row.payload_hash.equals(hashes[index] as Buffer)) {
      errors.push({ field: `reports.${index}.externalId`, message: 'already received with different content' });
    }
  });
  if (errors.length > 0) {
    throw new AppError('conflict', 'An external id was already used for a different report; nothing was stored.', {
      errors,
    });
  }
  return new Map(rows.map((row) => [row.external_id, { reportId: row.id, caseId: row.case_id }]));
}

async function upsertAccounts(trx: Kysely<Database>, reports: IntakeReport[]) {
  const accounts = new Map<string, IntakeReport['accounts'][number]>();
  for (const report of reports) for (const account of report.accounts) accounts.set(account.id, account);
  const rows = sortedBy(accounts.values(), (a) => a.id).map((a) => ({
    id: a.id,
    handle: a.handle,
    age_band: a.ageBand,
    platform_created_at: a.createdAt ?? null,
  }));
  // Insert-or-skip, then update only accounts whose facts changed: an upsert would lock every
  // existing account a batch mentions, serialising concurrent batches that share accounts.
  await inSlices(rows, async (slice) => {
    const columns = sql`jsonb_to_recordset(${json(slice)}) as r(id text, handle text, age_band text, platform_created_at timestamptz)`;
    await sql`
      insert into platform_account (id, handle, age_band, platform_created_at)
      select id, handle, age_band, platform_created_at from ${columns}
      on conflict (id) do nothing`.execute(trx);
    await sql`
      update platform_account a set
        handle = r.handle,
        age_band = r.age_band,
        platform_created_at = coalesce(r.platform_created_at, a.platform_created_at),
        updated_at = now()
      from ${columns}
      where a.id = r.id
        and (a.handle, a.age_band, a.platform_created_at)
          is distinct from (r.handle, r.age_band, coalesce(r.platform_created_at, a.platform_created_at))`.execute(trx);
    return slice.length;
  });
}

/** Each conversation's data key, creating conversations (and keys) that are new. */
async function conversationKeys(trx: Kysely<Database>, keyring: Keyring, reports: IntakeReport[]) {
  const participants = new Map<string, Set<string>>();
  for (const report of reports) {
    const set = participants.get(report.conversation.id) ?? new Set();
    for (const id of report.conversation.participantIds) set.add(id);
    participants.set(report.conversation.id, set);
  }
  const ids = sortedBy(participants.keys(), (id) => id);
  const select = () =>
    trx
      .selectFrom('conversation')
      .select(['id', 'dek_wrapped', 'kek_version', 'participant_ids'])
      .where('id', 'in', ids)
      .orderBy('id')
      // Retention destroys a key under FOR UPDATE SKIP LOCKED (ADR 031): holding this lock until
      // the reports' case exists keeps it from destroying the key these bodies are sealed under.
      .forKeyShare()
      .execute();

  let rows = await select();
  const known = new Set(rows.map((row) => row.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    const created = missing.map((id) => ({ id, key: newDataKey(keyring, id) }));
    await trx
      .insertInto('conversation')
      .values(
        created.map(({ id, key }) => ({
          id,
          participant_ids: [...(participants.get(id) as Set<string>)].sort(),
          dek_wrapped: key.wrapped,
          kek_version: key.kekVersion,
        })),
      )
      // A concurrent batch may have created it a moment ago; theirs wins and is read back below.
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    rows = await select();
  }

  const keys = new Map<string, Buffer>();
  for (const row of rows) {
    if (!row.dek_wrapped || row.kek_version === null) {
      // A report arriving after retention destroyed the conversation: what it brings is kept
      // under a new key; what was destroyed stays destroyed.
      const key = newDataKey(keyring, row.id);
      await trx
        .updateTable('conversation')
        .set({ dek_wrapped: key.wrapped, kek_version: key.kekVersion })
        .where('id', '=', row.id)
        .execute();
      keys.set(row.id, key.dek);
    } else {
      keys.set(row.id, unwrapDataKey(keyring, row.id, row.kek_version, row.dek_wrapped));
    }
    const merged = new Set([...row.participant_ids, ...(participants.get(row.id) as Set<string>)]);
    if (merged.size !== row.participant_ids.length) {
      await trx
        .updateTable('conversation')
        .set({ participant_ids: [...merged].sort() })
        .where('id', '=', row.id)
        .execute();
    }
  }
  return keys;
}

interface MessageRow {
  key: string;
  conversationId: string;
  id: string;
  senderId: string;
  sentAt: string;
  nonce: Buffer;
  ciphertext: Buffer;
}

async function insertMessages(trx: Kysely<Database>, reports: IntakeReport[], keys: Map<string, Buffer>) {
  const rows = new Map<string, MessageRow>();
  for (const report of reports) {
    const conversationId = report.conversation.id;
    const dek = keys.get(conversationId) as Buffer;
    for (const message of report.messages) {
      const key = `${conversationId}\u0000${message.id}`;
      if (rows.has(key)) continue;
      const { nonce, ciphertext } = encryptMessageBody(dek, conversationId, message.id, message.body);
      rows.set(key, {
        key,
        conversationId,
        id: message.id,
        senderId: message.senderId,
        sentAt: message.sentAt,
        nonce,
        ciphertext,
      });
    }
  }
  // Multi-row VALUES with Buffer parameters, which the pg driver sends as binary (no hex
  // round trip). Built as one compiled statement per slice rather than through the query
  // builder, which would allocate a node per value (30,000 per slice) only to flatten them again.
  const ordered = sortedBy(rows.values(), (row) => row.key);
  return inSlices(ordered, async (slice) => {
    const parameters: unknown[] = [];
    const tuples: string[] = [];
    for (const row of slice) {
      const n = parameters.length;
      tuples.push(`($${n + 1},$${n + 2},$${n + 3},$${n + 4}::timestamptz,$${n + 5},$${n + 6})`);
      parameters.push(row.conversationId, row.id, row.senderId, row.sentAt, row.nonce, row.ciphertext);
    }
    const result = await trx.executeQuery(
      CompiledQuery.raw(
        `insert into message (conversation_id, id, sender_id, sent_at, body_nonce, body_ciphertext)
         values ${tuples.join(',')} on conflict (conversation_id, id) do update
           set body_nonce = excluded.body_nonce, body_ciphertext = excluded.body_ciphertext, destroyed_at = null
           where message.destroyed_at is not null`,
        parameters,
      ),
    );
    return Number(result.numAffectedRows ?? 0n);
  });
}

/** Joins each conversation's reports to its open case, opening one if there is none. */
async function joinCases(trx: Kysely<Database>, reports: IntakeReport[]): Promise<Map<string, string>> {
  const queues = await loadQueues(trx);
  const groups = new Map<string, IntakeReport[]>();
  for (const report of reports) {
    const group = groups.get(report.conversation.id);
    if (group) group.push(report);
    else groups.set(report.conversation.id, [report]);
  }

  const rows = sortedBy(groups.entries(), ([id]) => id).map(([conversationId, group]) => {
    const category = mostSevere(group.map((report) => report.category));
    const queue = queueFor(queues, category);
    return {
      conversation_id: conversationId,
      queue_id: queue.id,
      category,
      urgent: isUrgent(category),
      involves_minor: group.some((report) => report.accounts.some((account) => account.ageBand === 'minor')),
      report_count: group.length,
      sla_minutes: queue.sla_minutes,
    };
  });
  const ranks = sql`${sql.val([...CATEGORIES])}::text[]`;
  const caseIds = new Map<string, string>();
  await inSlices(rows, async (slice) => {
    const result = await sql<{ id: string; conversation_id: string }>`
      insert into "case" (conversation_id, queue_id, category, urgent, involves_minor, report_count, sla_due_at)
      select conversation_id, queue_id, category, urgent, involves_minor, report_count, now() + make_interval(mins => sla_minutes)
      from jsonb_to_recordset(${json(slice)}) as r(conversation_id text, queue_id text, category text, urgent boolean,
        involves_minor boolean, report_count integer, sla_minutes integer)
      on conflict (conversation_id) where status <> 'decided' and kind = 'report' do update set
        report_count = "case".report_count + excluded.report_count,
        urgent = "case".urgent or excluded.urgent,
        involves_minor = "case".involves_minor or excluded.involves_minor,
        category = case when array_position(${ranks}, excluded.category) < array_position(${ranks}, "case".category)
          then excluded.category else "case".category end,
        queue_id = case when array_position(${ranks}, excluded.category) < array_position(${ranks}, "case".category)
          then excluded.queue_id else "case".queue_id end,
        sla_due_at = least("case".sla_due_at, excluded.sla_due_at),
        last_report_at = now()
      returning id, conversation_id`.execute(trx);
    for (const row of result.rows) caseIds.set(row.conversation_id, row.id);
    return slice.length;
  });
  return caseIds;
}
