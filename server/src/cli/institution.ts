import type { Say } from '@passerelle/schema/messages/staff';
import type { Db } from '../db/open.ts';
import { INSTITUTION_CLI_ORIGIN, setStaffEmailSignIn } from '../auth/staff-email-sign-in.ts';
import { setOffersOpenToVisitors } from '../offers/visitors.ts';
import { CliInputError, tenantId } from './tenant.ts';

/**
 * `institution set-staff-email-sign-in <slug> on|off`: whether staff and
 * administrators keep their rights in a session opened by email code (off by
 * default: they sign in through the institution's site). Applies at once,
 * to sessions already open too.
 */
export async function setStaffEmailSignInCommand(db: Db, say: Say, slug: string, value: string): Promise<string> {
  if (value !== 'on' && value !== 'off') throw new CliInputError(say('cli.staffEmailSignIn.onOrOff', { slug }));
  const id = await tenantId(db, say, slug);
  const { before, after } = await setStaffEmailSignIn(db, id, value === 'on', new Date());
  if (before === after) return say('cli.staffEmailSignIn.unchanged', { slug, on: after });
  return say('cli.staffEmailSignIn.changed', { slug, before, after });
}

/**
 * `institution set-offers-open-to-visitors <slug> on|off`: whether the
 * institution's published offers can be read without signing in (the offer
 * board's `open-to-visitors`), from its registered origins. Off by default.
 */
export async function setOffersOpenToVisitorsCommand(db: Db, say: Say, slug: string, value: string): Promise<string> {
  if (value !== 'on' && value !== 'off') throw new CliInputError(say('cli.offersOpenToVisitors.onOrOff', { slug }));
  const id = await tenantId(db, say, slug);
  const { before, after } = await setOffersOpenToVisitors(db, id, value === 'on', { actorId: null, origin: INSTITUTION_CLI_ORIGIN, at: new Date().toISOString() });
  if (before === after) return say('cli.offersOpenToVisitors.unchanged', { slug, on: after });
  return say('cli.offersOpenToVisitors.changed', { slug, before, after });
}
