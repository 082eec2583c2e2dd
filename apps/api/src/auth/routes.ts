import { SessionInfo, SignInBody } from '@docket/contracts';
import { permissionsFor } from '@docket/permissions';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { runAction } from '../actions/context';
import type { AppEnv, Session } from '../context';
import { isHttps } from '../http/client';
import { defineRoute, featureRouter } from '../http/route';
import { signedIn } from './middleware';
import { deleteSession, findLiveSession, SECURE_SESSION_COOKIE, SESSION_COOKIE } from './sessions';
import { signIn } from './sign-in';

function sessionInfo(session: Session) {
  return {
    user: session.user,
    permissions: [...permissionsFor(session.user.roles)],
    csrfToken: session.csrfToken,
    idleExpiresAt: session.idleExpiresAt.toISOString(),
    absoluteExpiresAt: session.absoluteExpiresAt.toISOString(),
  };
}

function setSessionCookie(c: Context<AppEnv>, token: string, session: Session) {
  const secure = isHttps(c);
  setCookie(c, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    expires: session.absoluteExpiresAt,
  });
}

function clearSessionCookies(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  if (isHttps(c)) deleteCookie(c, SECURE_SESSION_COOKIE, { path: '/', secure: true });
}

const sessionResponse = {
  description: 'The signed-in session, with the CSRF token to send on writes.',
  content: { 'application/json': { schema: SessionInfo } },
};

export const authRoutes = featureRouter()
  .openapi(
    defineRoute({
      method: 'post',
      path: '/sign-in',
      permission: 'public',
      audit: 'auth.signed_in',
      tags: ['auth'],
      summary: 'Sign in with username and password',
      request: { body: { required: true, content: { 'application/json': { schema: SignInBody } } } },
      responses: {
        200: sessionResponse,
        401: { description: 'Wrong username or password.' },
        403: { description: 'Account disabled (only said after a correct password).' },
        429: { description: 'Too many failures; `Retry-After` says when to try again.' },
      },
    }),
    async (c) => {
      const { db, config } = c.get('deps');
      const result = await runAction(c, (ctx) => signIn(ctx, c.req.valid('json'), config));
      if (!result.ok) throw result.error;
      const session = await findLiveSession(db, result.token, config.session);
      if (!session) throw new Error('session vanished right after sign-in');
      setSessionCookie(c, result.token, session);
      return c.json(sessionInfo(session), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/sign-out',
      permission: 'authenticated',
      audit: 'auth.signed_out',
      tags: ['auth'],
      summary: 'Sign out: ends this session on the server',
      responses: { 204: { description: 'Signed out.' } },
    }),
    async (c) => {
      const session = signedIn(c);
      await runAction(c, async (ctx) => {
        await deleteSession(ctx.trx, session.tokenHash);
        await ctx.emit({
          action: 'auth.signed_out',
          target: { type: 'staff_user', id: session.user.id },
        });
      });
      clearSessionCookies(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/session',
      permission: 'authenticated',
      audit: 'none',
      tags: ['auth'],
      summary: 'The current session, its permissions and CSRF token',
      responses: { 200: sessionResponse },
    }),
    (c) => c.json(sessionInfo(signedIn(c)), 200),
  );
