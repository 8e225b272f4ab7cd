/**
 * Role tests on an actor that several areas need to turn the policy into SQL
 * (lists, queues, totals): the policy itself stays in `@passerelle/schema`.
 */
import { staffCovers, type Actor } from '@passerelle/schema';

export const isAdmin = (actor: Actor) => actor.memberships.some((m) => m.role === 'admin');
export const isStaff = (actor: Actor) => actor.memberships.some((m) => m.role === 'staff');

/** Every entity of the tenant that one of the actor's staff memberships covers (its own and everything below). */
export function coveredEntityIds(actor: Actor): string[] {
  if (!isStaff(actor)) return [];
  return Object.keys(actor.entityParents).filter((id) => staffCovers(actor, id));
}
