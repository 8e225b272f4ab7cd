import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { companies, entities, hostKeys, institutions, memberships, people } from '../db/tables/index.ts';
import type { Role } from '@passerelle/schema';

// Find-or-create helpers, so that seeding twice changes nothing.

export function upsertInstitution(tx: DbOrTx, slug: string, name: string, origins: string[], now: string): string {
  const found = tx.select({ id: institutions.id, allowedOrigins: institutions.allowedOrigins }).from(institutions).where(eq(institutions.slug, slug)).get();
  if (found) {
    const merged = [...new Set([...found.allowedOrigins, ...origins])];
    tx.update(institutions).set({ allowedOrigins: merged }).where(eq(institutions.id, found.id)).run();
    return found.id;
  }
  return tx.insert(institutions).values({ slug, name, allowedOrigins: origins, createdAt: now }).returning({ id: institutions.id }).get().id;
}

export function upsertHostKey(tx: DbOrTx, tenantId: string, kid: string, secret: string, now: string): void {
  const found = tx.select({ id: hostKeys.id }).from(hostKeys).where(and(eq(hostKeys.tenantId, tenantId), eq(hostKeys.kid, kid))).get();
  if (found) tx.update(hostKeys).set({ key: secret, alg: 'HS256', revokedAt: null }).where(eq(hostKeys.id, found.id)).run();
  else tx.insert(hostKeys).values({ tenantId, kid, alg: 'HS256', key: secret, createdAt: now }).run();
}

export function upsertEntity(tx: DbOrTx, tenantId: string, parentId: string | null, kind: string, name: string, uai: string | null = null): string {
  const found = tx.select({ id: entities.id }).from(entities).where(and(eq(entities.tenantId, tenantId), eq(entities.name, name))).get();
  if (found) return found.id;
  return tx.insert(entities).values({ tenantId, parentId, kind, name, uai }).returning({ id: entities.id }).get().id;
}

export function upsertCompany(tx: DbOrTx, tenantId: string, name: string, siret: string, website: string | null, now: string): string {
  const found = tx.select({ id: companies.id }).from(companies).where(and(eq(companies.tenantId, tenantId), eq(companies.siret, siret))).get();
  if (found) return found.id;
  return tx
    .insert(companies)
    .values({ tenantId, name, siret, siren: siret.slice(0, 9), website, status: 'active', createdAt: now })
    .returning({ id: companies.id })
    .get().id;
}

export function upsertPerson(tx: DbOrTx, tenantId: string, hostSubject: string, email: string, displayName: string, now: string): string {
  const found = tx.select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.hostSubject, hostSubject))).get();
  if (found) return found.id;
  return tx.insert(people).values({ tenantId, hostSubject, email, displayName, createdAt: now }).returning({ id: people.id }).get().id;
}

export function ensureMembership(tx: DbOrTx, tenantId: string, personId: string, role: Role, target: { entityId: string } | { companyId: string }, now: string): void {
  const entityId = 'entityId' in target ? target.entityId : null;
  const companyId = 'companyId' in target ? target.companyId : null;
  const found = tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.personId, personId),
        eq(memberships.role, role),
        entityId ? eq(memberships.entityId, entityId) : isNull(memberships.entityId),
        companyId ? eq(memberships.companyId, companyId) : isNull(memberships.companyId),
      ),
    )
    .get();
  if (!found) tx.insert(memberships).values({ tenantId, personId, role, entityId, companyId, createdAt: now }).run();
}
