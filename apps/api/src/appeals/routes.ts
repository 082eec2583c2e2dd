import { AppealDecision, AppealOutcomeBody, IntakeAppeal, IntakeAppealResult } from '@docket/contracts';
import { z } from 'zod';
import { runAction } from '../actions/context';
import { signedIn, signedService } from '../auth/middleware';
import { defineRoute, featureRouter, jsonBody, jsonResponse } from '../http/route';
import { decideAppeal } from './decide';
import { receiveAppeal } from './receive';

/** Mounted under /api/intake: the platform forwards its users' appeals here, signed. */
export const appealIntakeRoutes = featureRouter().openapi(
  defineRoute({
    method: 'post',
    path: '/appeals',
    permission: 'service',
    audit: 'appeal.received',
    tags: ['intake', 'appeals'],
    summary: 'Forward an appeal against a decision (signed; idempotent by externalId)',
    description:
      'Opens an appeal case in the Appeals queue. The affected user appeals a decision that acted on their ' +
      'account; a reporter appeals a decision not to act. `submittedAt` must fall inside the appeal window ' +
      '(the statement of reasons’ `appealUntil`, or the decision time plus APPEAL_WINDOW_MONTHS).',
    request: { body: jsonBody(IntakeAppeal) },
    responses: {
      200: jsonResponse(IntakeAppealResult, 'Stored, or already stored.'),
      409: { description: 'Replayed request, or an external id already used for a different appeal.' },
    },
  }),
  async (c) => {
    const caller = signedService(c);
    const appeal = c.req.valid('json');
    const rules = c.get('deps').config.decisions;
    return c.json(await runAction(c, (ctx) => receiveAppeal(ctx, caller, appeal, rules)), 200);
  },
);

/** Mounted under /api/cases: the outcome of an appeal case. */
export const caseAppealRoutes = featureRouter().openapi(
  defineRoute({
    method: 'post',
    path: '/{id}/appeal-outcome',
    permission: 'decide:case',
    audit: 'appeal.decided',
    tags: ['cases', 'appeals'],
    summary: 'Decide an appeal case you hold: upheld, reversed or partly reversed (sent to the platform)',
    request: { params: z.object({ id: z.uuid() }), body: jsonBody(AppealOutcomeBody) },
    responses: {
      201: jsonResponse(AppealDecision, 'Decided.'),
      403: { description: 'You decided the original case or held access to it.' },
      404: { description: 'No such appeal case.' },
      409: { description: 'You do not hold the case, or it is decided.' },
    },
  }),
  async (c) => {
    const session = signedIn(c);
    const id = c.req.valid('param').id;
    const body = c.req.valid('json');
    return c.json(await runAction(c, (ctx) => decideAppeal(ctx, id, session.user.id, body)), 201);
  },
);
