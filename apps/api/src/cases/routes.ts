import {
  AssigneeList,
  BulkDecideBody,
  BulkPreview,
  BulkResult,
  CaseDetail,
  CaseFindQuery,
  CaseFindResult,
  CaseList,
  CaseListQuery,
  CaseSummary,
  ConfirmationBody,
  DecideBody,
  Decision,
  PendingConfirmationList,
  PendingConfirmationQuery,
  ReassignBody,
  RejectionBody,
  UndoBody,
  UndoResult,
} from '@docket/contracts';
import { z } from 'zod';
import { runAction } from '../actions/context';
import { runStatementAction } from '../actions/statement';
import { signedIn } from '../auth/middleware';
import { defineRoute, featureRouter, jsonBody, jsonResponse } from '../http/route';
import { commitBulkDecision, previewBulkDecision } from './bulk';
import { openCase } from './case-detail';
import { assignableStaff, assignCase, heldBy, releaseCase, renewLease } from './claims';
import { TAKES_EFFECT } from './decision-effect';
import { decideCase, pendingConfirmations, settleDecision } from './decisions';
import { findCases } from './find';
import { listCases } from './list';
import { selectCases, toCaseSummary } from './summary';
import { undoDecisions } from './undo';
import { revealEvidence } from './viewing';

const CaseParams = z.object({ id: z.uuid() });
const notHeld = {
  404: { description: 'No such case.' },
  409: { description: 'You do not hold the case, or it is decided.' },
};

