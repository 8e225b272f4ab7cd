import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { entities, memberships, people } from '../db/tables/index.ts';
import type { HostIdentity } from './host-token.ts';

/** Affiliations a host may vouch for; staff and admin roles never come from a claim. */
const provisionedRoles = { student: 'student', alum: 'alumnus' } as const;

/**
 * The person behind a host identity: found by `sub`, or created just in time
 * when the host says they are a student or an alum (as a member of the
 * institution's root entity, until the institution places them).
 * Returns undefined for an unknown person the host vouches nothing for.
 */
export function personForHostIdentity(tx: DbOrTx, tenantId: string, identity: HostIdentity, now: Date): string | undefined {
  const existing = tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.hostSubject, identity.sub)))
    .get();
  if (existing) return existing.id;
  const role = identity.affiliation && identity.affiliation in provisionedRoles ? provisionedRoles[identity.affiliation as keyof typeof provisionedRoles] : undefined;
  if (!role) return undefined;
  const root = tx
    .select({ id: entities.id })
    .from(entities)
    .where(and(eq(entities.tenantId, tenantId), isNull(entities.parentId)))
    .orderBy(asc(entities.name))
    .get();
  if (!root) return undefined;
  const personId = crypto.randomUUID();
  tx.insert(people)
    .values({ id: personId, tenantId, hostSubject: identity.sub, email: identity.email?.toLowerCase() ?? null, displayName: identity.name ?? null, createdAt: now.toISOString() })
    .run();
  tx.insert(memberships).values({ tenantId, personId, role, entityId: root.id, createdAt: now.toISOString() }).run();
  return personId;
}

/** The person behind a verified email address; created (with no role yet) on first sign-in. */
export function personForEmail(tx: DbOrTx, tenantId: string, email: string, now: Date): { id: string; created: boolean } {
  const existing = tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.email, email)))
    .orderBy(asc(people.createdAt))
    .get();
  if (existing) return { id: existing.id, created: false };
  const id = crypto.randomUUID();
  tx.insert(people).values({ id, tenantId, email, createdAt: now.toISOString() }).run();
  return { id, created: true };
}
