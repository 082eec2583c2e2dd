import { type Category, type DsaCategory, Policy, PolicyBody, PolicyList } from '@docket/contracts';
import type { PolicyRow } from '@docket/db';
import { can } from '@docket/permissions';
import { z } from 'zod';
import { type ActionContext, runAction } from '../actions/context';
import { signedIn } from '../auth/middleware';
import { AppError } from '../http/problem';
import { defineRoute, featureRouter, jsonBody } from '../http/route';

const columns = [
  'code',
  'title',
  'description',
  'active',
  'dsa_category',
  'terms_url',
  'categories',
  'violation',
] as const;
const toPolicy = (row: Pick<PolicyRow, (typeof columns)[number]>): Policy => ({
  code: row.code,
  title: row.title,
  description: row.description,
  active: row.active,
  dsaCategory: row.dsa_category as DsaCategory | null,
  categories: row.categories as Category[],
  violation: row.violation,
  termsUrl: row.terms_url,
});

async function savePolicy(
  ctx: ActionContext,
  code: string,
  body: z.infer<typeof PolicyBody>,
  mode: 'create' | 'update',
): Promise<Policy> {
  const { trx } = ctx;
  const values = {
    title: body.title,
    description: body.description,
    active: body.active,
    dsa_category: body.dsaCategory,
    terms_url: body.termsUrl,
  };
  const row =
    mode === 'create'
      ? await trx
          .insertInto('policy')
          .values({ code, ...values })
          .onConflict((oc) => oc.column('code').doNothing())
          .returning(columns)
          .executeTakeFirst()
      : await trx
          .updateTable('policy')
          .set({ ...values, updated_at: new Date() })
          .where('code', '=', code)
          .returning(columns)
          .executeTakeFirst();
  if (!row) {
    throw mode === 'create'
      ? new AppError('conflict', `Policy ${code} exists.`, { errors: [{ field: 'code', message: 'taken' }] })
      : new AppError('not_found', `No policy ${code}.`);
  }
  await ctx.emit({
    action: mode === 'create' ? 'policy.created' : 'policy.updated',
    target: { type: 'policy', id: code },
    details: values,
  });
  return toPolicy(row);
}

export const policyRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/',
      permission: 'authenticated',
      audit: 'none',
      tags: ['policies'],
      summary: 'The policy catalog (active policies; admins also see inactive ones)',
      responses: { 200: { description: 'Policies by code.', content: { 'application/json': { schema: PolicyList } } } },
    }),
    async (c) => {
      const session = signedIn(c);
      let query = c.get('deps').db.selectFrom('policy').select(columns).orderBy('code');
      if (!can(session.user.roles, 'manage:queue')) query = query.where('active', '=', true);
      return c.json({ items: (await query.execute()).map(toPolicy) }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/',
      permission: 'manage:queue',
      audit: 'policy.created',
      tags: ['policies'],
      summary: 'Add a policy to the catalog',
      request: { body: jsonBody(PolicyBody) },
      responses: {
        201: { description: 'Added.', content: { 'application/json': { schema: Policy } } },
        409: { description: 'Code taken.' },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      if (!body.code)
        throw new AppError('invalid', 'A new policy needs a code.', {
          errors: [{ field: 'code', message: 'required' }],
        });
      const code = body.code;
      const policy = await runAction(c, (ctx) => savePolicy(ctx, code, body, 'create'));
      return c.json(policy, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/{code}',
      permission: 'manage:queue',
      audit: 'policy.updated',
      tags: ['policies'],
      summary: 'Edit or deactivate a policy (decisions keep the code they cited)',
      request: { params: z.object({ code: z.string().max(32) }), body: jsonBody(PolicyBody) },
      responses: {
        200: { description: 'Saved.', content: { 'application/json': { schema: Policy } } },
        404: { description: 'No such policy.' },
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param');
      const body = c.req.valid('json');
      const policy = await runAction(c, (ctx) => savePolicy(ctx, code, body, 'update'));
      return c.json(policy, 200);
    },
  );
