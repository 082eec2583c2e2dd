import { ExtendHoldBody, Hold, HoldList, PlaceHoldBody, ReleaseHoldBody, RetentionSchedule } from '@docket/contracts';
import { z } from 'zod';
import { runAction } from '../actions/context';
import { signedIn } from '../auth/middleware';
import { defineRoute, featureRouter, jsonBody, jsonResponse } from '../http/route';
import { extendHold, listHolds, placeHold, releaseHold } from './holds';
import { retentionSchedule } from './schedule';

const HoldId = z.object({ id: z.uuid() });
const notLive = {
  404: { description: 'No hold with that id.' },
  409: {
    description: 'The hold was released or has expired (place a new one), or its legal request is still in force.',
  },
};

/** Mounted under /api/holds. */
export const holdRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/',
      permission: 'read:legal',
      audit: 'none',
      tags: ['holds'],
      summary: 'Preservation holds, active first with their expiry',
      responses: { 200: jsonResponse(HoldList, 'Holds.') },
    }),
    async (c) => c.json(await listHolds(c.get('deps').db), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/',
      permission: 'manage:hold',
      audit: 'hold.placed',
      tags: ['holds'],
      summary: 'Place a preservation hold on an account or a conversation (90 days unless given)',
      description: 'While the hold is live, retention destroys nothing it covers.',
      request: { body: jsonBody(PlaceHoldBody) },
      responses: { 201: jsonResponse(Hold, 'Placed.') },
    }),
    async (c) => {
      const session = signedIn(c);
      const body = c.req.valid('json');
      return c.json(await runAction(c, (ctx) => placeHold(ctx, session.user.id, body)), 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/extend',
      permission: 'manage:hold',
      audit: 'hold.extended',
      tags: ['holds'],
      summary: 'Extend a live hold: adds days to its expiry (never shortens it)',
      request: { params: HoldId, body: jsonBody(ExtendHoldBody) },
      responses: { 200: jsonResponse(Hold, 'Extended.'), ...notLive },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { days } = c.req.valid('json');
      return c.json(await runAction(c, (ctx) => extendHold(ctx, id, days)), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/release',
      permission: 'manage:hold',
      audit: 'hold.released',
      tags: ['holds'],
      summary: 'Release a live hold now',
      request: { params: HoldId, body: jsonBody(ReleaseHoldBody) },
      responses: { 200: jsonResponse(Hold, 'Released.'), ...notLive },
    }),
    async (c) => {
      const session = signedIn(c);
      const { id } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      return c.json(await runAction(c, (ctx) => releaseHold(ctx, id, session.user.id, reason)), 200);
    },
  );

/** Mounted under /api/retention. */
export const retentionRoutes = featureRouter().openapi(
  defineRoute({
    method: 'get',
    path: '/schedule',
    permission: 'read:legal',
    audit: 'none',
    tags: ['holds'],
    summary: 'The retention schedule: days per category, and the conversations due next',
    responses: { 200: jsonResponse(RetentionSchedule, 'The schedule.') },
  }),
  async (c) => c.json(await retentionSchedule(c.get('deps').db, c.get('deps').config.retention.days), 200),
);
