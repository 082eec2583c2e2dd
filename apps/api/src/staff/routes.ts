import {
  CreatedStaff,
  CreateStaffBody,
  RedeemedLink,
  RedeemLinkBody,
  RequestRoleBody,
  RoleChange,
  RoleChangeIdParams,
  RoleChangeList,
  StaffIdParams,
  StaffLink,
  StaffList,
  StaffListQuery,
  StaffRoleParams,
  StaffUser,
  UpdateStaffBody,
} from '@docket/contracts';
import { z } from 'zod';
import { runAction } from '../actions/context';
import { signedIn } from '../auth/middleware';
import { defineRoute, featureRouter, jsonBody, jsonResponse } from '../http/route';
import { createStaff, issueResetLink, redeemLink } from './links';
import { decideRoleChange, listRoleChanges, removeRole, requestRole } from './role-changes';
import { getStaff, listStaff, setStaffDisabled, updateStaff } from './staff';

const staffResponse = (description: string) => jsonResponse(StaffUser, description);
const notFound = { 404: { description: 'No staff account with that id.' } };
const ownAccount = { 403: { description: 'Your own account: another admin must do it.' } };

function toggleRoute(disabled: boolean) {
  return defineRoute({
    method: 'post',
    path: disabled ? '/{id}/disable' : '/{id}/enable',
    permission: 'manage:staff',
    audit: disabled ? 'staff.disabled' : 'staff.enabled',
    tags: ['staff'],
    summary: disabled ? 'Disable an account and end its sessions at once' : 'Enable a disabled account',
    request: { params: StaffIdParams },
    responses: {
      200: staffResponse(disabled ? 'Disabled.' : 'Enabled.'),
      ...notFound,
      409: { description: 'Your own account, or the last active admin.' },
    },
  });
}

function decideRoute(outcome: 'confirmed' | 'rejected') {
  return defineRoute({
    method: 'post',
    path: outcome === 'confirmed' ? '/{id}/confirm' : '/{id}/reject',
    permission: 'manage:staff',
    audit: outcome === 'confirmed' ? 'staff.role_confirmed' : 'staff.role_rejected',
    tags: ['staff'],
    summary:
      outcome === 'confirmed'
        ? 'Confirm a pending role grant: it takes effect now (never one you requested or one for yourself)'
        : 'Reject a pending role grant (never one you requested or one for yourself)',
    request: { params: RoleChangeIdParams },
    responses: {
      200: jsonResponse(RoleChange, outcome === 'confirmed' ? 'Confirmed.' : 'Rejected.'),
      403: { description: 'You requested it, or it changes your own roles.' },
      404: { description: 'No role change with that id.' },
      409: { description: 'Already decided.' },
    },
  });
}

