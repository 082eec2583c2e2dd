import { PublishedCheckpoint, TdbSubmissionPage, TdbSubmissionQuery } from '@docket/contracts';
import { AppError } from '../http/problem';
import { defineRoute, featureRouter, jsonResponse } from '../http/route';
import { latestCheckpoint } from './checkpoint';
import { listTdbSubmissions } from './list';

const tags = ['transparency'];

export const transparencyRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/checkpoint',
      permission: 'public',
      audit: 'none',
      tags,
      summary: 'The newest signed audit checkpoint, for anyone to keep and check later bundles against',
      responses: {
        200: jsonResponse(
          PublishedCheckpoint,
          'Save it as checkpoint.json; `docket-verify --checkpoint checkpoint.json bundle.zip` proves a later bundle extends it.',
        ),
        404: { description: 'Nothing sealed yet.' },
      },
    }),
    async (c) => {
      const checkpoint = await latestCheckpoint(c.get('deps').db);
      if (!checkpoint) throw new AppError('not_found', 'No checkpoint has been signed yet.');
      return c.json(checkpoint, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/statements',
      permission: 'read:transparency',
      audit: 'none',
      tags,
      summary: 'Statements of reasons sent to the EU Transparency Database, and whether each was accepted',
      request: { query: TdbSubmissionQuery },
      responses: { 200: jsonResponse(TdbSubmissionPage, 'Newest first, with counts by status.') },
    }),
    async (c) => {
      const deps = c.get('deps');
      return c.json(await listTdbSubmissions(deps.db, c.req.valid('query'), deps.config.tdb !== null), 200);
    },
  );
