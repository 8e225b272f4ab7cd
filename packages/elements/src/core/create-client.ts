import type { ClientResponse } from 'hono/client';
import { ApiError } from './api-error.ts';
import type { Answer, ClientOptions, JsonOf, PasserelleClient, StatusOf } from './client.ts';
import { routes } from './routes.ts';

/** The typed client over `/v1` with the session's bearer token (see {@link PasserelleClient}). */
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

  const rpc = routes(`${api}/v1`, send);

  return {
    rpc,
    api,
    async json(call) {
      const response = await call;
      return (await response.json()) as JsonOf<typeof response>;
    },
    async call<R extends ClientResponse<unknown, number, 'json'>>(call: Promise<R>): Promise<Answer<R>> {
      const response = await call;
      return {
        status: response.status as StatusOf<R>,
        data: (await response.json()) as JsonOf<R>,
        etag: response.headers.get('etag'),
        location: response.headers.get('location'),
      };
    },
  };
}
