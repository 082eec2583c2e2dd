import {
  AccessReviewList,
  AccessReviewQuery,
  AuditEvent,
  AuditEventList,
  AuditEventQuery,
  GrantTrace,
  StaffReview,
  StaffReviewQuery,
} from '@docket/contracts';
import { z } from 'zod';
import { defineRoute, featureRouter, jsonResponse } from '../http/route';
import { accessReview, traceGrant } from './access-review';
import { getAuditEvent, searchAuditEvents } from './search';
import { staffReview } from './staff-review';

/** The auditor's reading routes under /api/audit: search, one event, a grant's trail, access reviews. */
export const auditSearchRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/events',
      permission: 'read:audit',
      audit: 'none',
      tags: ['audit'],
      summary: 'Search the audit log by actor, action, outcome, target, case, grant and time (newest first)',
      request: { query: AuditEventQuery },
      responses: { 200: jsonResponse(AuditEventList, 'A page of events.') },
    }),
    async (c) => c.json(await searchAuditEvents(c.get('deps').db, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/events/{id}',
      permission: 'read:audit',
      audit: 'none',
      tags: ['audit'],
      summary: 'One audit event',
      request: { params: z.object({ id: z.string().regex(/^\d{1,19}$/) }) },
      responses: { 200: jsonResponse(AuditEvent, 'The event.'), 404: { description: 'No such event.' } },
    }),
    async (c) => c.json(await getAuditEvent(c.get('deps').db, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/grants/{id}/trace',
      permission: 'read:audit',
      audit: 'none',
      tags: ['audit'],
      summary: "A grant's trail: request → approval → every read (message ids) → decisions",
      request: { params: z.object({ id: z.uuid() }) },
      responses: {
        200: jsonResponse(GrantTrace, 'The grant and its events, in order.'),
        404: { description: 'No such grant.' },
      },
    }),
    async (c) => c.json(await traceGrant(c.get('deps').db, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/access-review',
      permission: 'read:audit',
      audit: 'none',
      tags: ['audit'],
      summary: 'Every grant that started in a period: justification, approver, reads, decisions, outcome',
      request: { query: AccessReviewQuery },
      responses: { 200: jsonResponse(AccessReviewList, 'A page of grants, newest first.') },
    }),
    async (c) => c.json(await accessReview(c.get('deps').db, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/access-review/staff',
      permission: 'read:audit',
      audit: 'none',
      tags: ['audit'],
      summary:
        'Role changes in a period, and enrolment or reset links used from the issuing admin’s address or session',
      request: { query: StaffReviewQuery },
      responses: { 200: jsonResponse(StaffReview, 'Role changes oldest first, and flagged link uses.') },
    }),
    async (c) => c.json(await staffReview(c.get('deps').db, c.req.valid('query')), 200),
  );
