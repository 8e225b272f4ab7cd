import type { Role } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { findInstitutionBySlug, insertInstitution, setInstitutionOrigins } from '../tenancy/queries/institutions.ts';
import { findHostKeyId, insertHostKey, replaceHostKey } from '../tenancy/queries/host-keys.ts';
import { fillEntitySiret, findEntityIdByName, insertEntity } from '../tenancy/queries/entities.ts';
import { findPersonIdByHostSubject, insertPerson } from '../tenancy/queries/people.ts';
import { findMembershipId, insertMembership } from '../tenancy/queries/memberships.ts';
import { findCompanyBySiret, insertCompany } from '../companies/queries/companies.ts';

// Find-or-create helpers, so that seeding twice changes nothing.

export function upsertInstitution(tx: DbOrTx, slug: string, name: string, origins: string[], now: string): string {
  const found = findInstitutionBySlug(tx, slug);
  if (found) {
    const merged = [...new Set([...found.allowedOrigins, ...origins])];
    setInstitutionOrigins(tx, found.id, merged);
    return found.id;
  }
  return insertInstitution(tx, { slug, name, allowedOrigins: origins, createdAt: now });
}

export function upsertHostKey(tx: DbOrTx, tenantId: string, kid: string, secret: string, now: string): void {
  const found = findHostKeyId(tx, tenantId, kid);
  if (found) replaceHostKey(tx, found, { key: secret, alg: 'HS256' });
  else insertHostKey(tx, { tenantId, kid, alg: 'HS256', key: secret, createdAt: now });
}

/** An entity by name; an existing one without a SIRET is given `siret` (so re-seeding an older database fills it). */
export function upsertEntity(tx: DbOrTx, tenantId: string, parentId: string | null, kind: string, name: string, uai: string | null = null, siret: string | null = null): string {
  const found = findEntityIdByName(tx, tenantId, name);
  if (!found) return insertEntity(tx, { tenantId, parentId, kind, name, uai, siret });
  if (siret) fillEntitySiret(tx, tenantId, found, siret);
  return found;
}

export function upsertCompany(tx: DbOrTx, tenantId: string, name: string, siret: string, website: string | null, now: string): string {
  const found = findCompanyBySiret(tx, tenantId, siret);
  if (found) return found.id;
  return insertCompany(tx, { tenantId, name, siret, siren: siret.slice(0, 9), website, status: 'active', createdAt: now }).id;
}

export function upsertPerson(tx: DbOrTx, tenantId: string, hostSubject: string, email: string, displayName: string, now: string): string {
  return findPersonIdByHostSubject(tx, tenantId, hostSubject) ?? insertPerson(tx, { tenantId, hostSubject, email, displayName, createdAt: now });
}

export function ensureMembership(tx: DbOrTx, tenantId: string, personId: string, role: Role, target: { entityId: string } | { companyId: string }, now: string): void {
  const entityId = 'entityId' in target ? target.entityId : null;
  const companyId = 'companyId' in target ? target.companyId : null;
  if (!findMembershipId(tx, personId, role, entityId, companyId)) insertMembership(tx, { tenantId, personId, role, entityId, companyId, createdAt: now });
}
