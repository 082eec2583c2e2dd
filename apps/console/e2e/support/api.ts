/** API clients for setting a journey's scene, and staff made the way admins make them. */
import { type APIRequestContext, request } from '@playwright/test';
import { DEMO, type DemoAccount, expect } from './test';

export interface Api {
  ctx: APIRequestContext;
  post(url: string, data?: unknown): Promise<unknown>;
  get(url: string): Promise<unknown>;
}

/** An API client signed in as someone. */
export async function apiAs(baseURL: string, username: string, password: string): Promise<Api> {
  const ctx = await request.newContext({ baseURL });
  const signedIn = await ctx.post('/api/auth/sign-in', { data: { username, password } });
  expect(signedIn.status()).toBe(200);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const check = async (response: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(response.ok(), `${response.url()}: ${await response.text()}`).toBe(true);
    return response.status() === 204 ? null : response.json();
  };
  return {
    ctx,
    post: async (url, data = {}) => check(await ctx.post(url, { data, headers: { 'x-csrf-token': csrfToken } })),
    get: async (url) => check(await ctx.get(url)),
  };
}

export const demoApi = (baseURL: string, account: DemoAccount) =>
  apiAs(baseURL, DEMO[account].username, DEMO[account].password);

/**
 * A staff account made as admins make them: one admin creates it, its owner enrols through the
 * one-time link (from a context of their own), and a second admin confirms each role.
 */
export async function enrolledStaff(baseURL: string, username: string, password: string, roles: string[]) {
  const admin = await demoApi(baseURL, 'admin');
  const { user, link } = (await admin.post('/api/staff', { username, displayName: username, roles })) as {
    user: { id: string };
    link: { path: string };
  };
  const owner = await request.newContext({ baseURL });
  const enrolled = await owner.post('/api/enrolment', { data: { token: link.path.split('#')[1], password } });
  expect(enrolled.status()).toBe(200);
  await owner.dispose();
  const second = await demoApi(baseURL, 'admin2');
  const pending = (await second.get('/api/role-changes')) as { items: { id: string; staff: { id: string } }[] };
  for (const change of pending.items.filter((c) => c.staff.id === user.id)) {
    await second.post(`/api/role-changes/${change.id}/confirm`);
  }
  await Promise.all([admin.ctx.dispose(), second.ctx.dispose()]);
  return apiAs(baseURL, username, password);
}
