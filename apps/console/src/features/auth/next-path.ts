/**
 * Where sign-in sends people afterwards. `next` comes from the URL, so anyone can craft it:
 * only same-origin relative paths are followed, never another site (open redirect).
 */

export const SIGN_IN_PATH = '/sign-in';

/** Why someone is on the sign-in page; each maps to a fixed notice (no text from the URL). */
export type SignInReason = 'session-ended' | 'signed-out';

const PROBE_ORIGIN = 'https://docket.invalid';

export function safeNextPath(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // Scheme-relative (//host), backslash tricks (/\host) and control characters are refused
  // before parsing, because browsers "repair" them into other hosts.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  if (!raw.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can normalise into //host (e.g. "/.//evil.example"); re-check the result.
  if (path.startsWith('//')) return null;
  if (url.pathname === SIGN_IN_PATH) return null;
  return path;
}

export function isSignInReason(value: string | null): value is SignInReason {
  return value === 'session-ended' || value === 'signed-out';
}

/** `/sign-in`, with where to return to and why, when known. */
export function signInPath(options: { next?: string | null; reason?: SignInReason | undefined } = {}): string {
  const params = new URLSearchParams();
  const next = safeNextPath(options.next);
  if (next && next !== '/') params.set('next', next);
  if (options.reason) params.set('reason', options.reason);
  const search = params.toString();
  return search ? `${SIGN_IN_PATH}?${search}` : SIGN_IN_PATH;
}
