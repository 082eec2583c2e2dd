import { Preferences } from '@docket/contracts';
import { runAction } from '../actions/context';
import { signedIn } from '../auth/middleware';
import { defineRoute, featureRouter } from '../http/route';

const preferencesResponse = {
  description: 'Your preferences.',
  content: { 'application/json': { schema: Preferences } },
};

/** The signed-in person's own settings. */
export const meRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/preferences',
      permission: 'authenticated',
      audit: 'none',
      tags: ['me'],
      summary: 'Your preferences',
      responses: { 200: preferencesResponse },
    }),
    async (c) => {
      const session = signedIn(c);
      const row = await c
        .get('deps')
        .db.selectFrom('staff_user')
        .select('blur_urgent_evidence')
        .where('id', '=', session.user.id)
        .executeTakeFirstOrThrow();
      return c.json({ blurUrgentEvidence: row.blur_urgent_evidence }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'put',
      path: '/preferences',
      permission: 'authenticated',
      audit: 'preferences.updated',
      tags: ['me'],
      summary: 'Change your preferences (e.g. blur evidence in urgent categories until revealed)',
      request: { body: { required: true, content: { 'application/json': { schema: Preferences } } } },
      responses: { 200: preferencesResponse },
    }),
    async (c) => {
      const session = signedIn(c);
      const body = c.req.valid('json');
      await runAction(c, async (ctx) => {
        await ctx.trx
          .updateTable('staff_user')
          .set({ blur_urgent_evidence: body.blurUrgentEvidence })
          .where('id', '=', session.user.id)
          .execute();
        await ctx.emit({
          action: 'preferences.updated',
          target: { type: 'staff_user', id: session.user.id },
          details: { blurUrgentEvidence: body.blurUrgentEvidence },
        });
      });
      return c.json(body, 200);
    },
  );
