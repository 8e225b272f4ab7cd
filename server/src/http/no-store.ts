import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';

/** The API's own description and its reference page's script: public, the same for everyone, and the only /v1 answers a cache may keep. */
export const CACHEABLE_PATHS: ReadonlySet<string> = new Set(['/v1/openapi.json', '/v1/docs/redoc.standalone.js']);

/**
 * `Cache-Control: no-store` on every /v1 answer but the API's description:
 * answers carry personal data (profiles, consents, pledges, exports and
 * downloads) or session tokens (the sign-in answers), and neither a shared
 * cache nor the browser's may keep a copy. Set once here, after the route
 * has answered, so that no route can forget it or weaken it.
 */
export function noStore(): MiddlewareHandler<AppEnv> {
  return async function noStore(c, next) {
    await next();
    if (!CACHEABLE_PATHS.has(c.req.path)) c.res.headers.set('cache-control', 'no-store');
  };
}
