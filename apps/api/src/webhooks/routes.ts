import {
  CreateWebhookEndpointBody,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
  WebhookTestEvent,
} from '@docket/contracts';
import { z } from 'zod';
import { runAction } from '../actions/context';
import { defineRoute, featureRouter, jsonBody, jsonResponse } from '../http/route';
import { listWebhookDeliveries, redeliverWebhook, sendTestEvent } from './deliveries';
import {
  createWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  setWebhookEndpointDisabled,
} from './endpoints';

const IdParams = z.object({ id: z.uuid() });
const tags = ['webhooks'];
const noEndpoint = { 404: { description: 'No such endpoint.' } };

function toggleRoute(disabled: boolean) {
  return defineRoute({
    method: 'post',
    path: disabled ? '/endpoints/{id}/disable' : '/endpoints/{id}/enable',
    permission: 'manage:webhook',
    audit: disabled ? 'webhook.endpoint_disabled' : 'webhook.endpoint_enabled',
    tags,
    summary: disabled
      ? 'Disable an endpoint: it gets no new events, and its pending deliveries wait'
      : 'Enable an endpoint: its waiting deliveries resume',
    request: { params: IdParams },
    responses: { 200: jsonResponse(WebhookEndpoint, disabled ? 'Disabled.' : 'Enabled.'), ...noEndpoint },
  });
}

export const webhookRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/endpoints',
      permission: 'manage:webhook',
      audit: 'none',
      tags,
      summary: 'List outbound webhook endpoints',
      responses: { 200: jsonResponse(WebhookEndpointList, 'All endpoints (there are few).') },
    }),
    async (c) => c.json({ items: await listWebhookEndpoints(c.get('deps').db) }, 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/endpoints',
      permission: 'manage:webhook',
      audit: 'webhook.endpoint_created',
      tags,
      summary: 'Register an endpoint; the response carries its signing secret, shown this once',
      request: { body: jsonBody(CreateWebhookEndpointBody) },
      responses: { 201: jsonResponse(WebhookEndpointWithSecret, 'Created.') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { keyring } = c.get('deps');
      const endpoint = await runAction(c, (ctx) => createWebhookEndpoint(ctx, keyring, body));
      return c.json(endpoint, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/endpoints/{id}/rotate-secret',
      permission: 'manage:webhook',
      audit: 'webhook.endpoint_rotated',
      tags,
      summary: 'Replace the signing secret; the new one is shown this once',
      request: { params: IdParams },
      responses: { 200: jsonResponse(WebhookEndpointWithSecret, 'Rotated.'), ...noEndpoint },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { keyring } = c.get('deps');
      const endpoint = await runAction(c, (ctx) => rotateWebhookSecret(ctx, keyring, id));
      return c.json(endpoint, 200);
    },
  )
  .openapi(toggleRoute(true), async (c) => {
    const { id } = c.req.valid('param');
    const endpoint = await runAction(c, (ctx) => setWebhookEndpointDisabled(ctx, id, true));
    return c.json(endpoint, 200);
  })
  .openapi(toggleRoute(false), async (c) => {
    const { id } = c.req.valid('param');
    const endpoint = await runAction(c, (ctx) => setWebhookEndpointDisabled(ctx, id, false));
    return c.json(endpoint, 200);
  })
  .openapi(
    defineRoute({
      method: 'post',
      path: '/endpoints/{id}/test',
      permission: 'manage:webhook',
      audit: 'webhook.test_sent',
      tags,
      summary: 'Send a `webhook.test` event to this endpoint',
      request: { params: IdParams },
      responses: {
        202: jsonResponse(WebhookTestEvent, 'Queued for delivery.'),
        409: { description: 'The endpoint is disabled.' },
        ...noEndpoint,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const sent = await runAction(c, (ctx) => sendTestEvent(ctx, id));
      return c.json(sent, 202);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/endpoints/{id}/deliveries',
      permission: 'manage:webhook',
      audit: 'none',
      tags,
      summary: "An endpoint's delivery log, newest first: status, attempts, response code, latency, next retry",
      request: { params: IdParams, query: WebhookDeliveryQuery },
      responses: { 200: jsonResponse(WebhookDeliveryPage, 'One page of deliveries.'), ...noEndpoint },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const page = c.req.valid('query');
      return c.json(await listWebhookDeliveries(c.get('deps').db, id, page), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/deliveries/{id}/redeliver',
      permission: 'manage:webhook',
      audit: 'webhook.redelivered',
      tags,
      summary: 'Send a delivered or dead-lettered event again, with the same webhook-id',
      request: { params: IdParams },
      responses: {
        204: { description: 'Queued again.' },
        404: { description: 'No such delivery.' },
        409: { description: 'Still pending.' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await runAction(c, (ctx) => redeliverWebhook(ctx, id));
      return c.body(null, 204);
    },
  );
