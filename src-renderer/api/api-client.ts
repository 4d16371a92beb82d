import type { ErrorBody } from '#shared/errors';

/**
 * A failed API call. `status` 0 means the server was not reached at all; otherwise `detail`
 * is the server's own message (already in the user's language where the backend has one),
 * and `field` names the input it is about (`name`, `variants.0.sku`) when the server said.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly code?: string,
    readonly field?: string,
  ) {
    super(detail || `HTTP ${status}`);
    this.name = 'ApiError';
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
}

export interface ApiClientOptions {
  /** The bearer token to send, if any. */
  getToken(): string | null;
  /** Called with the token the server just rejected (401). */
  onUnauthorized(token: string): void;
  /** Empty: same origin as the console, which is how the backend serves it. */
  baseUrl?: string;
}

async function readBody(res: Response): Promise<unknown> {
  if (!res.headers.get('content-type')?.includes('json')) return null;
  try {
    return await res.json();
  } catch {
    return null;
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  return (
    typeof body === 'object' && body !== null && typeof (body as ErrorBody).detail === 'string'
  );
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? '';

  async function request<T>(
    method: string,
    path: string,
    body: unknown,
    { signal }: RequestOptions = {},
  ): Promise<T> {
    const token = options.getToken();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;

    let res: Response;
    try {
      res = await fetch(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (err) {
      // A cancelled query is not a failure to report; let TanStack Query see the abort.
      if (signal?.aborted) throw err;
      throw new ApiError(0, '');
    }

    const payload = await readBody(res);
    if (!res.ok) {
      // Only a rejected token ends the session; a 401 from the login form is a wrong password.
      if (res.status === 401 && token) options.onUnauthorized(token);
      if (isErrorBody(payload)) {
        throw new ApiError(res.status, payload.detail, payload.code, payload.field);
      }
      throw new ApiError(res.status, res.statusText);
    }
    return payload as T;
  }

  return {
    get: (path, opts) => request('GET', path, undefined, opts),
    post: (path, body, opts) => request('POST', path, body, opts),
    patch: (path, body, opts) => request('PATCH', path, body, opts),
    delete: (path, opts) => request('DELETE', path, undefined, opts),
  };
}

/** `?a=1&b=x`, leaving out empty values; '' when nothing is left. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
