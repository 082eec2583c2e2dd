import {
  CreateStaffBody,
  SetPasswordBody,
  StaffIdParams,
  StaffList,
  StaffListQuery,
  StaffUser,
  UpdateStaffBody,
} from '@docket/contracts';
import { auditContext } from '../audit/record';
import { defineRoute, featureRouter, jsonBody } from '../http/route';
import { createStaff, getStaff, listStaff, setStaffDisabled, setStaffPassword, updateStaff } from './staff';

const staffResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: StaffUser } },
});
const notFound = { 404: { description: 'No staff account with that id.' } };

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
      responses: { 200: { description: 'A page of staff.', content: { 'application/json': { schema: StaffList } } } },
    }),
    async (c) => c.json(await listStaff(c.var.deps.db, c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/',
      permission: 'manage:staff',
      audit: 'staff.created',
      tags: ['staff'],
      summary: 'Create a staff account',
      request: { body: jsonBody(CreateStaffBody) },
      responses: { 201: staffResponse('Created.'), 409: { description: 'Username taken.' } },
    }),
    async (c) => {
      const audit = auditContext(c);
      const body = c.req.valid('json');
      const user = await c.var.deps.db.transaction().execute((trx) => createStaff(trx, body, audit));
      return c.json(user, 201);
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
    async (c) => c.json(await getStaff(c.var.deps.db, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/{id}',
      permission: 'manage:staff',
      audit: 'staff.updated',
      tags: ['staff'],
      summary: "Change a staff account's display name or roles",
      request: { params: StaffIdParams, body: jsonBody(UpdateStaffBody) },
      responses: { 200: staffResponse('Updated.'), ...notFound, 409: { description: 'Would remove the last admin.' } },
    }),
    async (c) => {
      const audit = auditContext(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const user = await c.var.deps.db.transaction().execute((trx) => updateStaff(trx, id, body, audit));
      return c.json(user, 200);
    },
  )
  .openapi(toggleRoute(true), async (c) => {
    const audit = auditContext(c);
    const { id } = c.req.valid('param');
    const user = await c.var.deps.db.transaction().execute((trx) => setStaffDisabled(trx, id, true, audit));
    return c.json(user, 200);
  })
  .openapi(toggleRoute(false), async (c) => {
    const audit = auditContext(c);
    const { id } = c.req.valid('param');
    const user = await c.var.deps.db.transaction().execute((trx) => setStaffDisabled(trx, id, false, audit));
    return c.json(user, 200);
  })
  .openapi(
    defineRoute({
      method: 'post',
      path: '/{id}/password',
      permission: 'manage:staff',
      audit: 'staff.password_set',
      tags: ['staff'],
      summary: "Set a staff account's password and end its sessions",
      request: { params: StaffIdParams, body: jsonBody(SetPasswordBody) },
      responses: { 204: { description: 'Password set.' }, ...notFound },
    }),
    async (c) => {
      const audit = auditContext(c);
      const { id } = c.req.valid('param');
      const { password } = c.req.valid('json');
      await c.var.deps.db.transaction().execute((trx) => setStaffPassword(trx, id, password, audit));
      return c.body(null, 204);
    },
  );