export const caseRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/',
      permission: 'manage:case',
      audit: 'none',
      tags: ['cases'],
      summary: 'Cases by queue, status or who holds them (keyset pages, queue order)',
      request: { query: CaseListQuery },
      responses: { 200: jsonResponse(CaseList, 'A page of cases.') },
    }),
    async (c) => c.json(await listCases(c.get('deps').db, c.req.valid('query')), 200),
  )
  .openapi(
    // Before /{id}, like /find.
    defineRoute({
      method: 'get',
      path: '/held-by-me',
      permission: 'claim:case',
      audit: 'none',
      tags: ['cases'],
      summary: 'The open cases you hold right now (for the console’s resume-or-release banner)',
      responses: { 200: jsonResponse(CaseList, 'Your held cases, longest held first.') },
    }),
    async (c) => {
      const session = signedIn(c);
      const rows = await selectCases(c.get('deps').db)
        .where(heldBy(session.user.id))
        .where('c.status', '=', 'open')
        .orderBy('c.claimed_at')
        .limit(20)
        .execute();
      return c.json({ items: rows.map(toCaseSummary), nextCursor: null }, 200);
    },
  )
  .openapi(
    // Before /{id}, which would take `find` for a case id.
    defineRoute({
      method: 'get',
      path: '/find',
      permission: 'read:case',
      // Metadata only, like the queue list; opening a case found here is audited as case.opened.
      audit: 'none',
      tags: ['cases'],
      summary: 'Find cases: filters, four orders, search by case, account, handle, report or conversation id',
      request: { query: CaseFindQuery },
      responses: { 200: jsonResponse(CaseFindResult, 'A page of cases, and any accounts the search names.') },
    }),
    async (c) => c.json(await findCases(c.get('deps').db, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/bulk-decisions/preview',
      permission: 'decide:case',
      // A dry run writes nothing but its own event: who looked at deciding which cases, how.
      audit: 'decision.bulk_previewed',
      tags: ['cases'],
      summary: 'Preview a bulk decision: what would happen to how many cases, and which cases stop it',
      request: { body: jsonBody(BulkDecideBody) },
      responses: { 200: jsonResponse(BulkPreview, 'Counts per outcome and the refusals; no case changed.') },
    }),
    async (c) => {
      const session = signedIn(c);
      const body = c.req.valid('json');
      const preview = await runAction(c, async (ctx) => {
        const counted = await previewBulkDecision(ctx.trx, session.user, body, c.get('deps').config.decisions);
        await ctx.emit({
          action: 'decision.bulk_previewed',
          details: {
            action: body.action,
            policyCode: body.policyCode,
            ...(body.accountId && { accountId: body.accountId }),
            cases: counted.caseIds.length,
            refusals: counted.refusals.length,
          },
        });
        return counted;
      });
      return c.json(preview, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/bulk-decisions',
      permission: 'decide:case',
      // One decision.recorded per case; the platform hears of each when its undo window ends.
      audit: ['decision.recorded', ...TAKES_EFFECT],
      tags: ['cases'],
      summary: `Decide up to 500 cases with one action, policy and public reason: all of them or none`,
      request: { body: jsonBody(BulkDecideBody) },
      responses: {
        201: jsonResponse(BulkResult, 'Every case decided, each with its own decision.'),
        404: { description: 'The account has no open cases.' },
        409: { description: 'Some cases cannot be decided (each named in `errors`); nothing was written.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const body = c.req.valid('json');
      const result = await runAction(c, (ctx) =>
        commitBulkDecision(ctx, session.user, body, c.get('deps').config.decisions),
      );
      return c.json(result, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/{id}',
      permission: 'read:case',
      audit: 'case.opened',
      tags: ['cases'],
      summary:
        'Open a case you hold, any decided case read-only, or read-only a case with something for you to sign (a decision to confirm, an access request, a break-glass use): reports, evidence, account facts, metadata (audited as case.opened)',
      request: { params: CaseParams },
      responses: { 200: jsonResponse(CaseDetail, 'The case.'), ...notHeld },
    }),
    async (c) => {
      const session = signedIn(c);
      const { keyring, config } = c.get('deps');
      const detail = await runAction(c, (ctx) => openCase(ctx, keyring, c.req.valid('param').id, session.user));
      return c.json({ ...detail, appealWindowMonths: config.decisions.appealWindowMonths }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/lease',
      permission: 'claim:case',
      audit: 'case.lease_renewed',
      tags: ['cases'],
      summary: 'Renew your lease on a case you hold',
      request: { params: CaseParams },
      responses: { 200: jsonResponse(CaseSummary, 'Renewed.'), ...notHeld },
    }),
    async (c) => {
      const session = signedIn(c);
      const id = c.req.valid('param').id;
      const summary = await runAction(c, (ctx) => renewLease(ctx, id, session.user.id));
      return c.json(summary, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/release',
      permission: 'claim:case',
      audit: 'case.released',
      tags: ['cases'],
      summary: 'Give a case you hold back to its queue',
      request: { params: CaseParams },
      responses: { 204: { description: 'Released.' }, ...notHeld },
    }),
    async (c) => {
      const session = signedIn(c);
      const id = c.req.valid('param').id;
      await runAction(c, (ctx) => releaseCase(ctx, id, session.user.id));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/evidence/reveal',
      permission: 'read:case',
      audit: 'evidence.revealed',
      tags: ['cases'],
      summary: 'Record that you revealed blurred evidence',
      request: { params: CaseParams },
      responses: { 204: { description: 'Recorded.' }, ...notHeld },
    }),
    async (c) => {
      const session = signedIn(c);
      const id = c.req.valid('param').id;
      await runStatementAction(c, revealEvidence(id, session.user));
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/decisions',
      permission: 'decide:case',
      // A decision needing no confirmation takes effect at once, and the platform is told.
      audit: ['decision.recorded', ...TAKES_EFFECT],
      tags: ['cases'],
      summary: 'Decide a case you hold (append-only)',
      request: { params: CaseParams, body: jsonBody(DecideBody) },
      responses: { 201: jsonResponse(Decision, 'Recorded.'), ...notHeld },
    }),
    async (c) => {
      const session = signedIn(c);
      const id = c.req.valid('param').id;
      const body = c.req.valid('json');
      const decision = await runAction(c, (ctx) =>
        decideCase(ctx, id, session.user.id, body, c.get('deps').config.decisions),
      );
      return c.json(decision, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/{id}/assignees',
      permission: 'manage:case',
      audit: 'none',
      tags: ['cases'],
      summary: 'Who this case may be reassigned to',
      request: { params: CaseParams },
      responses: {
        200: jsonResponse(AssigneeList, 'Active staff for its queue.'),
        404: { description: 'No such case.' },
      },
    }),
    async (c) => c.json(await assignableStaff(c.get('deps').db, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/reassign',
      permission: 'manage:case',
      audit: 'case.reassigned',
      tags: ['cases'],
      summary: 'Hand an open case to another reviewer (a fresh lease)',
      request: { params: CaseParams, body: jsonBody(ReassignBody) },
      responses: {
        200: jsonResponse(CaseSummary, 'Reassigned.'),
        404: { description: 'No such case.' },
        409: { description: 'Not open.' },
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const { assigneeId } = c.req.valid('json');
      const summary = await runAction(c, (ctx) => assignCase(ctx, id, assigneeId));
      return c.json(summary, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/unassign',
      permission: 'manage:case',
      audit: 'case.unassigned',
      tags: ['cases'],
      summary: 'Return an open case to its queue, whoever holds it',
      request: { params: CaseParams },
      responses: {
        200: jsonResponse(CaseSummary, 'Unassigned.'),
        404: { description: 'No such case.' },
        409: { description: 'Not open.' },
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const summary = await runAction(c, (ctx) => assignCase(ctx, id, null));
      return c.json(summary, 200);
    },
  );

const DecisionParams = z.object({ id: z.uuid() });

function settleRoute(outcome: 'confirmed' | 'rejected') {
  const confirming = outcome === 'confirmed';
  return defineRoute({
    method: 'post',
    path: confirming ? '/{id}/confirm' : '/{id}/reject',
    permission: 'manage:case',
    audit: confirming ? ['decision.confirmed', ...TAKES_EFFECT] : 'decision.rejected',
    tags: ['decisions'],
    summary: confirming
      ? "Confirm another person's suspension or referral: it takes effect"
      : 'Reject a suspension or referral (a reason is required): the case reopens in its queue',
    request: { params: DecisionParams, body: jsonBody(confirming ? ConfirmationBody : RejectionBody) },
    responses: {
      200: jsonResponse(Decision, confirming ? 'Confirmed.' : 'Rejected.'),
      404: { description: 'No such decision.' },
      409: { description: 'Your own, or already settled.' },
    },
  });
}

export const decisionRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/pending',
      permission: 'manage:case',
      audit: 'none',
      tags: ['decisions'],
      summary: 'Suspensions and referrals waiting for a supervisor',
      request: { query: PendingConfirmationQuery },
      responses: { 200: jsonResponse(PendingConfirmationList, 'Oldest first.') },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const { items: decisions, nextCursor } = await pendingConfirmations(db, c.req.valid('query'));
      const cases = decisions.length
        ? await selectCases(db)
            .where(
              'c.id',
              'in',
              decisions.map((d) => d.caseId),
            )
            .execute()
        : [];
      const byId = new Map(cases.map((row) => [row.id, toCaseSummary(row)]));
      const items = decisions.flatMap((decision) => {
        const summary = byId.get(decision.caseId);
        return summary ? [{ ...decision, case: summary }] : [];
      });
      return c.json({ items, nextCursor }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/undo',
      permission: 'decide:case',
      audit: 'decision.undone',
      tags: ['decisions'],
      summary: 'Undo your own decisions within their undo window: they never take effect, the cases return to you',
      request: { body: jsonBody(UndoBody) },
      responses: {
        200: jsonResponse(UndoResult, 'Undone.'),
        404: { description: 'Not a decision of yours.' },
        409: { description: 'The window has closed, or the case moved on; nothing was undone.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const { decisionIds } = c.req.valid('json');
      return c.json(await runAction(c, (ctx) => undoDecisions(ctx, decisionIds, session.user.id)), 200);
    },
  )
  .openapi(settleRoute('confirmed'), async (c) => {
    const session = signedIn(c);
    const id = c.req.valid('param').id;
    const { reason } = c.req.valid('json');
    const decision = await runAction(c, (ctx) => settleDecision(ctx, id, session.user.id, 'confirmed', reason));
    return c.json(decision, 200);
  })
  .openapi(settleRoute('rejected'), async (c) => {
    const session = signedIn(c);
    const id = c.req.valid('param').id;
    const { reason } = c.req.valid('json');
    const decision = await runAction(c, (ctx) => settleDecision(ctx, id, session.user.id, 'rejected', reason));
    return c.json(decision, 200);
  });
