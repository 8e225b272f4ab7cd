// What Passerelle runs of Hono's typed client (`hc` of hono/client): the
// routes as a chain of properties, each call a request. The types stay
// Hono's (`Rpc`, from `hc<AppType>`); the runtime is only what the
// components call: `$get`, `$post`, `$put`, `$patch` and `$delete` with
// `param`, `query`, `json` and `header`, and per-call headers. Hono's own
// (forms, cookies, WebSockets, `$url`, `index` routes) weighed 3.2 kB
// minified in every page; this is about a fifth of it.
import type { Rpc } from './client.ts';

/** What a typed call takes (hono/client's `ClientRequestOptions` and the route's input). */
interface CallInput {
  param?: Record<string, string>;
  query?: Record<string, string | string[] | undefined>;
  json?: unknown;
  header?: Record<string, string>;
}
type HeadersOption = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/**
 * `send(url, init)` for each call of `routes(base, send).offers[':id'].$patch({ param, json }, { headers })`:
 * `${base}/offers/<id>`, method PATCH, the JSON body with its content type, the
 * headers given. A path parameter is written as Hono writes it (a missing
 * one drops its segment); query values left undefined are left out, arrays
 * repeat their key.
 */
export function routes(base: string, send: (url: string, init: RequestInit) => Promise<Response>): Rpc {
  const at = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) => (typeof key === 'string' && key !== 'then' ? at([...path, key]) : undefined),
      apply: async (_target, _this, [input = {}, options = {}]: [CallInput?, { headers?: HeadersOption }?]) => {
        const method = path.at(-1)!.slice(1).toUpperCase();
        let url = `${base.replace(/\/+$/, '')}/${path.slice(0, -1).join('/')}`;
        for (const [key, value] of Object.entries(input.param ?? {})) url = url.replace(new RegExp(`/:${key}(?:{[^/]+})?\\??(?=/|$)`), () => (value ? `/${value}` : ''));
        const query = new URLSearchParams();
        for (const [key, value] of Object.entries(input.query ?? {})) for (const one of [value ?? []].flat()) query.append(key, one);
        const search = `${query}`;
        if (search) url += `?${search}`;
        const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
        const headers = new Headers({ ...input.header, ...extra });
        const json = input.json !== undefined && method !== 'GET';
        if (json) headers.set('content-type', 'application/json');
        return send(url, { method, headers, body: json ? JSON.stringify(input.json) : undefined });
      },
    });
  return at([]) as Rpc;
}
