import { Dashboard, DashboardQuery } from '@docket/contracts';
import { can } from '@docket/permissions';
import { z } from 'zod';
import { type ActionContext, runAction } from '../actions/context';
import { signedIn } from '../auth/middleware';
import { AppError } from '../http/problem';
import { defineRoute, featureRouter, jsonResponse } from '../http/route';
import { dashboardFigures } from './figures';
import { type Period, resolvePeriod } from './period';

const tags = ['dashboard'];

/** Work figures about people are worth a record of who looked, as an account's history is. */
async function viewDashboard(ctx: ActionContext, period: Period, reviewerId: string | null): Promise<Dashboard> {
  const figures = await dashboardFigures(ctx.trx, period, reviewerId);
  await ctx.emit({
    action: 'dashboard.viewed',
    target: reviewerId ? { type: 'staff_user', id: reviewerId } : { type: 'dashboard', id: 'team' },
    details: { from: period.from, to: period.to },
  });
  return figures;
}

export const dashboardRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/team',
      permission: 'read:team_dashboard',
      audit: 'dashboard.viewed',
      tags,
      summary: "The team's dashboard: queue history, SLA breaches and every reviewer's figures for a period",
      request: { query: DashboardQuery },
      responses: { 200: jsonResponse(Dashboard, 'The figures, by UTC day.') },
    }),
    async (c) =>
      c.json(await runAction(c, (ctx) => viewDashboard(ctx, resolvePeriod(c.req.valid('query')), null)), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/reviewers/{id}',
      permission: 'read:dashboard',
      audit: 'dashboard.viewed',
      tags,
      summary: "One reviewer's figures for a period: your own, or anyone's for a supervisor",
      request: { params: z.object({ id: z.uuid() }), query: DashboardQuery },
      responses: {
        200: jsonResponse(Dashboard, 'The figures, by UTC day.'),
        404: { description: "No such staff member, or another person's figures without read:team_dashboard." },
      },
    }),
    async (c) => {
      const { user } = signedIn(c);
      const { id } = c.req.valid('param');
      // Someone else's figures do not exist for a reviewer: 404, as for a case they do not hold.
      if (id !== user.id && !can(user.roles, 'read:team_dashboard')) {
        throw new AppError('not_found', 'You may see your own figures only.');
      }
      const figures = await runAction(c, async (ctx) => {
        const exists = await ctx.trx.selectFrom('staff_user').select('id').where('id', '=', id).executeTakeFirst();
        if (!exists) throw new AppError('not_found', 'No staff member with that id.');
        return viewDashboard(ctx, resolvePeriod(c.req.valid('query')), id);
      });
      return c.json(figures, 200);
    },
  );
