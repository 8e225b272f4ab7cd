/**
 * How much of someone's profile a reader sees. Owners choose, field by field,
 * who may read it (`private`, `network`, `public`); the audience of a reader
 * says which of those levels they get.
 */
import { hasRole, isAdmin, staffCoversAny, staffEntityIds } from './scope.ts';
import type { Actor, ProfileAudience, Resource } from './types.ts';

/** The per-field visibility an owner picks. */
export const visibilityLevels = ['private', 'network', 'public'] as const;
export type VisibilityLevel = (typeof visibilityLevels)[number];

/**
 * 'self' for one's own profile; 'staff' for admins and for staff whose scope
 * covers one of the owner's entities; 'network' for other members of the
 * tenant (student, alumnus, staff out of scope); 'public' for readers whose
 * only roles are company_rep, or who have no membership yet; 'none' across
 * tenants.
 */
export function profileAudience(actor: Actor, person: Extract<Resource, { kind: 'person' }>): ProfileAudience {
  if (person.tenantId !== actor.tenantId) return 'none';
  if (person.personId === actor.personId) return 'self';
  if (isAdmin(actor) || staffCoversAny(actor, person.entityIds)) return 'staff';
  return outsiderAudience(actor);
}

/**
 * Whether the owner's entities can change `profileAudience` for this reader:
 * only for staff who are not admins (an admin reads every profile as staff,
 * anyone else by their own roles alone). A list of profiles need not read
 * its owners' memberships when it cannot.
 */
export function audienceNeedsEntities(actor: Actor): boolean {
  return !isAdmin(actor) && staffEntityIds(actor).length > 0;
}

/** How a reader sees profiles their staff scope does not cover: members of the tenant (student, alumnus, staff) as the network, others as the public. */
export function outsiderAudience(actor: Actor): 'network' | 'public' {
  return hasRole(actor, 'student') || hasRole(actor, 'alumnus') || hasRole(actor, 'staff') ? 'network' : 'public';
}

const levelsByAudience: Readonly<Record<ProfileAudience, readonly VisibilityLevel[]>> = {
  self: visibilityLevels,
  staff: visibilityLevels,
  network: ['network', 'public'],
  public: ['public'],
  none: [],
};

/** The field visibilities this audience may read: the server drops every other field. */
export function visibleLevels(audience: ProfileAudience): readonly VisibilityLevel[] {
  return levelsByAudience[audience];
}
