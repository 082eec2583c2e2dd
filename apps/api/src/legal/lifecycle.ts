/**
 * A legal request's steps (ADR 032): received → acknowledged → under_review → accepted / narrowed /
 * rejected / no_data → produced → closed. Each step is one UPDATE whose WHERE names the states it
 * may come from, behind the database's own `legal_request_step` trigger; each is an audit event.
 * Accepting, narrowing and rejecting are for a second legal officer, never the recorder.
 */
import type { DecideLegalRequestBody, LegalInstrument, LegalRequest, LegalStepBody } from '@docket/contracts';
import type { LegalStatusColumn } from '@docket/db';
import { sql } from 'kysely';
import type { ActionContext } from '../actions/context';
import { AppError } from '../http/problem';
import { placeHold } from '../retention/holds';
import { endLegalGrants, issueLegalGrant } from './grants';
import { getLegalRequest, lockLegalRequest } from './requests';
import { acceptedScopes } from './scope';

const STEPS = {
  acknowledge: { from: ['received'], to: 'acknowledged', action: 'legal.acknowledged' },
  review: { from: ['received', 'acknowledged'], to: 'under_review', action: 'legal.review_started' },
  no_data: {
    from: ['received', 'acknowledged', 'under_review', 'accepted', 'narrowed'],
    to: 'no_data',
    action: 'legal.no_data',
  },
  close: { from: ['produced', 'rejected', 'no_data'], to: 'closed', action: 'legal.closed' },
} as const satisfies Record<
  Exclude<LegalStepBody['step'], 'report_effect'>,
  { from: readonly LegalStatusColumn[]; to: LegalStatusColumn; action: string }
>;

function notNow(status: string, what: string) {
  return new AppError('conflict', `This request is ${status.replace('_', ' ')}: it cannot ${what} now.`);
}

export async function stepLegalRequest(ctx: ActionContext, id: string, body: LegalStepBody): Promise<LegalRequest> {
  const row = await lockLegalRequest(ctx, id);
  if (body.step === 'report_effect') {
    const reported = await ctx.trx
      .updateTable('legal_request')
      .set({ effect_reported_at: sql`now()` })
      .where('id', '=', id)
      .where('reporting_required', '=', true)
      .where('effect_reported_at', 'is', null)
      .where('status', 'in', ['produced', 'no_data', 'closed'])
      .returning('id')
      .executeTakeFirst();
    if (!reported) throw notNow(row.status, 'report its effect (it needs none, was reported, or has no effect yet)');
    await ctx.emit({
      action: 'legal.effect_reported',
      target: { type: 'legal_request', id },
      details: body.note ? { note: body.note } : {},
    });
    return getLegalRequest(ctx.trx, id);
  }
  const step = STEPS[body.step];
  const moved = await ctx.trx
    .updateTable('legal_request')
    .set({ status: step.to, ...(step.to === 'closed' && { closed_at: sql`now()` }) })
    .where('id', '=', id)
    .where('status', 'in', step.from)
    .returning('id')
    .executeTakeFirst();
  if (!moved) throw notNow(row.status, `move to ${step.to.replace('_', ' ')}`);
  await ctx.emit({
    action: step.action,
    target: { type: 'legal_request', id },
    details: { from: row.status, ...(body.note && { note: body.note }) },
  });
  if (step.to === 'no_data' || step.to === 'closed') await endLegalGrants(ctx, id, step.to);
  return getLegalRequest(ctx.trx, id);
}

