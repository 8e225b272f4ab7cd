/**
 * Who represents a company: for its representatives (the company space's
 * "other representatives"), and for staff and administrators, who verify
 * them (`company.representatives`).
 */
import type { CompanyRepresentative, Page } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { notFound } from '../http/problem.ts';
import { encodeCursor } from '../offers/cursor.ts';
import { findCompany } from './queries/companies.ts';
import { listCompanyRepresentatives } from './queries/representatives.ts';

/** One page, longest-standing first; another tenant's company, or none, is 404. */
export async function listRepresentatives(deps: Pick<Deps, 'db'>, call: Call, input: { id: string; limit: number; cursor?: string | undefined }): Promise<Page<CompanyRepresentative>> {
  const { actor } = call;
  if (!(await findCompany(deps.db, actor.tenantId, input.id))) throw notFound('company.notFound');
  authorize(actor, 'company.representatives', { kind: 'company', tenantId: actor.tenantId, companyId: input.id });
  const rows = await listCompanyRepresentatives(deps.db, actor.tenantId, input.id, input.cursor, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      person: { id: r.personId, ...(r.displayName ? { displayName: r.displayName } : {}), ...(r.email ? { email: r.email } : {}) },
      since: r.since,
      you: r.personId === actor.personId,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.since, last.membershipId) : null,
  };
}
