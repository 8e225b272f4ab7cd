import { hc } from 'hono/client';
import type { ClientResponse } from 'hono/client';
// Type-only: nothing of the server reaches the bundle (scripts/build.ts checks it).
import type { AppType } from '@passerelle/server';
import { ApiError } from './api-error.ts';

/** The typed Hono client over `/v1`; every route added to `AppType` appears here. */
export type Rpc = ReturnType<typeof hc<AppType>>;

export interface ClientOptions {
  /** Base URL of the API, without `/v1` (e.g. `https://api.example.org`). */
  api: string;
  /** The current bearer token, or null when signed out. */
  token: () => string | null;
  /**
   * Called once when the API answers 401 to a request that carried a token:
   * resolve to a fresh token (the request is retried with it) or null.
   */
  onUnauthorized?: () => Promise<string | null>;
  /** Injectable for tests of the client itself; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** Extra headers for one call: `Idempotency-Key` and `If-Match`. */
export interface CallHeaders {
  /** Sent as `Idempotency-Key`; keep the same key when retrying the same write. */
  idempotencyKey?: string;
  /** Sent as `If-Match` (the resource's `ETag`). */
  ifMatch?: string;
}

export interface RequestOptions extends CallHeaders {
  /** JSON body. */
  json?: unknown;
  /** Query string parameters; undefined values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
}

/** What `request()` answers: the parsed body and the headers forms need. */
export interface ApiResponse<T> {
  status: number;
  data: T;
  etag: string | null;
  location: string | null;
}

type JsonOf<R> = R extends ClientResponse<infer T> ? T : never;

/** The client every component uses. Errors are thrown as {@link ApiError}. */
export interface PasserelleClient {
  /** Typed routes: `client.rpc.me.$get()`. Non-2xx answers throw ApiError. */
  readonly rpc: Rpc;
  /** Base URL of the API (without `/v1`). */
  readonly api: string;
  /** Awaits a typed call and parses its JSON: `await client.json(client.rpc.me.$get())`. */
  json<R extends ClientResponse<unknown>>(call: Promise<R>): Promise<JsonOf<R>>;
  /** Untyped escape hatch for any route under `/v1` (path starts with `/`). */
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
}

/** Headers for a typed call: `client.rpc.x.$post({ json }, headers({ idempotencyKey }))`. */
export function headers(options: CallHeaders): { headers: Record<string, string> } {
  const h: Record<string, string> = {};
  if (options.idempotencyKey) h['idempotency-key'] = options.idempotencyKey;
  if (options.ifMatch) h['if-match'] = options.ifMatch;
  return { headers: h };
}

/** A fresh idempotency key; create it once per user intent, reuse it on retry. */
export const newIdempotencyKey = (): string => crypto.randomUUID();

export function createClient(options: ClientOptions): PasserelleClient {
  const api = options.api.replace(/\/+$/, '');
  const baseFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  const send = async (input: RequestInfo | URL, init: RequestInit = {}, retried = false): Promise<Response> => {
    const token = options.token();
    const h = new Headers(init.headers);
    if (token && !h.has('authorization')) h.set('authorization', `Bearer ${token}`);
    if (init.body !== undefined && init.body !== null && !h.has('content-type')) h.set('content-type', 'application/json');
    h.set('accept', 'application/json, application/problem+json');
    let response: Response;
    try {
      // No cookies ever: the API authenticates with the bearer token only.
      response = await baseFetch(input, { ...init, headers: h, credentials: 'omit' });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw ApiError.network(err);
    }
    // Auth routes are never retried: renewing goes through /auth/exchange itself.
    const isAuthRoute = String(input instanceof Request ? input.url : input).includes('/v1/auth/');
    if (response.status === 401 && token && !retried && !isAuthRoute && options.onUnauthorized) {
      const fresh = await options.onUnauthorized();
      if (fresh) {
        const again = new Headers(init.headers);
        again.delete('authorization');
        return send(input, { ...init, headers: again }, true);
      }
    }
    if (!response.ok) throw await ApiError.fromResponse(response);
    return response;
  };

  const rpc = hc<AppType>(`${api}/v1`, { fetch: (input: RequestInfo | URL, init?: RequestInit) => send(input, init) });

  return {
    rpc,
    api,
    async json(call) {
      const response = await call;
      return (await response.json()) as JsonOf<typeof response>;
    },
    async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
      const url = new URL(`${api}/v1${path}`);
      for (const [k, value] of Object.entries(opts.query ?? {})) if (value !== undefined) url.searchParams.set(k, String(value));
      const init: RequestInit = { method: method.toUpperCase(), ...headers(opts) };
      if (opts.signal) init.signal = opts.signal;
      if (opts.json !== undefined) init.body = JSON.stringify(opts.json);
      const response = await send(url, init);
      const text = response.status === 204 ? '' : await response.text();
      return {
        status: response.status,
        data: (text ? JSON.parse(text) : undefined) as T,
        etag: response.headers.get('etag'),
        location: response.headers.get('location'),
      };
    },
  };
}
