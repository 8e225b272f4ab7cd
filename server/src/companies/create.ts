/**
 * Creating a company: an active one by staff and administrators, or a
 * pending one asked for with a request (see `requests.ts`).
 */
import type { Actor, CompanyCreate } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { DbOrTx } from '../db/open.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { findCompanyBySiret, insertCompany } from './queries/companies.ts';
import { companyLocation, type CompanyRow } from './view.ts';

/**
 * Inserts a company created by the actor; a SIRET the tenant already has is
 * a conflict pointing at that company (`hint` says what to do instead).
 */
export async function insertNewCompany(tx: DbOrTx, actor: Actor, at: string, input: { name: string; siret: string; website?: string | undefined }, status: 'active' | 'pending', represent = false): Promise<CompanyRow> {
  const existing = await findCompanyBySiret(tx, actor.tenantId, input.siret);
  if (existing) {
    throw new ProblemError('conflict', 'company.siretExists', { name: existing.name, represent }, { members: { existingId: existing.id, existing: companyLocation(existing.id) } });
  }
  return insertCompany(tx, { tenantId: actor.tenantId, name: input.name, siret: input.siret, siren: input.siret.slice(0, 9), website: input.website ?? null, status, createdBy: actor.personId, createdAt: at });
}

/** Creates an active company (staff and administrators), audited, in one transaction. */
export async function createCompany(deps: Pick<Deps, 'db'>, call: Call, input: CompanyCreate): Promise<CompanyRow> {
  const { actor, who } = call;
  authorize(actor, 'company.create', { kind: 'company', tenantId: actor.tenantId });
  return withTransaction({ db: deps.db }, async (tx) => {
    const row = await insertNewCompany(tx, actor, who.at, input, 'active');
    await writeAudit(tx, who, { action: 'company.create', objectType: 'company', objectId: row.id, detail: { name: row.name, siret: row.siret } });
    return row;
  });
}
