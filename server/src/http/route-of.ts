import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';

/**
 * The pattern of the route that answers (`/v1/profiles/:id`): the last
 * handler the router matched for the method (middleware is registered for
 * ALL), whichever middleware is running; `(none)` when no route matched.
 * Logged instead of the path, whose ids and query may identify a person.
 */
export const routeOf = (c: Context): string => matchedRoutes(c).filter((r) => r.method !== 'ALL').at(-1)?.path ?? '(none)';
