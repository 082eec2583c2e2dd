import { QueueSummaryList } from '@docket/contracts';
import { defineRoute, featureRouter } from '../http/route';
import { summariseQueues } from './queues';

export const queueRoutes = featureRouter().openapi(
  defineRoute({
    method: 'get',
    path: '/',
    permission: 'read:queue',
    tags: ['queues'],
    summary: 'Queues with open cases, oldest case and SLA breaches',
    responses: {
      200: {
        description: 'Every queue, in display order.',
        content: { 'application/json': { schema: QueueSummaryList } },
      },
    },
  }),
  async (c) => c.json(await summariseQueues(c.var.deps.db), 200),
);
