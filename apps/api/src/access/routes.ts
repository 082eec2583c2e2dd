import {
  AccessGrant,
  AccessGrantList,
  AccessPolicy,
  AccessRequest,
  AccessRequestBody,
  ApproveAccessBody,
  BreakGlassBody,
  BreakGlassReviewBody,
  CaseAccess,
  ConversationRead,
  DenyAccessBody,
  PendingAccessRequestList,
  RevokeGrantBody,
} from '@docket/contracts';
import { can } from '@docket/permissions';
import { streamSSE } from 'hono/streaming';
import { sql } from 'kysely';
import { z } from 'zod';
import { runAction } from '../actions/context';
import { auditContext } from '../audit/record';
import { signedIn } from '../auth/middleware';
import { AppError } from '../http/problem';
import { defineRoute, featureRouter, jsonBody, jsonResponse } from '../http/route';
import { readConversation } from './conversation-read';
import { activeGrants, breakGlass, ownLiveGrant, reviewBreakGlass, revokeGrant, unreviewedBreakGlass } from './grants';
import type { AccessEvent } from './live';
import { pendingAccessRequests } from './pending-requests';
import {
  approveAccessRequest,
  cancelAccessRequest,
  denyAccessRequest,
  fileAccessRequest,
  ownLatestRequest,
} from './requests';

const IdParams = z.object({ id: z.uuid() });

const settled = {
  404: { description: 'No such request.' },
  409: { description: 'Already decided, cancelled or expired.' },
};

