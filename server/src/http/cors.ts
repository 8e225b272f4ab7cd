import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { listAllInstitutionOrigins } from '../tenancy/queries/institutions.ts';
import { untilChange } from '../db/until-change.ts';

export const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, if-match';
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const EXPOSED_HEADERS = 'etag, location, retry-after, idempotent-replayed';

/** True when some tenant registered exactly this origin (no suffix or prefix matching). */
async function registered(deps: AppEnv['Variables']['deps'], origin: string): Promise<boolean> {
  const all = await untilChange(deps.db, 'origins', async () => new Set((await listAllInstitutionOrigins(deps.db)).flat()));
  return all.has(origin);
}

/**
 * CORS for the origins the tenants registered, compared as exact strings.
 * An unknown origin gets no CORS header at all, so the browser blocks it;
 * `requireAuth` then also refuses a session used from another tenant's origin.
 * No cookies are ever used, so credentials are not allowed.
 */
export function tenantCors(): MiddlewareHandler<AppEnv> {
  return async function tenantCors(c, next) {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && (await registered(c.get('deps'), origin));
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const headers = new Headers({ vary: 'Origin' });
      if (allowed) {
        headers.set('access-control-allow-origin', origin);
        headers.set('access-control-allow-methods', ALLOWED_METHODS);
        headers.set('access-control-allow-headers', ALLOWED_HEADERS);
        headers.set('access-control-max-age', '600');
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    c.res.headers.append('vary', 'Origin');
    if (allowed) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
    }
  };
}
