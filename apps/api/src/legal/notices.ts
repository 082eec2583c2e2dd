/**
 * Notice to the people an order concerned (DESIGN §10–11, ADR 032). Per target, once the data was
 * produced: notify now, defer — until the non-disclosure order ends, or a date an emergency
 * requires — or never, with a reason. The decision is committed in the log when made: the SHA-256
 * of the notice that will be sent and a random nonce, revealed with the notice when it goes out, so
 * anyone can check that what was sent is what was decided. A deferred notice is released by a job
 * (`legal.notice`) through the platform's `access.notice` event, never before the order's end.
 */
import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '@docket/audit-chain';
import type { LegalNoticeBody, LegalRequest } from '@docket/contracts';
import type { Database, LegalRequestRow, LegalTargetRow } from '@docket/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type ActionContext, runSystemAction } from '../actions/context';
import type { LegalAccessNotice } from '../actions/outbound';
import { AppError } from '../http/problem';
import { enqueueJob } from '../jobs/enqueue';
import type { JobContext } from '../jobs/runner';
import { getLegalRequest, lockLegalRequest } from './requests';

export const LEGAL_NOTICE_JOB = 'legal.notice';

/** The later of two optional dates: a notice never goes out before a non-disclosure order ends. */
function later(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return new Date(Math.max(a.getTime(), b.getTime()));
}

function noticeOf(request: LegalRequestRow, target: LegalTargetRow): LegalAccessNotice {
  return {
    accountId: target.account_id,
    legalRequestId: request.id,
    pathway: 'legal_request',
    justificationCode: 'LEGAL_REQUEST',
    authority: { type: request.authority_type, country: request.authority_country },
    instrument: request.instrument,
    dataCategories: target.scope_categories ?? [],
    disclosedAt: request.produced_at?.toISOString() ?? '',
  };
}

/** The commitment logged at decision time: SHA-256 of the notice and its nonce, canonically encoded. */
export function noticeCommitment(notice: LegalAccessNotice, nonce: string): string {
  return createHash('sha256').update(canonicalJson({ notice, nonce })).digest('hex');
}

async function tell(
  ctx: ActionContext,
  notice: LegalAccessNotice,
  committed: { nonce: string; commitment: string; decidedAt: Date },
) {
  await ctx.emit({
    action: 'access.notice',
    target: { type: 'legal_request', id: notice.legalRequestId },
    // The reveal: with the nonce, anyone can recompute the commitment logged when this was decided.
    details: {
      ...notice,
      nonce: committed.nonce,
      commitment: committed.commitment,
      committedAt: committed.decidedAt.toISOString(),
    },
    outbound: notice,
  });
}