export const staffRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/',
      permission: 'read:staff',
      audit: 'none',
      tags: ['staff'],
      summary: 'List staff accounts (keyset pages by username)',
      request: { query: StaffListQuery },
      responses: { 200: jsonResponse(StaffList, 'A page of staff.') },
    }),
    async (c) => c.json(await listStaff(c.get('deps').db, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/',
      permission: 'manage:staff',
      audit: 'staff.created',
      tags: ['staff'],
      summary: 'Create a staff account; returns its one-time enrolment link, and its roles wait for a second admin',
      request: { body: jsonBody(CreateStaffBody) },
      responses: { 201: jsonResponse(CreatedStaff, 'Created.'), 409: { description: 'Username taken.' } },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const deps = c.get('deps');
      const created = await runAction(c, (ctx) =>
        createStaff(ctx, body, signedIn(c).tokenHash, deps.config.staffLinks),
      );
      return c.json(created, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/{id}',
      permission: 'read:staff',
      audit: 'none',
      tags: ['staff'],
      summary: 'One staff account',
      request: { params: StaffIdParams },
      responses: { 200: staffResponse('The account.'), ...notFound },
    }),
    async (c) => c.json(await getStaff(c.get('deps').db, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/{id}',
      permission: 'manage:staff',
      audit: 'staff.updated',
      tags: ['staff'],
      summary: "Change a staff account's display name",
      request: { params: StaffIdParams, body: jsonBody(UpdateStaffBody) },
      responses: { 200: staffResponse('Updated.'), ...notFound },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const user = await runAction(c, (ctx) => updateStaff(ctx, id, body));
      return c.json(user, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/roles',
      permission: 'manage:staff',
      audit: 'staff.role_requested',
      tags: ['staff'],
      summary: 'Ask for a role for someone else; it takes effect when another admin confirms it',
      request: { params: StaffIdParams, body: jsonBody(RequestRoleBody) },
      responses: {
        201: jsonResponse(z.object({ changeId: z.uuid() }), 'Requested; pending.'),
        ...notFound,
        ...ownAccount,
        409: { description: 'Already held, or already pending.' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { role } = c.req.valid('json');
      const changeId = await runAction(c, (ctx) => requestRole(ctx, id, role));
      return c.json({ changeId }, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/{id}/roles/{role}',
      permission: 'manage:staff',
      audit: 'staff.role_removed',
      tags: ['staff'],
      summary: "Remove a role from someone else's account, at once (it only reduces access)",
      request: { params: StaffRoleParams },
      responses: {
        200: staffResponse('Removed.'),
        ...notFound,
        ...ownAccount,
        409: { description: 'Not held, or the last active admin.' },
      },
    }),
    async (c) => {
      const { id, role } = c.req.valid('param');
      const user = await runAction(c, async (ctx) => {
        await removeRole(ctx, id, role);
        return getStaff(ctx.trx, id);
      });
      return c.json(user, 200);
    },
  )
  .openapi(toggleRoute(true), async (c) => {
    const { id } = c.req.valid('param');
    const user = await runAction(c, (ctx) => setStaffDisabled(ctx, id, true));
    return c.json(user, 200);
  })
  .openapi(toggleRoute(false), async (c) => {
    const { id } = c.req.valid('param');
    const user = await runAction(c, (ctx) => setStaffDisabled(ctx, id, false));
    return c.json(user, 200);
  })
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/reset-link',
      permission: 'manage:staff',
      audit: 'staff.reset_link_issued',
      tags: ['staff'],
      summary:
        'Issue a one-time password-reset link for someone else (shown once; the old password works until it is used)',
      request: { params: StaffIdParams },
      responses: {
        201: jsonResponse(StaffLink, 'The link, shown this once.'),
        ...notFound,
        ...ownAccount,
        409: { description: 'The account is disabled.' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const deps = c.get('deps');
      const link = await runAction(c, (ctx) => issueResetLink(ctx, id, signedIn(c).tokenHash, deps.config.staffLinks));
      return c.json(link, 201);
    },
  );

export const roleChangeRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/',
      permission: 'read:staff',
      audit: 'none',
      tags: ['staff'],
      summary: 'Role grants waiting for a second admin',
      responses: { 200: jsonResponse(RoleChangeList, 'Oldest first.') },
    }),
    async (c) => c.json({ items: await listRoleChanges(c.get('deps').db, { status: 'pending' }) }, 200),
  )
  .openapi(decideRoute('confirmed'), async (c) => {
    const { id } = c.req.valid('param');
    const change = await runAction(c, (ctx) => decideRoleChange(ctx, id, 'confirmed'));
    return c.json(change, 200);
  })
  .openapi(decideRoute('rejected'), async (c) => {
    const { id } = c.req.valid('param');
    const change = await runAction(c, (ctx) => decideRoleChange(ctx, id, 'rejected'));
    return c.json(change, 200);
  });

// Public: the token in the body is the credential. Tokens never travel in a URL the server sees.
export const enrolmentRoutes = featureRouter().openapi(
  defineRoute({
    method: 'post',
    path: '/',
    permission: 'public',
    audit: ['staff.enrolled', 'staff.password_reset'],
    tags: ['staff'],
    summary: 'Set your own password through a one-time enrolment or reset link',
    request: { body: jsonBody(RedeemLinkBody) },
    responses: {
      200: jsonResponse(RedeemedLink, 'Password set; sign in with it.'),
      404: { description: 'Not a link Docket issued.' },
      409: { description: 'Already used or expired (`expired`), or the account is disabled.' },
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const outcome = await runAction(c, (ctx) => redeemLink(ctx, body, c.get('session')?.tokenHash ?? null));
    if ('refused' in outcome) throw outcome.refused;
    return c.json(outcome.redeemed, 200);
  },
);
