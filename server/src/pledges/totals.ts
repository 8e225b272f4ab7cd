/**
 * Received money: totals per beneficiary entity, and the SOLTéA transfer
 * report that marks apprenticeship-tax pledges received.
 */
import type { Message } from '@passerelle/schema/messages';
import { entityScope, type Actor, type PledgeListQuery, type PledgeStatusTotal, type PledgeTotal } from '@passerelle/schema';
import type { Db, DbOrTx } from '../db/open.ts';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { listTransferCandidates, sumPledgesPerEntity, sumPledgesPerStatus } from './queries/totals.ts';
import { findEntityByUai, findKeptTransfer, insertTransfer, setTransferStatus } from './queries/transfers.ts';
import { settleByTransfer } from './transfers.ts';
import { writeAudit, type AuditOrigin } from '../audit/audit.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError } from '../http/problem.ts';
import { managesBeneficiary } from './access.ts';
import { parseTransferReport, type InvalidLine, type ReportLine } from './csv.ts';
import { withTransaction } from '../db/transaction.ts';

/**
 * Promised versus received (staff, administrators), over the entities whose
 * every amount the caller may read: per entity and kind (not cancelled), and
 * per campaign year, kind and status.
 */
export async function pledgeTotals(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor'>, q: Pick<PledgeListQuery, 'campaignYear' | 'kind'>): Promise<{ items: PledgeTotal[]; byStatus: PledgeStatusTotal[] }> {
  const { actor } = call;
  authorize(actor, 'pledge.totals', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
  // Totals are of whole entities, so only entities whose every amount the caller may read.
  const scope = entityScope(actor);
  const filters = { entityIds: scope.all ? null : [...scope.entityIds], kind: q.kind, campaignYear: q.campaignYear };
  const rows = await sumPledgesPerEntity(deps.db, actor.tenantId, filters);
  const statuses = await sumPledgesPerStatus(deps.db, actor.tenantId, filters);
  return {
    items: rows.map((r) => ({ entityId: r.entityId, name: r.name, kind: r.kind, count: r.count, promisedCents: Number(r.promised ?? 0), receivedCents: Number(r.received ?? 0), currency: 'EUR' })),
    byStatus: statuses.map((r) => ({ campaignYear: r.campaignYear, kind: r.kind, status: r.status, count: r.count, promisedCents: Number(r.promised ?? 0), receivedCents: Number(r.received ?? 0), currency: 'EUR' })),
  };
}

export interface ImportLineResult {
  line: number;
  outcome: 'received' | 'alreadyReceived' | 'unmatched' | 'ambiguous' | 'outOfScope' | 'invalid';
  pledgeId?: string;
  /** An unmatched or ambiguous line: the kept line staff match (`GET /v1/pledges/transfers`). */
  transferId?: string;
  /** An invalid line: why, as a message code (the route words it in the reader's language). */
  said?: Message;
}

/**
 * Settles each transfer of the report, in one transaction, on the one open
 * pledge it matches (same SIRET and UAI): the only open one, or the only one
 * of the transfer's campaign year. A transfer that matches none, or several
 * with none singled out, is kept (`pledge_transfers`) for staff to choose:
 * never the oldest taken silently. A line seen before (a report imported
 * twice) is not applied or kept twice.
 */
export async function applyTransferReport(db: Db, actor: Actor, who: AuditOrigin, report: { lines: ReportLine[]; invalid: InvalidLine[] }): Promise<ImportLineResult[]> {
  const results: ImportLineResult[] = report.invalid.map((i) => ({ line: i.line, outcome: 'invalid', said: i.said }));
  await withTransaction({ db }, async (tx) => {
    for (const line of report.lines) results.push({ line: line.line, ...(await applyLine(tx, actor, who, line)) });
  });
  return results.sort((a, b) => a.line - b.line);
}

async function applyLine(tx: DbOrTx, actor: Actor, who: AuditOrigin, line: ReportLine): Promise<Omit<ImportLineResult, 'line'>> {
  const candidates = await listTransferCandidates(tx, actor.tenantId, line.siret, line.uai);
  const inScope = candidates.filter((p) => managesBeneficiary(actor, p.entityId));
  // The same transfer already recorded (a report imported twice, or a line staff matched since) is not applied again.
  const done = inScope.find((p) => p.status === 'received' && p.receivedOn === line.date && p.receivedCents === line.amountCents);
  if (done) return { outcome: 'alreadyReceived', pledgeId: done.id };
  // The school of the UAI is the caller's (or the caller is an administrator), and so are the pledges it could settle.
  const school = await findEntityByUai(tx, actor.tenantId, line.uai);
  if (!school || !managesBeneficiary(actor, school.id) || (candidates.length > 0 && inScope.length === 0)) return { outcome: 'outOfScope' };
  const open = inScope.filter((p) => p.status === 'promised' || p.status === 'allocated');
  const ofYear = open.filter((p) => p.campaignYear === Number(line.date.slice(0, 4)));
  const pick = open.length === 1 ? open[0] : ofYear.length === 1 ? ofYear[0] : undefined;
  const kept = await findKeptTransfer(tx, actor.tenantId, line);
  if (kept?.status === 'matched') return { outcome: 'alreadyReceived', ...(kept.pledgeId ? { pledgeId: kept.pledgeId } : {}), transferId: kept.id };
  if (pick) {
    await settleByTransfer(tx, who, pick, { amountCents: line.amountCents, paidOn: line.date }, { via: 'import', line: line.line });
    // Kept from an earlier import, it is matched now.
    if (kept) await setTransferStatus(tx, actor.tenantId, kept.id, kept.status, { status: 'matched', pledgeId: pick.id, matchedAt: who.at, matchedBy: actor.personId });
    return { outcome: 'received', pledgeId: pick.id };
  }
  const status = open.length > 1 ? 'ambiguous' : 'unmatched';
  if (kept) {
    if (kept.status !== status) await setTransferStatus(tx, actor.tenantId, kept.id, kept.status, { status });
    return { outcome: status, transferId: kept.id };
  }
  const row = await insertTransfer(tx, {
    tenantId: actor.tenantId,
    entityId: school.id,
    status,
    employerSiret: line.siret,
    uai: line.uai,
    amountCents: line.amountCents,
    paidOn: line.date,
    line: line.line,
    importedAt: who.at,
    importedBy: actor.personId,
  });
  await writeAudit(tx, who, { action: 'pledge.transferKept', objectType: 'pledge_transfer', objectId: row.id, entityIds: [school.id], detail: { line: line.line, status } });
  return { outcome: status, transferId: row.id };
}

/**
 * Imports a SOLTéA transfer report (staff, for their entities;
 * administrators): a report that cannot be read is refused whole, naming
 * why; otherwise each line says what became of it.
 */
export async function importTransferReport(deps: Deps, call: Call, input: { csv: string }): Promise<{ received: number; lines: ImportLineResult[] }> {
  const { actor } = call;
  authorize(actor, 'pledge.import', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
  const parsed = parseTransferReport(input.csv);
  if ('error' in parsed) throw ProblemError.of('validation', parsed.error, { errors: [{ path: 'csv', ...parsed.error }] });
  const lines = await applyTransferReport(deps.db, actor, call.who, parsed);
  return { received: lines.filter((r) => r.outcome === 'received').length, lines };
}
