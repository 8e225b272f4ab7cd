/**
 * Entity-tree coverage: a staff or admin membership on an entity covers that
 * entity and everything below it, never its siblings or parents
 * (docs/architecture.md, "The role table"). Admin is "all" in the table, so any admin
 * membership covers the whole tenant.
 */
import type { Actor, Membership, Role } from './types.ts';

/** The entity and its ancestors, nearest first. Stops on unknown ids and on cycles. */
export function selfAndAncestors(entityParents: Actor['entityParents'], entityId: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let current: string | null | undefined = entityId;
  while (current !== null && current !== undefined && !seen.has(current)) {
    seen.add(current);
    chain.push(current);
    current = Object.hasOwn(entityParents, current) ? entityParents[current] : undefined;
  }
  return chain;
}

/** Whether the actor holds this role in at least one membership. */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.memberships.some((m) => m.role === role);
}

/** Any admin membership: the whole tenant is theirs. */
export function isAdmin(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}

/** Entities where the actor is staff. */
export function staffEntityIds(actor: Actor): string[] {
  return actor.memberships.flatMap((m) => (m.role === 'staff' ? [m.entityId] : []));
}

/** Entities the actor belongs to, whatever the role. */
export function memberEntityIds(actor: Actor): string[] {
  return actor.memberships.flatMap((m: Membership) => ('entityId' in m ? [m.entityId] : []));
}

/** Companies the actor represents. */
export function representedCompanyIds(actor: Actor): string[] {
  return actor.memberships.flatMap((m) => (m.role === 'company_rep' ? [m.companyId] : []));
}

/** Whether the actor represents this company. */
export function representsCompany(actor: Actor, companyId: string | undefined): boolean {
  return companyId !== undefined && representedCompanyIds(actor).includes(companyId);
}

/** Whether a staff membership of the actor sits on this entity or one of its ancestors. */
export function staffCovers(actor: Actor, entityId: string): boolean {
  const staff = new Set(staffEntityIds(actor));
  if (staff.size === 0) return false;
  return selfAndAncestors(actor.entityParents, entityId).some((id) => staff.has(id));
}

/** Staff scope covers at least one of the entities (e.g. one target of an offer). */
export function staffCoversAny(actor: Actor, entityIds: readonly string[]): boolean {
  return entityIds.some((id) => staffCovers(actor, id));
}

/** Staff scope covers every entity, and there is at least one. */
export function staffCoversAll(actor: Actor, entityIds: readonly string[]): boolean {
  return entityIds.length > 0 && entityIds.every((id) => staffCovers(actor, id));
}

/** Every entity of the tenant that one of the actor's staff memberships covers (its own and everything below). */
export function coveredEntityIds(actor: Actor): string[] {
  if (!hasRole(actor, 'staff')) return [];
  return Object.keys(actor.entityParents).filter((id) => staffCovers(actor, id));
}

/** The entities whose records an actor looks after: the whole tenant, or a list (empty for someone who looks after none). */
export type EntityScope = { readonly all: true } | { readonly all: false; readonly entityIds: readonly string[] };

/**
 * What lists, queues, totals and exports reach: an administrator the whole
 * tenant, staff the entities they cover, anyone else none. The server turns
 * it into SQL; which scope applies is decided here.
 */
export function entityScope(actor: Actor): EntityScope {
  return isAdmin(actor) ? { all: true } : { all: false, entityIds: coveredEntityIds(actor) };
}
