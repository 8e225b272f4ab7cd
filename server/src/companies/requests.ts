/**
 * Verification requests: a recruiter asks to represent a company (or for a
 * new one), and staff approve or refuse.
 */
import type { Actor, CompanyRequestCreate } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { DbOrTx } from '../db/open.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { mailCompanyRequestDecision } from '../mail/messages/companies.ts';
import { withTransaction } from '../db/transaction.ts';
import { findCompanyRepMembershipId, insertMembership } from '../tenancy/queries/memberships.ts';
import { decidePendingCompany, findCompany } from './queries/companies.ts';
import { decideCompanyRequest, findCompanyRequest, findPendingRequestId, insertCompanyRequest } from './queries/requests.ts';
import { insertNewCompany } from './create.ts';
import { requestView, type CompanyRequestView } from './view.ts';

/** The request to decide, for a moderator; 404 if the tenant has none, 409 if already decided. */
async function pendingRequest(db: DbOrTx, actor: Actor, id: string) {
  authorize(actor, 'company.moderate', { kind: 'company', tenantId: actor.tenantId });
  const row = await findCompanyRequest(db, actor.tenantId, id);
  if (!row) throw notFound('companyRequest.notFound');
  if (row.status !== 'pending') throw new ProblemError('conflict', 'companyRequest.decided', { status: row.status }, { members: { currentStatus: row.status } });
  return row;
}

/**
 * Asks to represent an existing active company (`companyId`), or for a new
 * one (`company`, created pending until staff verify it); audited.
 */
export async function requestCompany(deps: Pick<Deps, 'db'>, call: Call, input: CompanyRequestCreate): Promise<CompanyRequestView> {
  const { actor, who } = call;
  authorize(actor, 'company.request', { kind: 'company', tenantId: actor.tenantId });
  const requestId = await withTransaction({ db: deps.db }, async (tx) => {
    let companyId: string;
    let kind: 'represent' | 'create';
    if ('companyId' in input) {
      const company = await findCompany(tx, actor.tenantId, input.companyId);
      if (!company || company.status !== 'active') throw notFound('company.notFound');
      if (await findCompanyRepMembershipId(tx, actor.tenantId, actor.personId, company.id)) throw new ProblemError('conflict', 'company.alreadyRepresented', { name: company.name });
      const open = await findPendingRequestId(tx, actor.tenantId, actor.personId, company.id);
      if (open) throw new ProblemError('conflict', 'company.alreadyAsked', { name: company.name }, { members: { existingId: open } });
      companyId = company.id;
      kind = 'represent';
    } else {
      companyId = (await insertNewCompany(tx, actor, who.at, input.company, 'pending', true)).id;
      kind = 'create';
    }
    const id = await insertCompanyRequest(tx, { tenantId: actor.tenantId, personId: actor.personId, companyId, kind, message: input.message || null, status: 'pending', createdAt: who.at });
    await writeAudit(tx, who, { action: `company.request.${kind}`, objectType: 'company_request', objectId: id, subjectId: actor.personId, detail: { companyId } });
    return id;
  });
  return (await requestView(deps.db, actor.tenantId, requestId))!;
}

/** Staff approve: the requester becomes the company's representative; a pending company becomes active. */
export async function approveRequest(deps: Pick<Deps, 'db'>, call: Call, input: { id: string }): Promise<CompanyRequestView> {
  const { actor, who } = call;
  await withTransaction({ db: deps.db }, async (tx) => {
    const request = await pendingRequest(tx, actor, input.id);
    await decideCompanyRequest(tx, request.id, { status: 'approved', decidedBy: actor.personId, decidedAt: who.at });
    await decidePendingCompany(tx, request.companyId, 'active');
    // The unique index treats the null entityId as distinct: check first.
    if (!(await findCompanyRepMembershipId(tx, actor.tenantId, request.personId, request.companyId))) {
      await insertMembership(tx, { tenantId: actor.tenantId, personId: request.personId, role: 'company_rep', companyId: request.companyId, createdAt: who.at });
    }
    await writeAudit(tx, who, { action: 'company.request.approve', objectType: 'company_request', objectId: request.id, subjectId: request.personId, detail: { companyId: request.companyId } });
    await mailCompanyRequestDecision(tx, who, request, { approved: true });
  });
  return (await requestView(deps.db, actor.tenantId, input.id))!;
}

/** Staff refuse with a reason the requester reads; a company asked for with the request is refused too. */
export async function refuseRequest(deps: Pick<Deps, 'db'>, call: Call, input: { id: string; reason: string }): Promise<CompanyRequestView> {
  const { actor, who } = call;
  const { reason } = input;
  await withTransaction({ db: deps.db }, async (tx) => {
    const request = await pendingRequest(tx, actor, input.id);
    await decideCompanyRequest(tx, request.id, { status: 'refused', reason, decidedBy: actor.personId, decidedAt: who.at });
    if (request.kind === 'create') await decidePendingCompany(tx, request.companyId, 'refused');
    await writeAudit(tx, who, { action: 'company.request.refuse', objectType: 'company_request', objectId: request.id, subjectId: request.personId, detail: { companyId: request.companyId, reason } });
    await mailCompanyRequestDecision(tx, who, request, { approved: false, reason });
  });
  return (await requestView(deps.db, actor.tenantId, input.id))!;
}
