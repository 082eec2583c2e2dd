/**
 * Sending statements of reasons to the EU Transparency Database (ADR 036): every statement of a
 * decision that took effect gets a submission row with a fixed puid; a recurring job sends pending
 * ones in calls of up to 100 and reconciles each statement from the answer. The Database takes a
 * call whole or not at all, so a call it refuses for some statements is sent again without them.
 */
import type { Database } from '@docket/db';
import { MAX_BATCH } from '@docket/tdb-validator';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { runSystemAction } from '../actions/context';
import { type Backoff, backoffDelayMs } from '../jobs/backoff';
import { loadExportSources, toTdbStatement } from './tdb-statement';

export interface TdbSettings {
  /** The multi-statement endpoint, e.g. https://transparency.dsa.ec.europa.eu/api/v1/statements. */
  url: string;
  token: string;
  puidPrefix: string;
  timeoutMs: number;
  backoff: Backoff;
  leaseMs: number;
  /** Calls per run at most, so one run ends. */
  maxCalls?: number;
}

/** Gives every statement of a decision in effect its submission row (and puid) once. */
export async function queueNewStatements(db: Kysely<Database>, puidPrefix: string): Promise<number> {
  const result = await sql`
    insert into tdb_submission (decision_id, puid)
    select s.decision_id, ${puidPrefix} || '-' || s.decision_id::text
    from statement_of_reasons s
    join decision d on d.id = s.decision_id
    where not exists (select 1 from tdb_submission t where t.decision_id = s.decision_id)
      -- In effect: confirmed if it needed confirming, and past its undo window (ADR 043).
      and exists (select 1 from decision_effect e where e.decision_id = d.id)
    on conflict do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

interface Claimed {
  decision_id: string;
  puid: string;
  attempts: number;
}

async function claimBatch(db: Kysely<Database>, leaseMs: number): Promise<Claimed[]> {
  const { rows } = await sql<Claimed>`
    update tdb_submission t set attempts = t.attempts + 1, last_attempt_at = now(),
      leased_until = now() + make_interval(secs => ${leaseMs / 1000})
    where t.decision_id in (
      select decision_id from tdb_submission
      where status = 'pending' and next_attempt_at <= now() and (leased_until is null or leased_until < now())
      order by created_at, decision_id
      limit ${MAX_BATCH}
      for update skip locked)
    returning t.decision_id, t.puid, t.attempts`.execute(db);
  return rows;
}

type Answer =
  | { kind: 'accepted'; uuids: Map<string, string> }
  | { kind: 'refused'; errors: Map<number, Record<string, string[]>> }
  | { kind: 'present'; puids: string[] }
  | { kind: 'failed'; status: number | null; error: string };

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Reads the Database's answer; anything it does not document is a failure to retry. */
async function readAnswer(response: Response): Promise<Answer> {
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  const body = (json ?? {}) as Record<string, unknown>;
  if (response.status === 201 && Array.isArray(body.statements)) {
    const uuids = new Map<string, string>();
    for (const stored of body.statements as Record<string, unknown>[]) {
      if (typeof stored?.puid === 'string' && typeof stored.uuid === 'string') uuids.set(stored.puid, stored.uuid);
    }
    return { kind: 'accepted', uuids };
  }
  const errors = (body.errors ?? {}) as Record<string, unknown>;
  if (response.status === 422 && Array.isArray(errors.existing_puids)) {
    return { kind: 'present', puids: errors.existing_puids.filter((p): p is string => typeof p === 'string') };
  }
  const byIndex = new Map<number, Record<string, string[]>>();
  for (const [key, value] of Object.entries(errors)) {
    const index = /^statement_(\d+)$/.exec(key)?.[1];
    if (index === undefined || typeof value !== 'object' || value === null) continue;
    const fields: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(value)) {
      if (Array.isArray(messages)) fields[clip(field, 100)] = messages.slice(0, 5).map((m) => clip(String(m)));
    }
    byIndex.set(Number(index), fields);
  }
  if (response.status === 422 && byIndex.size > 0) return { kind: 'refused', errors: byIndex };
  const message = typeof body.message === 'string' ? `: ${clip(body.message, 200)}` : '';
  return { kind: 'failed', status: response.status, error: `HTTP ${response.status}${message}` };
}

async function send(settings: TdbSettings, statements: unknown[]): Promise<Answer> {
  try {
    const response = await fetch(settings.url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${settings.token}`,
        accept: 'application/json',
        'content-type': 'application/json',
        'user-agent': 'Docket-TDB/1',
      },
      body: JSON.stringify({ statements }),
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    return await readAnswer(response);
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const code = (cause as { code?: unknown } | null)?.code;
    return {
      kind: 'failed',
      status: null,
      error: timedOut ? 'timed out' : typeof code === 'string' ? code : 'request failed',
    };
  }
}

