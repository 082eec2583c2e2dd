import { ClaimNextBody, ClaimResult, QueueBody, QueueSettingsList, QueueSummaryList } from '@docket/contracts';
import { z } from 'zod';
import { runAction } from '../actions/context';
import { runStatementAction } from '../actions/statement';
import { signedIn } from '../auth/middleware';
import { claimNextCase } from '../cases/claim-next';
import { AppError } from '../http/problem';
import { defineRoute, featureRouter, jsonBody, jsonResponse } from '../http/route';
import { queueSettings, saveQueue } from './queues';

const QueueParams = z.object({ queueId: z.string().min(1).max(64) });

export const queueRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/',
      permission: 'read:queue',
      audit: 'none',
      tags: ['queues'],
      summary: 'Queues with open cases, cases in review, oldest case and SLA breaches',
      responses: { 200: jsonResponse(QueueSummaryList, 'Every queue, in display order.') },
    }),
    async (c) => c.json(await c.get('deps').queueSummaries.get(c.get('deps').db), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/settings',
      permission: 'manage:queue',
      audit: 'none',
      tags: ['queues'],
      summary: 'Every queue’s configuration, for editing (no counts)',
      responses: { 200: jsonResponse(QueueSettingsList, 'In display order.') },
    }),
    async (c) => c.json(await queueSettings(c.get('deps').db), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{queueId}/claim-next',
      permission: 'claim:case',
      audit: 'case.claimed',
      tags: ['queues'],
      summary: 'Claim the highest-priority, oldest claimable case (or the one you already hold here)',
      request: {
        params: QueueParams,
        body: { required: false, content: { 'application/json': { schema: ClaimNextBody } } },
      },
      responses: {
        200: jsonResponse(ClaimResult, '`case` is null when nothing is claimable.'),
        404: { description: 'No such queue.' },
        409: { description: 'Skipping a case you do not hold.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const { queueId } = c.req.valid('param');
      const body = c.req.valid('json') ?? {};
      const claimed = await runStatementAction(c, claimNextCase(queueId, session.user, { skip: body.skip }));
      return c.json({ case: claimed }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/',
      permission: 'manage:queue',
      audit: 'queue.created',
      tags: ['queues'],
      summary: 'Create a queue',
      request: { body: jsonBody(QueueBody) },
      responses: { 204: { description: 'Created.' }, 409: { description: 'The id is taken.' } },
    }),
    async (c) => {
      const body = c.req.valid('json');
      if (!body.id)
        throw new AppError('invalid', 'A new queue needs an id.', { errors: [{ field: 'id', message: 'required' }] });
      const id = body.id;
      await runAction(c, (ctx) => saveQueue(ctx, id, body, 'create'));
      c.get('deps').queueSummaries.invalidate();
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/{queueId}',
      permission: 'manage:queue',
      audit: 'queue.updated',
      tags: ['queues'],
      summary: "Change a queue's name, categories, SLA or position",
      request: { params: QueueParams, body: jsonBody(QueueBody) },
      responses: { 204: { description: 'Saved.' }, 404: { description: 'No such queue.' } },
    }),
    async (c) => {
      const { queueId } = c.req.valid('param');
      const body = c.req.valid('json');
      await runAction(c, (ctx) => saveQueue(ctx, queueId, body, 'update'));
      c.get('deps').queueSummaries.invalidate();
      return c.body(null, 204);
    },
  );
