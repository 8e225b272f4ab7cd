import type { DbOrTx } from '../db/open.ts';
import { findRootEntityId } from '../tenancy/queries/entities.ts';
import { insertMembership } from '../tenancy/queries/memberships.ts';
import { findPersonIdByEmail, findPersonIdByHostSubject, insertPerson } from '../tenancy/queries/people.ts';
import type { HostIdentity } from './host-token.ts';
import { findAddressOwner } from '../addresses/queries.ts';

/** Affiliations a host may vouch for; staff and admin roles never come from a claim. */
const provisionedRoles = { student: 'student', alum: 'alumnus' } as const;

/**
 * The person behind a host identity: found by `sub`, or created just in time
 * when the host says they are a student or an alum (as a member of the
 * institution's root entity, until the institution places them).
 * Returns undefined for an unknown person the host vouches nothing for.
 */
export async function personForHostIdentity(tx: DbOrTx, tenantId: string, identity: HostIdentity, now: Date): Promise<string | undefined> {
  const existing = await findPersonIdByHostSubject(tx, tenantId, identity.sub);
  if (existing) return existing;
  const role = identity.affiliation && identity.affiliation in provisionedRoles ? provisionedRoles[identity.affiliation as keyof typeof provisionedRoles] : undefined;
  if (!role) return undefined;
  const rootId = await findRootEntityId(tx, tenantId);
  if (!rootId) return undefined;
  const personId = crypto.randomUUID();
  await insertPerson(tx, { id: personId, tenantId, hostSubject: identity.sub, email: identity.email?.toLowerCase() ?? null, displayName: identity.name ?? null, createdAt: now.toISOString() });
  await insertMembership(tx, { tenantId, personId, role, entityId: rootId, createdAt: now.toISOString() });
  return personId;
}

/**
 * The person behind an address the code just proved: the one the
 * institution knows by it, else the one who verified it as a personal
 * address (issue 17 item 4); created (with no role yet) when it is nobody's.
 * An address someone merely typed somewhere (a profile's list of emails)
 * never reaches them.
 */
export async function personForEmail(tx: DbOrTx, tenantId: string, email: string, now: Date): Promise<{ id: string; created: boolean }> {
  const existing = (await findPersonIdByEmail(tx, tenantId, email)) ?? (await findAddressOwner(tx, tenantId, email));
  if (existing) return { id: existing, created: false };
  const id = crypto.randomUUID();
  await insertPerson(tx, { id, tenantId, email, createdAt: now.toISOString() });
  return { id, created: true };
}
