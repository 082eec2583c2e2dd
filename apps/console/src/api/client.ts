/**
 * The one way the console talks to the API: same-origin fetch with the session cookie, JSON in
 * and out, the CSRF token on every state-changing request, and problem+json turned into ApiError.
 */
import { networkError, problemToApiError } from './api-error';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | null | undefined>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

const SAFE_METHODS: ReadonlySet<Method> = new Set(['GET']);

// The token lives in the cached session; the app wires this up at start so this module
// does not depend on the auth feature.
let readCsrfToken: () => string | undefined = () => undefined;

export function setCsrfTokenSource(source: () => string | undefined): void {
  readCsrfToken = source;
}

export function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The response of a successful request; a failure becomes an ApiError. For bodies read as a stream. */
export async function apiResponse(method: Method, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (!SAFE_METHODS.has(method)) {
    const token = readCsrfToken();
    if (token) headers.set('x-csrf-token', token);
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    // A cancelled query is not a failure; let TanStack Query see the AbortError.
    if (options.signal?.aborted) throw error;
    throw networkError();
  }

  if (!response.ok)
    throw problemToApiError(response.status, await readJson(response), response.headers.get('x-request-id'));
  return response;
}

export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return null;
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('DELETE', path, options),
};
