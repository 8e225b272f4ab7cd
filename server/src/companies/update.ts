/** Editing a company: its representatives their own, staff and administrators any. */
import type { CompanyPatch } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { findCompany, updateCompany } from './queries/companies.ts';
import { canSeeCompany, companyEtag, type CompanyRow } from './view.ts';

export interface CompanyEdit {
  id: string;
  patch: CompanyPatch;
  /** The ETag the caller read (the route's `If-Match`): required, and must be the current one. */
  ifMatch: string | undefined;
}

/** Changes a company's name or website under `If-Match`, audited; an empty change writes nothing. */
export function editCompany(deps: Pick<Deps, 'db'>, call: Call, { id, patch, ifMatch }: CompanyEdit): Promise<CompanyRow> {
  const { actor, who } = call;
  return withTransaction({ db: deps.db }, async (tx) => {
    const row = await findCompany(tx, actor.tenantId, id);
    if (!row || !canSeeCompany(actor, row)) throw notFound('company.notFound');
    authorize(actor, 'company.edit', { kind: 'company', tenantId: actor.tenantId, companyId: row.id });
    if (!ifMatch) throw new ProblemError('preconditionRequired', 'company.ifMatchRequired');
    const { createdBy: _createdBy, ...current } = row;
    if (ifMatch !== companyEtag(current) && ifMatch !== `W/${companyEtag(current)}`) {
      throw new ProblemError('preconditionFailed', 'company.changed');
    }
    const changes = { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.website !== undefined ? { website: patch.website } : {}) };
    if (Object.keys(changes).length === 0) return current;
    const next = await updateCompany(tx, row.id, changes);
    await writeAudit(tx, who, { action: 'company.edit', objectType: 'company', objectId: row.id, detail: { before: { name: row.name, website: row.website }, after: changes } });
    return next;
  });
}
