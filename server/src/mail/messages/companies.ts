/** The decision on a recruiter's request, to the recruiter: approved, or refused with the reason. Called inside the decision's transaction. */
import type { DbOrTx } from '../../db/open.ts';
import type { AuditOrigin } from '../../audit/audit.ts';
import { findCompany } from '../../companies/queries/companies.ts';
import { enqueueMail } from '../enqueue.ts';

export async function mailCompanyRequestDecision(
  tx: DbOrTx,
  who: AuditOrigin,
  request: { personId: string; companyId: string; kind: 'represent' | 'create' },
  decision: { approved: true } | { approved: false; reason: string },
): Promise<void> {
  const company = (await findCompany(tx, who.tenantId, request.companyId))?.name ?? '';
  const base = { tenantId: who.tenantId, personId: request.personId, at: who.at };
  if (decision.approved) await enqueueMail(tx, { ...base, kind: 'company.request.approved', params: { company, kind: request.kind } });
  else await enqueueMail(tx, { ...base, kind: 'company.request.refused', params: { company, kind: request.kind, reason: decision.reason } });
}
