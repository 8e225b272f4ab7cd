/**
 * Readers who are not signed in. An institution may open its board of
 * published offers to them (the `offerBoard` resource says whether it did);
 * everything else stays behind sign-in, whatever a rule would say of an
 * actor without memberships.
 */
import type { Action, Actor } from './types.ts';

/** What the policy may grant a visitor: reading the offer board and its published offers. */
export const visitorActions: readonly Action[] = ['offer.browse', 'offer.read'];

/** The actor of a request without a session, for the institution it names. */
export function visitorActor(tenantId: string): Actor {
  return { personId: '', tenantId, memberships: [], entityParents: {}, visitor: true };
}