export async function decideNotice(
  ctx: ActionContext,
  id: string,
  officerId: string,
  body: LegalNoticeBody,
): Promise<LegalRequest> {
  const { trx } = ctx;
  const request = await lockLegalRequest(ctx, id);
  if (!request.produced_at) {
    throw new AppError(
      'conflict',
      'Notice is decided once the disclosure is produced: until then nothing was disclosed.',
    );
  }
  const target = await trx
    .selectFrom('legal_target')
    .selectAll()
    .where('request_id', '=', id)
    .where('account_id', '=', body.accountId)
    .executeTakeFirst();
  if (!target) {
    throw new AppError('invalid', 'Not a target of this order.', {
      errors: [{ field: 'accountId', message: 'not a target of this order' }],
    });
  }
  let until: Date | null = null;
  if (body.decision === 'defer') {
    const asked = body.until ? new Date(body.until) : null;
    const order = request.nondisclosure_until;
    // Never before a non-disclosure order ends, whatever date is given.
    until = later(asked, order);
    if (!until) {
      throw new AppError(
        'invalid',
        'Deferring needs an end: a non-disclosure order, or the date the emergency passes.',
        {
          errors: [{ field: 'until', message: 'required: this order has no non-disclosure order' }],
        },
      );
    }
  }
  const notice = noticeOf(request, target);
  const nonce = randomBytes(16).toString('hex');
  const commitment = noticeCommitment(notice, nonce);
  const decided = await trx
    .insertInto('legal_notice')
    .values({
      request_id: id,
      account_id: body.accountId,
      decision: body.decision,
      defer_until: until,
      reason: body.decision === 'never' ? body.reason : null,
      nonce,
      commitment,
      decided_by: officerId,
      sent_at: body.decision === 'notify' ? sql<Date>`now()` : null,
    })
    .onConflict((oc) => oc.columns(['request_id', 'account_id']).doNothing())
    .returning('decided_at')
    .executeTakeFirst();
  if (!decided) throw new AppError('conflict', 'Notice to this target was already decided.');
  await ctx.emit({
    action: 'legal.notice_decided',
    target: { type: 'legal_request', id },
    details: {
      accountId: body.accountId,
      decision: body.decision,
      until: until?.toISOString() ?? null,
      commitment,
      ...(body.decision === 'never' && { reason: body.reason }),
    },
  });
  if (body.decision === 'notify') await tell(ctx, notice, { nonce, commitment, decidedAt: decided.decided_at });
  if (body.decision === 'defer' && until) {
    await enqueueJob(trx, {
      name: LEGAL_NOTICE_JOB,
      key: `legal.notice:${id}:${body.accountId}`,
      payload: { requestId: id, accountId: body.accountId },
      runAt: until,
    });
  }
  return getLegalRequest(trx, id);
}

/** The job: once the later of its date and the order's (perhaps extended) end has passed, tells the target once. */
export function releaseLegalNotice(
  db: Kysely<Database>,
  payload: unknown,
  job: Pick<JobContext, 'defer'>,
): Promise<void> {
  const { requestId, accountId } = payload as { requestId: string; accountId: string };
  return runSystemAction(
    db,
    async (ctx) => {
      const { trx } = ctx;
      const pending = await trx
        .selectFrom('legal_notice')
        .selectAll()
        .where('request_id', '=', requestId)
        .where('account_id', '=', accountId)
        .where('decision', '=', 'defer')
        .where('sent_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (!pending?.defer_until) return;
      const request = await trx
        .selectFrom('legal_request')
        .selectAll()
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      const due = later(pending.defer_until, request.nondisclosure_until) as Date;
      const { now } = await trx.selectNoFrom(sql<Date>`now()`.as('now')).executeTakeFirstOrThrow();
      if (due > now) return job.defer(due);
      const target = await trx
        .selectFrom('legal_target')
        .selectAll()
        .where('request_id', '=', requestId)
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('legal_notice')
        .set({ sent_at: sql<Date>`now()` })
        .where('request_id', '=', requestId)
        .where('account_id', '=', accountId)
        .execute();
      await tell(ctx, noticeOf(request, target), {
        nonce: pending.nonce,
        commitment: pending.commitment,
        decidedAt: pending.decided_at,
      });
    },
    'legal-notices',
  );
}

/**
 * When a running non-disclosure order covers any of these accounts, the day it ends (the latest):
 * ordinary access notices to them wait until then (the `noticeDisclosure` hook, ADR 029).
 */
export async function nonDisclosureUntil(trx: Transaction<Database>, accountIds: string[]): Promise<Date | null> {
  if (accountIds.length === 0) return null;
  const row = await trx
    .selectFrom('legal_request as l')
    .innerJoin('legal_target as t', 't.request_id', 'l.id')
    .select((eb) => eb.fn.max('l.nondisclosure_until').as('until'))
    .where('t.account_id', 'in', accountIds)
    .where('l.nondisclosure_until', '>', sql<Date>`now()`)
    .where('l.status', '!=', 'rejected')
    .executeTakeFirst();
  return (row?.until as Date | null | undefined) ?? null;
}
