import { INTAKE_LIMITS, IntakeBatch, IntakeBatchResult, IntakeReport, IntakeResult } from '@docket/contracts';
import { bodyLimit } from 'hono/body-limit';
import { runAction } from '../actions/context';
import { signedService } from '../auth/middleware';
import { problemResponse } from '../http/errors';
import { AppError } from '../http/problem';
import { defineRoute, featureRouter } from '../http/route';
import { ingestReports } from './ingest';

const tooLarge = (limit: number) =>
  bodyLimit({
    maxSize: limit,
    onError: (c) =>
      problemResponse(c, new AppError('payload_too_large', `This endpoint accepts at most ${limit} bytes.`)),
  });

const problems = {
  409: {
    description:
      'Replayed request, or an external id already used for different content or stored meanwhile by another ' +
      'request. Nothing stored.',
  },
  413: { description: 'Body over the endpoint limit.' },
};

export const intakeRoutes = featureRouter();
intakeRoutes.use('/reports', tooLarge(INTAKE_LIMITS.singleBodyBytes));
intakeRoutes.use('/reports/batch', tooLarge(INTAKE_LIMITS.batchBodyBytes));

intakeRoutes
  .openapi(
    defineRoute({
      method: 'post',
      path: '/reports',
      permission: 'service',
      audit: 'intake.reports_received',
      tags: ['intake'],
      summary: 'Submit one report with its conversation snapshot (signed; idempotent by externalId)',
      request: { body: { required: true, content: { 'application/json': { schema: IntakeReport } } } },
      responses: {
        200: { description: 'Stored, or already stored.', content: { 'application/json': { schema: IntakeResult } } },
        ...problems,
      },
    }),
    async (c) => {
      const caller = signedService(c);
      const report = c.req.valid('json');
      const { keyring } = c.get('deps');
      const outcome = await runAction(c, (ctx) => ingestReports(ctx, keyring, caller, [report]));
      return c.json(outcome.results[0] as IntakeResult, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/reports/batch',
      permission: 'service',
      audit: 'intake.reports_received',
      tags: ['intake'],
      summary: `Submit up to ${INTAKE_LIMITS.reportsPerBatch} reports at once, all or nothing (signed)`,
      description:
        'The whole batch is validated and stored in one transaction: if any item is invalid or conflicts, ' +
        'nothing is stored and the problem lists every failing item by index (`reports.<i>.<field>`). ' +
        'Items already received with identical content are reported as `duplicate` and change nothing.',
      request: { body: { required: true, content: { 'application/json': { schema: IntakeBatch } } } },
      responses: {
        200: {
          description: 'All stored (or already stored).',
          content: { 'application/json': { schema: IntakeBatchResult } },
        },
        ...problems,
      },
    }),
    async (c) => {
      const caller = signedService(c);
      const { reports } = c.req.valid('json');
      const { keyring } = c.get('deps');
      const outcome = await runAction(c, (ctx) => ingestReports(ctx, keyring, caller, reports));
      return c.json(outcome, 200);
    },
  );
