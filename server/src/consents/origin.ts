import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import type { ChoiceOrigin } from './choices.ts';

/**
 * The Origin a consent proof records as checked: the request's `Origin`
 * header, which `requireAuth` has compared with the institution's registered
 * origins before any consent route runs (a session used from another origin
 * is refused with 403, so nothing is recorded), or null when the request
 * carries none (not a browser: a script, a CRM, a staff tool). The page the
 * client names is stored apart, as claimed.
 */
export function checkedOrigin(c: Context<AppEnv>): string | null {
  return c.req.header('origin') ?? null;
}

/**
 * Where the request says a choice was made, for a use case of `choices.ts`:
 * the checked Origin, and the page and component the client claims (its
 * body, else its Referer), never mistaken for the first.
 */
export function choiceOrigin(c: Context<AppEnv>, claimed: { page?: string | undefined; component?: string | undefined } | undefined): ChoiceOrigin {
  return { checked: checkedOrigin(c), page: claimed?.page ?? c.req.header('referer') ?? null, component: claimed?.component ?? null };
}
