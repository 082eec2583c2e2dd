import {
  CreateServiceAccountBody,
  ServiceAccount,
  ServiceAccountList,
  ServiceAccountWithSecret,
} from '@docket/contracts';
import { z } from 'zod';
import { runAction } from '../actions/context';
import { defineRoute, featureRouter } from '../http/route';
import { createServiceAccount, listServiceAccounts, setServiceAccountDisabled } from './service-accounts';

const IdParams = z.object({ id: z.uuid() });
const accountResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ServiceAccount } },
});

function toggleRoute(disabled: boolean) {
  return defineRoute({
    method: 'post',
    path: disabled ? '/{id}/disable' : '/{id}/enable',
    permission: 'manage:service_account',
    audit: disabled ? 'service_account.disabled' : 'service_account.enabled',
    tags: ['service accounts'],
    summary: disabled
      ? 'Disable a service account: its signed requests are refused at once'
      : 'Enable a service account',
    request: { params: IdParams },
    responses: { 200: accountResponse(disabled ? 'Disabled.' : 'Enabled.'), 404: { description: 'No such account.' } },
  });
}

export const serviceAccountRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/',
      permission: 'manage:service_account',
      audit: 'none',
      tags: ['service accounts'],
      summary: 'List platform service accounts',
      responses: {
        200: {
          description: 'All service accounts (there are few).',
          content: { 'application/json': { schema: ServiceAccountList } },
        },
      },
    }),
    async (c) => c.json({ items: await listServiceAccounts(c.get('deps').db) }, 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/',
      permission: 'manage:service_account',
      audit: 'service_account.created',
      tags: ['service accounts'],
      summary: 'Create a service account; the response carries its secret, shown this once',
      request: { body: { required: true, content: { 'application/json': { schema: CreateServiceAccountBody } } } },
      responses: {
        201: { description: 'Created.', content: { 'application/json': { schema: ServiceAccountWithSecret } } },
      },
    }),
    async (c) => {
      const { name } = c.req.valid('json');
      const { keyring } = c.get('deps');
      const account = await runAction(c, (ctx) => createServiceAccount(ctx, keyring, name));
      return c.json(account, 201);
    },
  )
  .openapi(toggleRoute(true), async (c) => {
    const { id } = c.req.valid('param');
    const account = await runAction(c, (ctx) => setServiceAccountDisabled(ctx, id, true));
    return c.json(account, 200);
  })
  .openapi(toggleRoute(false), async (c) => {
    const { id } = c.req.valid('param');
    const account = await runAction(c, (ctx) => setServiceAccountDisabled(ctx, id, false));
    return c.json(account, 200);
  });
