import { AccountHistory } from '@docket/contracts';
import { z } from 'zod';
import { runAction } from '../actions/context';
import { defineRoute, featureRouter, jsonResponse } from '../http/route';
import { viewAccountHistory } from './history';

export const accountRoutes = featureRouter().openapi(
  defineRoute({
    method: 'get',
    path: '/{id}',
    permission: 'read:case',
    // Who looked up whom is worth knowing, even without content: an account's history is a profile.
    audit: 'account.viewed',
    tags: ['accounts'],
    summary: "A platform account's reports, cases, decisions, appeals and strikes (metadata only)",
    request: { params: z.object({ id: z.string().min(1).max(128) }) },
    responses: {
      200: jsonResponse(AccountHistory, 'The history.'),
      404: { description: 'No such account.' },
    },
  }),
  async (c) => c.json(await runAction(c, (ctx) => viewAccountHistory(ctx, c.req.valid('param').id)), 200),
);
