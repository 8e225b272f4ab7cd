/**
 * The company reads that decide something: who may list what, and which
 * company or request the caller may see (another's is 404, as if absent).
 */
import type * as v from 'valibot';
import { can, type CompanyRequestListQuerySchema, type CompanySearchQuerySchema } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { notFound } from '../http/problem.ts';
import { encodeCursor } from '../offers/cursor.ts';
import { findCompany, listCompaniesByName } from './queries/companies.ts';
import { listCompanyRequests } from './queries/requests.ts';
import { searchCompanies } from './search.ts';
import { canSeeCompany, companyView, requestView, shapeRequest, type CompanyRequestView, type CompanyRow } from './view.ts';

type CompanySearchQuery = v.InferOutput<typeof CompanySearchQuerySchema>;
type CompanyRequestListQuery = v.InferOutput<typeof CompanyRequestListQuerySchema>;

/** The typeahead's ranked matches for `q`, or else one page of the directory by name; pending companies for moderators only. */
export async function findCompanies(deps: Pick<Deps, 'db'>, call: Call, query: CompanySearchQuery) {
  const { actor } = call;
  const status = query.status ?? 'active';
  authorize(actor, status === 'active' ? 'company.search' : 'company.moderate', { kind: 'company', tenantId: actor.tenantId });
  if (query.q) {
    const items = (await searchCompanies(deps.db, actor.tenantId, query.q, status, query.limit)).map(companyView);
    return { items, nextCursor: null };
  }
  const rows = await listCompaniesByName(deps.db, actor.tenantId, status, query.cursor, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(companyView), nextCursor: rows.length > query.limit && last ? encodeCursor(last.name, last.id) : null };
}

/** One company, if the caller may see it (a pending or refused one: its requester and moderators). */
export async function readCompany(deps: Pick<Deps, 'db'>, call: Call, input: { id: string }): Promise<CompanyRow> {
  const { actor } = call;
  authorize(actor, 'company.search', { kind: 'company', tenantId: actor.tenantId });
  const row = await findCompany(deps.db, actor.tenantId, input.id);
  if (!row || !canSeeCompany(actor, row)) throw notFound('company.notFound');
  const { createdBy: _createdBy, ...company } = row;
  return company;
}

/** The moderators' queue by status, or with `mine` the caller's own requests; one page, oldest first. */
export async function listRequests(deps: Pick<Deps, 'db'>, call: Call, query: CompanyRequestListQuery) {
  const { actor } = call;
  const mine = query.mine === 'true';
  if (!mine) authorize(actor, 'company.moderate', { kind: 'company', tenantId: actor.tenantId });
  const rows = await listCompanyRequests(deps.db, actor.tenantId, mine ? { personId: actor.personId } : { status: query.status }, query.cursor, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(shapeRequest), nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** One request: the requester's own, or any for moderators. */
export async function readRequest(deps: Pick<Deps, 'db'>, call: Call, input: { id: string }): Promise<CompanyRequestView> {
  const { actor } = call;
  const view = await requestView(deps.db, actor.tenantId, input.id);
  if (!view || (view.person.id !== actor.personId && !can(actor, 'company.moderate', { kind: 'company', tenantId: actor.tenantId }))) throw notFound('companyRequest.notFound');
  return view;
}