/** Accept, narrow or reject: by a legal officer other than the one who recorded the order. */
export async function decideLegalRequest(
  ctx: ActionContext,
  id: string,
  officerId: string,
  body: DecideLegalRequestBody,
): Promise<LegalRequest> {
  const { trx } = ctx;
  const row = await lockLegalRequest(ctx, id);
  if (row.recorded_by === officerId) {
    throw new AppError('forbidden', 'A second legal officer decides an order: never the one who recorded it.');
  }
  if (row.status !== 'under_review') throw notNow(row.status, 'be decided (start the review first)');

  if (body.outcome === 'rejected') {
    await trx
      .updateTable('legal_request')
      .set({
        status: 'rejected',
        decided_by: officerId,
        decided_at: sql`now()`,
        decision_note: body.note,
        rejection_ground: body.ground,
      })
      .where('id', '=', id)
      .where('status', '=', 'under_review')
      .execute();
    await ctx.emit({
      action: 'legal.rejected',
      target: { type: 'legal_request', id },
      details: { ground: body.ground, note: body.note },
    });
    await endLegalGrants(ctx, id, 'rejected');
    return getLegalRequest(trx, id);
  }

  const asked = await trx.selectFrom('legal_target').selectAll().where('request_id', '=', id).execute();
  const scopes = acceptedScopes(
    row.instrument as LegalInstrument,
    asked,
    body.outcome === 'narrowed' ? body.targets : undefined,
  );
  // An emergency's scope was fixed when it was recorded (what was asked), and a scope once set
  // never changes: it can be accepted as it stands, or rejected, which ends its grant.
  if (row.emergency && body.outcome === 'narrowed') {
    throw new AppError('conflict', 'An emergency request’s scope is fixed as recorded: accept it or reject it.');
  }
  if (!row.emergency) {
    for (const scope of scopes) {
      await trx
        .updateTable('legal_target')
        .set({ scope_from: scope.from, scope_until: scope.until, scope_categories: scope.categories })
        .where('request_id', '=', id)
        .where('account_id', '=', scope.accountId)
        .execute();
    }
  }
  await trx
    .updateTable('legal_request')
    .set({
      status: body.outcome,
      decided_by: officerId,
      decided_at: sql`now()`,
      decision_note: body.note ?? null,
    })
    .where('id', '=', id)
    .where('status', '=', 'under_review')
    .execute();
  const reaches = scopes.some((scope) => scope.categories.length > 0);
  const grantId = !row.emergency && reaches ? await issueLegalGrant(trx, id) : null;
  await ctx.emit({
    action: body.outcome === 'accepted' ? 'legal.accepted' : 'legal.narrowed',
    target: { type: 'legal_request', id },
    ...(grantId && { grantId }),
    details: {
      scope: scopes.map((scope) => ({
        accountId: scope.accountId,
        from: scope.from.toISOString(),
        until: scope.until.toISOString(),
        categories: scope.categories,
      })),
      ...(grantId && { grantTo: row.assigned_to }),
      ...(body.note && { note: body.note }),
    },
  });
  // What the order covers is preserved while it runs: each target account it still names (all of
  // them when accepted, those kept when narrowed) is held from retention (90 days, extendable on
  // the Holds page), whatever the instrument may read — a preservation order reads nothing.
  const kept =
    body.outcome === 'narrowed' ? body.targets.map((target) => target.accountId) : asked.map((t) => t.account_id);
  for (const accountId of new Set(kept)) {
    await placeHold(ctx, officerId, {
      targetType: 'account',
      targetId: accountId,
      reason: `Preserved under legal request ${id} (${row.instrument}).`,
      legalRequestId: id,
    });
  }
  return getLegalRequest(trx, id);
}

/** The after-the-fact review every emergency gets: by an officer who neither recorded nor produced it. */
export async function reviewEmergency(
  ctx: ActionContext,
  id: string,
  officerId: string,
  body: { outcome: 'justified' | 'unjustified'; note: string },
): Promise<LegalRequest> {
  const row = await lockLegalRequest(ctx, id);
  if (!row.emergency) throw new AppError('not_found', 'This request is no emergency: there is nothing to review.');
  if (row.emergency_reviewed_at) throw new AppError('conflict', 'This emergency was already reviewed.');
  if (row.recorded_by === officerId || row.produced_by === officerId) {
    throw new AppError('forbidden', 'An emergency is reviewed by an officer who neither recorded nor produced it.');
  }
  await ctx.trx
    .updateTable('legal_request')
    .set({
      emergency_reviewed_by: officerId,
      emergency_reviewed_at: sql`now()`,
      emergency_review_outcome: body.outcome,
      emergency_review_note: body.note,
    })
    .where('id', '=', id)
    .execute();
  await ctx.emit({
    action: 'legal.emergency_reviewed',
    target: { type: 'legal_request', id },
    details: { outcome: body.outcome, note: body.note },
  });
  return getLegalRequest(ctx.trx, id);
}
