// The client's types and the headers of a call; `createClient` (core/create-client.ts)
// makes one. Apart, so that a component importing `headers` does not take the
// Hono client with it: a component inside a portal uses the portal's client.
import type { hc } from 'hono/client';
import type { ClientResponse } from 'hono/client';
// Type-only: nothing of the server reaches the bundle (scripts/build.ts checks it).
import type { AppType } from '@passerelle/server';

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

export type JsonOf<R> = R extends ClientResponse<infer T> ? T : never;
export type StatusOf<R> = R extends ClientResponse<unknown, infer S> ? S : never;

/**
 * The body a route of `client.rpc` answers, for a component's state:
 * `BodyOf<Rpc['offers']['parameters']['$get']>`. A change of the route's
 * answer shows in the type-check of every component that reads it.
 */
export type BodyOf<F extends (...args: never) => Promise<ClientResponse<unknown>>> = JsonOf<Awaited<ReturnType<F>>>;

/**
 * What `call()` answers: the body as the route declares it, the success
 * status it answered and the headers forms need (`ETag` for `If-Match`,
 * `Location` of what a POST created).
 */
export interface Answer<R extends ClientResponse<unknown, number, 'json'>> {
  status: StatusOf<R>;
  data: JsonOf<R>;
  etag: string | null;
  location: string | null;
}

/** The client every component uses. Errors are thrown as {@link ApiError}. */
export interface PasserelleClient {
  /** Typed routes: `client.rpc.me.$get()`. Non-2xx answers throw ApiError. */
  readonly rpc: Rpc;
  /** Base URL of the API (without `/v1`). */
  readonly api: string;
  /** Awaits a typed call and parses its JSON: `await client.json(client.rpc.me.$get())`. */
  json<R extends ClientResponse<unknown>>(call: Promise<R>): Promise<JsonOf<R>>;
  /**
   * Awaits a typed call and gives its body with its status, `ETag` and
   * `Location`: `const { data, etag } = await client.call(client.rpc.offers[':id'].$get({ param: { id } }))`.
   */
  call<R extends ClientResponse<unknown, number, 'json'>>(call: Promise<R>): Promise<Answer<R>>;
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
