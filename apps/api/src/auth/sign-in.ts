import type { ActionContext } from '../actions/context';
import type { Config } from '../config';
import { AppError } from '../http/problem';
import { verifyPassword } from './passwords';
import { createSession } from './sessions';
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from './throttle';

export type SignInResult = { ok: true; token: string; staffUserId: string } | { ok: false; error: AppError };

/**
 * Checks a username and password. Failures are returned, not thrown, so that their audit
 * event and throttle record commit with the transaction while the caller still answers 4xx.
 */
export async function signIn(
  ctx: ActionContext,
  credentials: { username: string; password: string },
  config: Config,
): Promise<SignInResult> {
  const { trx } = ctx;
  const { username, password } = credentials;
  const target = { type: 'staff_user', id: username };

  const retryAfter = await signInRetryAfter(trx, username, ctx.ip, config.signIn);
  if (retryAfter !== null) {
    await ctx.emit({
      action: 'auth.sign_in_throttled',
      outcome: 'denied',
      target,
      details: { retryAfterSeconds: retryAfter },
    });
    const minutes = Math.ceil(retryAfter / 60);
    return {
      ok: false,
      error: new AppError(
        'rate_limited',
        `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { retryAfterSeconds: retryAfter },
        { audited: true },
      ),
    };
  }

  const user = await trx
    .selectFrom('staff_user')
    .select(['id', 'username', 'password_hash', 'disabled_at', 'roles'])
    .where('username', '=', username)
    .executeTakeFirst();

  if (!(await verifyPassword(user?.password_hash ?? null, password))) {
    await recordSignInFailure(trx, username, ctx.ip);
    await ctx.emit({
      action: 'auth.sign_in_failed',
      outcome: 'failure',
      target: user ? { type: 'staff_user', id: user.id } : target,
      details: { username, reason: user ? 'wrong_password' : 'unknown_user' },
    });
    return { ok: false, error: new AppError('unauthenticated', 'Wrong username or password.', {}, { audited: true }) };
  }
  // Only reached with the right password, so this reveals nothing to a guesser.
  if (!user || user.disabled_at) {
    await ctx.emit({
      action: 'auth.sign_in_failed',
      outcome: 'denied',
      target: { type: 'staff_user', id: user?.id ?? username },
      details: { username, reason: 'disabled' },
    });
    return {
      ok: false,
      error: new AppError('forbidden', 'This account is disabled. Ask an administrator.', {}, { audited: true }),
    };
  }

  await clearSignInFailures(trx, username);
  await trx.updateTable('staff_user').set({ last_sign_in_at: new Date() }).where('id', '=', user.id).execute();
  const { token } = await createSession(trx, user.id, ctx, config.session);
  await ctx
    .actingAs({ type: 'staff', id: user.id, label: user.username, roles: user.roles })
    .emit({ action: 'auth.signed_in', target: { type: 'staff_user', id: user.id } });
  return { ok: true, token, staffUserId: user.id };
}