/** Routes under /api/cases/{id}: asking for access, break-glass, and reading inside a grant. */
export const caseAccessRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/{id}/access',
      permission: 'request:access',
      audit: 'none',
      tags: ['access'],
      summary: 'Your own access on a case: your newest request (any state) and your live grant',
      request: { params: IdParams },
      responses: { 200: jsonResponse(CaseAccess, 'Your access.'), 404: { description: 'No such case.' } },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const { db } = c.get('deps');
      const found = await db
        .selectFrom('case')
        .select(sql<Date>`now()`.as('now'))
        .where('id', '=', id)
        .executeTakeFirst();
      if (!found) throw new AppError('not_found', 'No case with that id.');
      const [request, grant] = await Promise.all([
        ownLatestRequest(db, id, session.user.id),
        ownLiveGrant(db, id, session.user.id),
      ]);
      return c.json({ now: found.now.toISOString(), request, grant }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/access-requests',
      permission: 'request:access',
      audit: 'access.requested',
      tags: ['access'],
      summary: 'Ask for time-limited access to the conversation of a case you hold',
      request: { params: IdParams, body: jsonBody(AccessRequestBody) },
      responses: {
        201: jsonResponse(AccessRequest, 'Filed.'),
        404: { description: 'No such case.' },
        409: { description: 'Not your case, or a request is already open.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const request = await runAction(c, (ctx) =>
        fileAccessRequest(ctx, id, session.user.id, body, c.get('deps').config.access),
      );
      return c.json(request, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/break-glass',
      permission: 'use:break_glass',
      audit: 'access.break_glass',
      tags: ['access'],
      summary: 'Urgent cases only: open a short window without approval (reviewed by a supervisor afterwards)',
      request: { params: IdParams, body: jsonBody(BreakGlassBody) },
      responses: {
        201: jsonResponse(AccessGrant, 'Granted.'),
        403: { description: 'Not urgent, or a supervisor revoked your access to this case.' },
        404: { description: 'No such case.' },
        409: { description: 'Not your case, or a break-glass window is already open on it.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const grant = await runAction(c, (ctx) =>
        breakGlass(ctx, id, session.user.id, body, c.get('deps').config.access),
      );
      return c.json(grant, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/{id}/conversation',
      permission: 'read:conversation',
      audit: 'conversation.read',
      tags: ['access'],
      summary: 'The messages your live grant covers (audited with the ids returned)',
      request: {
        params: IdParams,
        query: z.object({
          ids: z
            .string()
            .max(20_000)
            .optional()
            .meta({ description: 'Comma-separated message ids to limit the read to.' }),
        }),
      },
      responses: { 200: jsonResponse(ConversationRead, 'Messages in scope.') },
    }),
    async (c) => {
      const session = signedIn(c);
      const audit = auditContext(c);
      const { id } = c.req.valid('param');
      const { ids } = c.req.valid('query');
      const { db, keyring } = c.get('deps');
      // One statement, atomic by itself: the grant check, the rows in scope and the audit event (see readConversation).
      const result = await readConversation(db, keyring, id, session.user.id, ids?.split(',').filter(Boolean), audit);
      if (result instanceof AppError) throw result;
      return c.json(result, 200);
    },
  );

/** Supervisors' and requesters' routes under /api/access. */
export const accessRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/policy',
      permission: 'request:access',
      audit: 'none',
      tags: ['access'],
      summary: 'The limits this deployment enforces: durations, break-glass maximum, pending expiry',
      responses: { 200: jsonResponse(AccessPolicy, 'The limits.') },
    }),
    (c) => c.json(c.get('deps').config.access, 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/events',
      permission: 'authenticated',
      audit: 'none',
      tags: ['access'],
      summary:
        'Server-Sent Events: new requests and break-glass uses for supervisors; outcomes of your own requests for you',
      responses: {
        200: {
          description:
            '`text/event-stream`: `ready` first, then events named by their type (`access.requested`, …); ' +
            '`resync` when some may have been missed (the database was away): refetch; ' +
            '`reconnect` just before the server ends the stream because it is shutting down.',
        },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const supervises = can(session.user.roles, 'approve:access');
      // Before the stream opens, so a database outage is a 503 the console backs off from.
      await c.get('deps').accessEvents.start();
      // Events carry ids only, never content: supervisors see every one (their inbox, grants and
      // review list follow them); everyone else only those about their own access.
      const visible = (event: AccessEvent) => supervises || event.staffId === session.user.id;
      return streamSSE(c, async (stream) => {
        let ended: () => void = () => {};
        const over = new Promise<void>((resolve) => {
          ended = resolve;
        });
        stream.onAbort(ended);
        const unsubscribe = await c.get('deps').accessEvents.subscribe({
          onEvent: (event) => {
            if (visible(event)) void stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
          },
          // Events may have been lost while the database was away: the console refetches.
          onResync: () => void stream.writeSSE({ event: 'resync', data: '{}' }),
          // This process is stopping: the browser reconnects (through the balancer) after `retry`
          // ms and, on the new stream's `ready`, refetches what it may have missed.
          onShutdown: () => void stream.writeSSE({ event: 'reconnect', data: '{}', retry: 500 }).finally(ended),
        });
        // A comment line now and then keeps proxies from closing an idle stream.
        const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n'), 25_000);
        await stream.writeSSE({ event: 'ready', data: '{}' });
        await over;
        clearInterval(keepAlive);
        unsubscribe();
      }) as unknown as Response;
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/requests',
      permission: 'approve:access',
      audit: 'none',
      tags: ['access'],
      summary: "Pending access requests with each requester's last 30 days",
      responses: { 200: jsonResponse(PendingAccessRequestList, 'Oldest first.') },
    }),
    async (c) => {
      const { db } = c.get('deps');
      return c.json({ items: await pendingAccessRequests(db) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/requests/{id}/approve',
      permission: 'approve:access',
      audit: 'access.approved',
      tags: ['access'],
      summary: "Approve someone else's request, optionally for less time or a narrower scope",
      request: { params: IdParams, body: jsonBody(ApproveAccessBody) },
      responses: { 200: jsonResponse(AccessRequest, 'Approved; a grant exists.'), ...settled },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const request = await runAction(c, (ctx) =>
        approveAccessRequest(ctx, id, session.user.id, body, c.get('deps').config.access),
      );
      return c.json(request, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/requests/{id}/deny',
      permission: 'approve:access',
      audit: 'access.denied',
      tags: ['access'],
      summary: "Deny someone else's request, with a reason",
      request: { params: IdParams, body: jsonBody(DenyAccessBody) },
      responses: { 200: jsonResponse(AccessRequest, 'Denied.'), ...settled },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      const request = await runAction(c, (ctx) => denyAccessRequest(ctx, id, session.user.id, reason));
      return c.json(request, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/requests/{id}/cancel',
      permission: 'request:access',
      audit: 'access.cancelled',
      tags: ['access'],
      summary: 'Cancel your own pending request',
      request: { params: IdParams },
      responses: { 200: jsonResponse(AccessRequest, 'Cancelled.'), ...settled },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const request = await runAction(c, (ctx) => cancelAccessRequest(ctx, id, session.user.id));
      return c.json(request, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/grants',
      permission: 'revoke:access',
      audit: 'none',
      tags: ['access'],
      summary: 'Grants live right now (database clock)',
      responses: { 200: jsonResponse(AccessGrantList, 'Soonest to end first.') },
    }),
    async (c) => {
      return c.json({ items: await activeGrants(c.get('deps').db) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/grants/{id}/revoke',
      permission: 'revoke:access',
      audit: 'access.revoked',
      tags: ['access'],
      summary: 'End a grant now: the next read fails, and its grantee may not break glass on that case again',
      // The body is optional: revoking in a hurry must not wait on words.
      request: { params: IdParams, body: { ...jsonBody(RevokeGrantBody), required: false } },
      responses: {
        200: jsonResponse(AccessGrant, 'Revoked.'),
        404: { description: 'No such grant.' },
        409: { description: 'Already ended.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      const grant = await runAction(c, (ctx) => revokeGrant(ctx, id, session.user.id, reason));
      return c.json(grant, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/break-glass',
      permission: 'review:break_glass',
      audit: 'none',
      tags: ['access'],
      summary: 'Break-glass uses waiting for a supervisor’s review',
      responses: { 200: jsonResponse(AccessGrantList, 'Oldest first.') },
    }),
    async (c) => c.json({ items: await unreviewedBreakGlass(c.get('deps').db) }, 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/break-glass/{id}/review',
      permission: 'review:break_glass',
      audit: 'access.break_glass_reviewed',
      tags: ['access'],
      summary: 'Mark a break-glass use justified or not (both recorded)',
      request: { params: IdParams, body: jsonBody(BreakGlassReviewBody) },
      responses: {
        200: jsonResponse(AccessGrant, 'Reviewed.'),
        404: { description: 'No such break-glass grant.' },
        409: { description: 'Already reviewed.' },
      },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const grant = await runAction(c, (ctx) => reviewBreakGlass(ctx, id, session.user.id, body));
      return c.json(grant, 200);
    },
  );
