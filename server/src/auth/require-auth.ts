import type { MiddlewareHandler } from 'hono';
import type { DbOrTx } from '../db/open.ts';
import type { AppEnv, Auth } from '../context.ts';
import { ProblemError, unauthenticated } from '../http/problem.ts';
import { findSession, loadSessionActor } from './session.ts';
import { institutionOrigins } from '../tenancy/queries/institutions.ts';
import { untilChange } from '../db/until-change.ts';

/**
 * Requires `Authorization: Bearer <session token>` and loads the actor.
 * A browser request from an origin the session's tenant has not registered is
 * refused: CORS alone only protects the reading of the answer.
 */
export function requireAuth(): MiddlewareHandler<AppEnv> {
  return async function requireAuth(c, next) {
    // Sub-apps mounted at one prefix (me and rights at /me) each declare
    // requireAuth(), and Hono runs every matching `use`: the first one has
    // already checked this very request, so the session is looked up once.
    // Only this middleware sets `auth`, so its presence means it passed.
    if ((c.get('auth') as Auth | undefined) !== undefined) return next();
    const header = c.req.header('authorization');
    const match = header?.match(/^Bearer ([A-Za-z0-9_-]{20,200})$/);
    if (!match?.[1]) throw unauthenticated();
    const { db, clock } = c.get('deps');
    const session = await findSession(db, match[1], clock.now());
    if (!session) throw unauthenticated('auth.sessionEnded');
    await refuseUnregisteredOrigin(db, c.req.header('origin'), session.tenantId);
    c.set('auth', {
      actor: await loadSessionActor(db, session),
      sessionId: session.id,
      signInMethod: session.method,
      tenantSlug: session.slug,
      signedInAt: new Date(session.createdAt),
    });
    await next();
  };
}

/**
 * A browser request (it has an `Origin`) from an origin the tenant has not
 * registered is refused (403): signed in, or reading what the institution
 * opened to visitors.
 */
export async function refuseUnregisteredOrigin(db: DbOrTx, origin: string | undefined, tenantId: string): Promise<void> {
  if (origin && !(await untilChange(db, `origins:${tenantId}`, () => institutionOrigins(db, tenantId)))?.includes(origin)) {
    throw new ProblemError('forbidden', 'auth.originUnregistered', { origin });
  }
}
