/**
 * Reconciling SOLTéA transfers (issue 18 item 4). A line of a transfer
 * report settles the one open pledge it matches (`totals.ts`); a line that
 * matches none, or several with none singled out by the campaign year, is
 * kept for staff, who read the kept lines of their schools with the open
 * pledges each could settle, and choose. Who may, by the policy: read them,
 * those who import reports (`pledge.import`: staff, administrators), each
 * the lines of the schools they look after (`entityScope`); match one, those
 * who receive its school's money and the chosen pledge's (`pledge.receive`:
 * the school's staff, administrators).
 */
import { entityScope, type Actor, type Page, type PledgeTransfer, type TransferCandidate, type TransferListQuery, type TransferStatus } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { DbOrTx } from '../db/open.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, notFound, validationProblem } from '../http/problem.ts';
import { writeAudit, type AuditOrigin } from '../audit/audit.ts';
import { recordEvent } from '../webhooks/record.ts';
import { withTransaction } from '../db/transaction.ts';
import { decodeCursor, encodeCursor } from '../offers/cursor.ts';
import { managesBeneficiary } from './access.ts';
import { afterStatusChange } from './settled.ts';
import { updatePledge } from './queries/write.ts';
import { findPledgeJoined } from './queries/joined.ts';
import type { PledgeRow } from './project.ts';
import { findTransfer, listOpenTaxPledges, listTransfers, setTransferStatus, type CandidateRow, type TransferRowWithEntity } from './queries/transfers.ts';


/**
 * Marks `pledge` received with the transfer's amount and date, in the
 * caller's transaction: its audit entry, the webhook event and what follows
 * a status change (`settled.ts`). The import and staff's choice both come here.
 */
export async function settleByTransfer(tx: DbOrTx, who: AuditOrigin, pledge: PledgeRow, transfer: { amountCents: number; paidOn: string }, detail: Record<string, unknown>): Promise<void> {
  const set = { status: 'received' as const, receivedCents: transfer.amountCents, receivedOn: transfer.paidOn, version: pledge.version + 1, updatedAt: who.at };
  await updatePledge(tx, pledge.tenantId, pledge.id, set);
  await writeAudit(tx, who, { action: 'pledge.receive', objectType: 'pledge', objectId: pledge.id, entityIds: [pledge.entityId], subjectId: pledge.authorId, detail });
  await recordEvent(tx, who, { type: 'pledge.status_changed', pledgeId: pledge.id });
  await afterStatusChange(tx, who, { ...pledge, ...set });
}

const candidateView = (c: CandidateRow): TransferCandidate => ({
  id: c.id,
  company: c.companyId && c.companyName ? { id: c.companyId, name: c.companyName } : null,
  campaignYear: c.campaignYear,
  status: c.status === 'allocated' ? 'allocated' : 'promised',
  programme: c.programme,
  estimatedAmountCents: c.amountCents,
  createdAt: c.createdAt,
});

/** The kept lines as staff read them, each open one with the pledges it could settle that the reader may mark received. */
async function viewsOf(db: DbOrTx, actor: Actor, rows: TransferRowWithEntity[]): Promise<PledgeTransfer[]> {
  const open = rows.filter((r) => r.status !== 'matched');
  const pool = await listOpenTaxPledges(db, actor.tenantId, { sirets: [...new Set(open.map((r) => r.employerSiret))], uais: [...new Set(open.map((r) => r.uai))] });
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    entity: { id: r.entityId, name: r.entityName },
    employerSiret: r.employerSiret,
    uai: r.uai,
    amountCents: r.amountCents,
    paidOn: r.paidOn,
    line: r.line,
    importedAt: r.importedAt,
    candidates: r.status === 'matched' ? [] : pool.filter((c) => c.employerSiret === r.employerSiret && c.uai === r.uai && managesBeneficiary(actor, c.entityId)).map(candidateView),
    pledgeId: r.pledgeId,
    matchedAt: r.matchedAt,
    currency: 'EUR',
  }));
}

const statusesOf: Record<TransferListQuery['status'], readonly TransferStatus[]> = {
  open: ['unmatched', 'ambiguous'],
  unmatched: ['unmatched'],
  ambiguous: ['ambiguous'],
  matched: ['matched'],
};

/** A page of the kept lines of the schools the caller looks after: open ones oldest first, matched ones latest first. */
export async function listKeptTransfers(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor'>, q: TransferListQuery): Promise<Page<PledgeTransfer>> {
  const { actor } = call;
  authorize(actor, 'pledge.import', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
  const scope = entityScope(actor);
  const after = decodeCursor(q.cursor);
  const rows = await listTransfers(deps.db, actor.tenantId, {
    statuses: statusesOf[q.status],
    entityIds: scope.all ? null : scope.entityIds,
    newestFirst: q.status === 'matched',
    after: after && { importedAt: after.sortKey, id: after.id },
    limit: q.limit + 1,
  });
  const kept = rows.slice(0, q.limit);
  const last = kept.at(-1);
  return { items: await viewsOf(deps.db, actor, kept), nextCursor: rows.length > q.limit && last ? encodeCursor(last.importedAt, last.id) : null };
}

/**
 * Staff choose the pledge a kept line settles: one of its candidates (open
 * apprenticeship tax of the same SIRET and UAI) that they may mark received.
 * The pledge is received with the transfer's amount and date and the line
 * is matched, in one transaction; a line matched meanwhile is 409.
 */
export async function matchTransfer(deps: Pick<Deps, 'db'>, call: Call, input: { id: string; pledgeId: string }): Promise<PledgeTransfer> {
  const { actor, who } = call;
  return withTransaction(deps, async (tx) => {
    const transfer = await findTransfer(tx, actor.tenantId, input.id);
    if (!transfer) throw notFound('pledge.transfer.notFound');
    // The money is the line's school's: those who receive it match it.
    authorize(actor, 'pledge.receive', { kind: 'pledge', tenantId: actor.tenantId, entityId: transfer.entityId });
    if (transfer.status === 'matched') throw new ProblemError('conflict', 'pledge.transfer.matched');
    const joined = await findPledgeJoined(tx, actor.tenantId, input.pledgeId);
    const pledge = joined?.pledge;
    const candidate = pledge && pledge.kind === 'apprenticeship_tax' && pledge.employerSiret === transfer.employerSiret && pledge.uai === transfer.uai;
    if (!pledge || !candidate || !managesBeneficiary(actor, pledge.entityId)) throw validationProblem([{ path: 'pledgeId', code: 'pledge.transfer.notCandidate', params: {} }]);
    if (pledge.status !== 'promised' && pledge.status !== 'allocated') throw new ProblemError('conflict', 'pledge.receive.wrongStatus', { status: pledge.status });
    await settleByTransfer(tx, who, pledge, transfer, { via: 'transfer', transferId: transfer.id, line: transfer.line });
    await setTransferStatus(tx, actor.tenantId, transfer.id, transfer.status, { status: 'matched', pledgeId: pledge.id, matchedAt: who.at, matchedBy: actor.personId });
    const [view] = await viewsOf(tx, actor, [{ ...transfer, status: 'matched', pledgeId: pledge.id, matchedAt: who.at, matchedBy: actor.personId }]);
    return view!;
  });
}
