import type { Role } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { findInstitutionBySlug, insertInstitution, setInstitutionOrigins } from '../tenancy/queries/institutions.ts';
import { findHostKeyId, insertHostKey, replaceHostKey } from '../tenancy/queries/host-keys.ts';
import { fillEntitySiret, findEntityIdByName, insertEntity } from '../tenancy/queries/entities.ts';
import { findPersonIdByHostSubject, insertPerson } from '../tenancy/queries/people.ts';
import { findMembershipId, insertMembership } from '../tenancy/queries/memberships.ts';
import { findCompanyBySiret, insertCompany } from '../companies/queries/companies.ts';

// Find-or-create helpers, so that seeding twice changes nothing.

export async function upsertInstitution(tx: DbOrTx, slug: string, name: string, origins: string[], now: string): Promise<string> {
  const found = await findInstitutionBySlug(tx, slug);
  if (found) {
    const merged = [...new Set([...found.allowedOrigins, ...origins])];
    await setInstitutionOrigins(tx, found.id, merged);
    return found.id;
  }
  return insertInstitution(tx, { slug, name, allowedOrigins: origins, createdAt: now });
}

export async function upsertHostKey(tx: DbOrTx, tenantId: string, kid: string, secret: string, now: string): Promise<void> {
  const found = await findHostKeyId(tx, tenantId, kid);
  if (found) await replaceHostKey(tx, found, { key: secret, alg: 'HS256' });
  else await insertHostKey(tx, { tenantId, kid, alg: 'HS256', key: secret, createdAt: now });
}

/** An entity by name; an existing one without a SIRET is given `siret` (so re-seeding an older database fills it). */
export async function upsertEntity(tx: DbOrTx, tenantId: string, parentId: string | null, kind: string, name: string, uai: string | null = null, siret: string | null = null): Promise<string> {
  const found = await findEntityIdByName(tx, tenantId, name);
  if (!found) return insertEntity(tx, { tenantId, parentId, kind, name, uai, siret });
  if (siret) await fillEntitySiret(tx, tenantId, found, siret);
  return found;
}

export async function upsertCompany(tx: DbOrTx, tenantId: string, name: string, siret: string, website: string | null, now: string): Promise<string> {
  const found = await findCompanyBySiret(tx, tenantId, siret);
  if (found) return found.id;
  return (await insertCompany(tx, { tenantId, name, siret, siren: siret.slice(0, 9), website, status: 'active', createdAt: now })).id;
}

export async function upsertPerson(tx: DbOrTx, tenantId: string, hostSubject: string, email: string, displayName: string, now: string): Promise<string> {
  return (await findPersonIdByHostSubject(tx, tenantId, hostSubject)) ?? insertPerson(tx, { tenantId, hostSubject, email, displayName, createdAt: now });
}

export async function ensureMembership(tx: DbOrTx, tenantId: string, personId: string, role: Role, target: { entityId: string } | { companyId: string }, now: string): Promise<void> {
  const entityId = 'entityId' in target ? target.entityId : null;
  const companyId = 'companyId' in target ? target.companyId : null;
  if (!(await findMembershipId(tx, personId, role, entityId, companyId))) await insertMembership(tx, { tenantId, personId, role, entityId, companyId, createdAt: now });
}
