/** The legal desk's API, under /api/legal (ADR 032). */
import {
  AuditEvent,
  DecideLegalRequestBody,
  EmergencyReviewBody,
  LegalNoticeBody,
  LegalRead,
  LegalReadBody,
  LegalRequest,
  LegalRequestSummary,
  LegalStepBody,
  RecordLegalRequestBody,
} from '@docket/contracts';
import { z } from 'zod';
import { runAction } from '../actions/context';
import { auditContext } from '../audit/record';
import { signedIn } from '../auth/middleware';
import { AppError } from '../http/problem';
import { defineRoute, featureRouter, jsonBody, jsonResponse } from '../http/route';
import { decideLegalRequest, reviewEmergency, stepLegalRequest } from './lifecycle';
import { decideNotice } from './notices';
import { produceDisclosure } from './production';
import { readUnderLegalRequest } from './read';
import { getLegalRequest, legalRequestHistory, listLegalRequests, recordLegalRequest } from './requests';

const IdParams = z.object({ id: z.uuid() });
const notFound = { 404: { description: 'No such legal request.' } };
const ended = ['access.ended'] as const;

export const legalRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/requests',
      permission: 'read:legal',
      audit: 'none',
      tags: ['legal'],
      summary: 'Legal requests: unreviewed emergencies, then by deadline (overdue, due soon), closed last',
      responses: { 200: jsonResponse(z.array(LegalRequestSummary), 'The requests.') },
    }),
    async (c) => c.json(await listLegalRequests(c.get('deps').db), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/requests',
      permission: 'record:legal_request',
      audit: 'legal.recorded',
      tags: ['legal'],
      summary: "Record an authority's order (an emergency opens its grant at once, reviewed after)",
      request: { body: jsonBody(RecordLegalRequestBody) },
      responses: { 201: jsonResponse(LegalRequest, 'Recorded.') },
    }),
    async (c) => {
      const session = signedIn(c);
      const body = c.req.valid('json');
      const { keyring } = c.get('deps');
      return c.json(await runAction(c, (ctx) => recordLegalRequest(ctx, keyring, session.user.id, body)), 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/requests/{id}',
      permission: 'read:legal',
      audit: 'none',
      tags: ['legal'],
      summary: 'One legal request: targets, accepted scope, decision, grant, production and notices',
      request: { params: IdParams },
      responses: { 200: jsonResponse(LegalRequest, 'The request.'), ...notFound },
    }),
    async (c) => c.json(await getLegalRequest(c.get('deps').db, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/requests/{id}/history',
      permission: 'read:legal',
      audit: 'none',
      tags: ['legal'],
      summary: 'The request’s history from the audit log: steps, decision, grant, reads, production, notices',
      request: { params: IdParams },
      responses: { 200: jsonResponse(z.array(AuditEvent), 'Oldest first.') },
    }),
    async (c) => c.json(await legalRequestHistory(c.get('deps').db, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/requests/{id}/steps',
      permission: 'record:legal_request',
      audit: [
        'legal.acknowledged',
        'legal.review_started',
        'legal.no_data',
        'legal.closed',
        'legal.effect_reported',
        ...ended,
      ],
      tags: ['legal'],
      summary: 'Acknowledge, start the review, find no data, close, or report the effect given',
      request: { params: IdParams, body: jsonBody(LegalStepBody) },
      responses: {
        200: jsonResponse(LegalRequest, 'Moved.'),
        ...notFound,
        409: { description: 'Not a step from where the request is.' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await runAction(c, (ctx) => stepLegalRequest(ctx, id, body)), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/requests/{id}/decision',
      permission: 'decide:legal_request',
      audit: ['legal.accepted', 'legal.narrowed', 'legal.rejected', 'hold.placed', ...ended],
      tags: ['legal'],
      summary: 'Accept, narrow or reject an order under review (a second officer, never its recorder)',
      description:
        'Accepting or narrowing fixes each target’s scope (inside what was asked, within what the instrument ' +
        'reaches) and issues a grant to the officer assigned to the request.',
      request: { params: IdParams, body: jsonBody(DecideLegalRequestBody) },
      responses: {
        200: jsonResponse(LegalRequest, 'Decided.'),
        403: { description: 'You recorded this order.' },
        ...notFound,
        409: { description: 'Not under review.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await runAction(c, (ctx) => decideLegalRequest(ctx, id, session.user.id, body)), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/requests/{id}/emergency-review',
      permission: 'decide:legal_request',
      audit: 'legal.emergency_reviewed',
      tags: ['legal'],
      summary: 'Review an emergency request after the fact (not by who recorded or produced it)',
      request: { params: IdParams, body: jsonBody(EmergencyReviewBody) },
      responses: {
        200: jsonResponse(LegalRequest, 'Reviewed.'),
        403: { description: 'You recorded or produced it.' },
        ...notFound,
        409: { description: 'Already reviewed.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await runAction(c, (ctx) => reviewEmergency(ctx, id, session.user.id, body)), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/requests/{id}/read',
      permission: 'record:legal_request',
      audit: 'legal.read',
      tags: ['legal'],
      summary: 'Read metadata or content of the target accounts, inside your live legal grant and its scope',
      description:
        'Messages of the targets’ conversations sent inside each target’s accepted range; content only where the ' +
        'instrument and the target’s accepted categories allow it. Messages asked for by id outside that scope ' +
        'are not returned. Every read is a `legal.read` event naming the messages returned.',
      request: { params: IdParams, body: jsonBody(LegalReadBody) },
      responses: {
        200: jsonResponse(LegalRead, 'What the order reaches.'),
        403: { description: 'No live legal grant of yours, or the category is outside the order.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const { db, keyring } = c.get('deps');
      // One statement, atomic by itself: the grant, the scope, the rows and the audit event.
      const result = await readUnderLegalRequest(db, keyring, id, session.user.id, body, auditContext(c));
      if (result instanceof AppError) throw result;
      return c.json(result, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/requests/{id}/production',
      permission: 'record:legal_request',
      audit: ['legal.produced', 'legal.item_disclosed', ...ended],
      tags: ['legal'],
      summary: 'Produce the signed disclosure package (zip) for an accepted request, inside your live grant',
      description:
        'Each item disclosed is a `legal.item_disclosed` event naming its message ids; `legal.produced` records ' +
        'the SHA-256 of the package’s manifest, so `docket-verify --disclosure` can prove offline what was handed over.',
      request: { params: IdParams },
      responses: {
        200: { description: 'The package.', content: { 'application/zip': { schema: z.string() } } },
        403: { description: 'No live legal grant of yours on this request.' },
        ...notFound,
        409: { description: 'Not accepted, narrowed or an emergency.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const { keyring, signingKeys } = c.get('deps');
      const produced = await runAction(c, (ctx) =>
        produceDisclosure(ctx, keyring, signingKeys.current(), id, session.user.id),
      );
      return c.body(produced.zip as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="disclosure-${id}.zip"`,
      });
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/requests/{id}/notices',
      permission: 'record:legal_request',
      audit: ['legal.notice_decided', 'access.notice'],
      tags: ['legal'],
      summary: 'Decide notice to one target: notify now, defer (committed in the log), or never (with a reason)',
      request: { params: IdParams, body: jsonBody(LegalNoticeBody) },
      responses: {
        200: jsonResponse(LegalRequest, 'Decided.'),
        ...notFound,
        409: { description: 'Not produced yet, or already decided.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(await runAction(c, (ctx) => decideNotice(ctx, id, session.user.id, body)), 200);
    },
  );