/** Records one call's outcome on each statement and as one audit event, in one transaction. */
async function reconcile(
  db: Kysely<Database>,
  batch: Claimed[],
  redactions: Map<string, number>,
  answer: Answer,
  settings: TdbSettings,
) {
  await runSystemAction(
    db,
    async (ctx) => {
      const { trx } = ctx;
      const release = (ids: string[]) =>
        ids.length === 0
          ? Promise.resolve()
          : trx
              .updateTable('tdb_submission')
              .set({ leased_until: null, next_attempt_at: sql`now()` })
              .where('decision_id', 'in', ids)
              .execute()
              .then(() => undefined);
      const accept = async (rows: Claimed[], uuids?: Map<string, string>) => {
        for (const row of rows) {
          await trx
            .updateTable('tdb_submission')
            .set({
              status: 'accepted',
              accepted_at: sql`now()`,
              leased_until: null,
              last_error: null,
              errors: null,
              tdb_uuid: uuids?.get(row.puid) ?? null,
              redactions: redactions.get(row.decision_id) ?? 0,
            })
            .where('decision_id', '=', row.decision_id)
            .execute();
        }
      };
      const common = { endpoint: new URL(settings.url).host, statements: batch.length };

      if (answer.kind === 'failed') {
        for (const row of batch) {
          const retryAt = new Date(Date.now() + backoffDelayMs(row.attempts, settings.backoff));
          await trx
            .updateTable('tdb_submission')
            .set({ leased_until: null, next_attempt_at: retryAt, last_error: answer.error })
            .where('decision_id', '=', row.decision_id)
            .execute();
        }
        await ctx.emit({
          action: 'transparency.statements_failed',
          outcome: 'failure',
          details: { ...common, status: answer.status, error: answer.error, puids: batch.map((r) => r.puid) },
        });
        return;
      }
      let accepted: Claimed[] = [];
      let rejected: Claimed[] = [];
      let alreadyPresent: Claimed[] = [];
      if (answer.kind === 'accepted') {
        accepted = batch;
        await accept(accepted, answer.uuids);
      } else if (answer.kind === 'present') {
        // Only our own earlier calls file statements under these puids: the earlier call landed.
        const present = new Set(answer.puids);
        alreadyPresent = batch.filter((row) => present.has(row.puid));
        await accept(alreadyPresent);
        await release(batch.filter((row) => !present.has(row.puid)).map((row) => row.decision_id));
      } else {
        rejected = batch.filter((_, index) => answer.errors.has(index));
        for (const [index, errors] of answer.errors) {
          const row = batch[index];
          if (!row) continue;
          const first = Object.entries(errors)[0];
          await trx
            .updateTable('tdb_submission')
            .set({
              status: 'rejected',
              leased_until: null,
              errors,
              last_error: first ? `${first[0]}: ${first[1][0] ?? 'invalid'}` : 'invalid',
              redactions: redactions.get(row.decision_id) ?? 0,
            })
            .where('decision_id', '=', row.decision_id)
            .execute();
        }
        // The rest were not at fault: they go again at once, in a call without the refused ones.
        await release(batch.filter((_, index) => !answer.errors.has(index)).map((row) => row.decision_id));
      }
      await ctx.emit({
        action: 'transparency.statements_submitted',
        outcome: rejected.length > 0 ? 'failure' : 'success',
        details: {
          ...common,
          accepted: accepted.length,
          alreadyPresent: alreadyPresent.length,
          rejected: rejected.length,
          resent: batch.length - accepted.length - alreadyPresent.length - rejected.length,
          rejectedPuids: rejected.map((row) => row.puid),
          // Which fields the Database refused, never what they held.
          rejectedFields: [
            ...new Set(answer.kind === 'refused' ? [...answer.errors.values()].flatMap((e) => Object.keys(e)) : []),
          ].sort(),
        },
      });
    },
    'tdb-submitter',
  );
}

/** One run: queue new statements, then send due ones 100 at a time. Returns how many were sent. */
export async function submitStatements(db: Kysely<Database>, settings: TdbSettings, logger?: Logger): Promise<number> {
  await queueNewStatements(db, settings.puidPrefix);
  let sent = 0;
  for (let call = 0; call < (settings.maxCalls ?? 20); call += 1) {
    const batch = await claimBatch(db, settings.leaseMs);
    if (batch.length === 0) break;
    const sources = await loadExportSources(db, batch);
    const redactions = new Map<string, number>();
    const statements = batch.map((row) => {
      const source = sources.find((s) => s.statement.decision_id === row.decision_id);
      if (!source) throw new Error(`statement ${row.decision_id} vanished`);
      const exported = toTdbStatement(source);
      redactions.set(row.decision_id, exported.redactions);
      return exported.statement;
    });
    const answer = await send(settings, statements);
    await reconcile(db, batch, redactions, answer, settings);
    sent += batch.length;
    if (answer.kind === 'failed') {
      logger?.warn({ status: answer.status, error: answer.error, statements: batch.length }, 'tdb submission failed');
      break;
    }
  }
  return sent;
}
