/**
 * How a company and a verification request read in the API: the view, the
 * ETag of an editable company, and who may see a company that is not active.
 */
import { createHash } from 'node:crypto';
import { can, emailMatchesWebsite, type Actor } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { findCompanyRequestWithPeople, type CompanyRequestRow } from './queries/requests.ts';

export type CompanyRow = { id: string; name: string; siret: string | null; siren: string | null; website: string | null; status: 'active' | 'pending' | 'refused' };

/** A weak validator over what a PATCH may change (companies carry no version column). */
export function companyEtag(row: CompanyRow): string {
  const digest = createHash('sha256').update(JSON.stringify([row.name, row.website, row.siret, row.status])).digest('base64url').slice(0, 22);
  return `"${digest}"`;
}

/** `website` is absent, not null, when the company has none. */
export function companyView(row: CompanyRow) {
  const { website, ...rest } = row;
  return website === null ? rest : { ...rest, website };
}

/** Where a company is read: the `Location` of a created one. */
export const companyLocation = (id: string): string => `/v1/companies/${id}`;

/** Where a request is read: the `Location` of a created one. */
export const companyRequestLocation = (id: string): string => `/v1/companies/requests/${id}`;

/** Active companies are everyone's; a pending or refused one only its requester's and moderators'. */
export function canSeeCompany(actor: Actor, row: { id: string; status: string; createdBy: string | null }): boolean {
  if (row.status === 'active') return true;
  return row.createdBy === actor.personId || can(actor, 'company.moderate', { kind: 'company', tenantId: actor.tenantId, companyId: row.id });
}

/** A request as the API shows it, or undefined when the tenant has none with this id. */
export async function requestView(db: DbOrTx, tenantId: string, requestId: string) {
  const row = await findCompanyRequestWithPeople(db, tenantId, requestId);
  return row ? shapeRequest(row) : undefined;
}

/** A request row as the API shows it. */
export function shapeRequest(row: CompanyRequestRow) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    ...(row.message ? { message: row.message } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    createdAt: row.createdAt,
    ...(row.decidedAt ? { decidedAt: row.decidedAt } : {}),
    person: { id: row.personId, ...(row.personName ? { displayName: row.personName } : {}), ...(row.personEmail ? { email: row.personEmail } : {}) },
    company: companyView(row.company),
    /** A hint for the reviewer: the requester's email domain is the company website's. */
    emailMatchesWebsite: emailMatchesWebsite(row.personEmail, row.company.website),
  };
}

export type CompanyRequestView = ReturnType<typeof shapeRequest>;
