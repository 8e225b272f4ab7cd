/**
 * Received money: totals per beneficiary entity, and the SOLTéA transfer
 * report that marks apprenticeship-tax pledges received.
 */
import type { Message } from '@passerelle/schema/messages';
import { entityScope, type Actor, type PledgeListQuery, type PledgeTotal } from '@passerelle/schema';
import type { Db } from '../db/open.ts';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { listTransferCandidates, sumPledgesPerEntity } from './queries/totals.ts';
import { updatePledge } from './queries/write.ts';
import { writeAudit, type AuditOrigin } from '../audit/audit.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError } from '../http/problem.ts';
import { managesBeneficiary } from './access.ts';
import { parseTransferReport, type InvalidLine, type ReportLine } from './csv.ts';
import { recordEvent } from '../webhooks/record.ts';
import { withTransaction } from '../db/transaction.ts';
import { afterStatusChange } from './settled.ts';

/** Promised versus received per entity and kind (staff, administrators), over the entities whose every amount the caller may read. */
export async function pledgeTotals(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor'>, q: Pick<PledgeListQuery, 'campaignYear' | 'kind'>): Promise<PledgeTotal[]> {
  const { actor } = call;
  authorize(actor, 'pledge.totals', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
  // Totals are of whole entities, so only entities whose every amount the caller may read.
  const scope = entityScope(actor);
  const rows = await sumPledgesPerEntity(deps.db, actor.tenantId, { entityIds: scope.all ? null : [...scope.entityIds], kind: q.kind, campaignYear: q.campaignYear });
  return rows.map((r) => ({ entityId: r.entityId, name: r.name, kind: r.kind, count: r.count, promisedCents: Number(r.promised ?? 0), receivedCents: Number(r.received ?? 0), currency: 'EUR' }));
}

export interface ImportLineResult {
  line: number;
  outcome: 'received' | 'alreadyReceived' | 'unmatched' | 'outOfScope' | 'invalid';
  pledgeId?: string;
  /** An invalid line: why, as a message code (the route words it in the reader's language). */
  said?: Message;
}

/**
 * Marks each transfer of the report received on the matching open pledge
 * (same SIRET and UAI, the transfer's campaign year first), in one
 * transaction; what did not match says why.
 */
export async function applyTransferReport(db: Db, actor: Actor, who: AuditOrigin, report: { lines: ReportLine[]; invalid: InvalidLine[] }): Promise<ImportLineResult[]> {
  const results: ImportLineResult[] = report.invalid.map((i) => ({ line: i.line, outcome: 'invalid', said: i.said }));
  await withTransaction({ db }, async (tx) => {
    for (const line of report.lines) {
      const candidates = await listTransferCandidates(tx, actor.tenantId, line.siret, line.uai);
      const year = Number(line.date.slice(0, 4));
      const inScope = candidates.filter((p) => managesBeneficiary(actor, p.entityId));
      // The same transfer already recorded (a report imported twice) is not applied again.
      const done = inScope.find((p) => p.status === 'received' && p.receivedOn === line.date && p.receivedCents === line.amountCents);
      const open = inScope.filter((p) => p.status !== 'received');
      const pick = done ? undefined : (open.find((p) => p.campaignYear === year) ?? open[0]);
      if (!pick) {
        const outcome = inScope.length ? 'alreadyReceived' : candidates.length ? 'outOfScope' : 'unmatched';
        const known = done ?? inScope[0];
        results.push({ line: line.line, outcome, ...(known ? { pledgeId: known.id } : {}) });
        continue;
      }
      await updatePledge(tx, actor.tenantId, pick.id, { status: 'received', receivedCents: line.amountCents, receivedOn: line.date, version: pick.version + 1, updatedAt: who.at });
      await writeAudit(tx, who, { action: 'pledge.receive', objectType: 'pledge', objectId: pick.id, entityIds: [pick.entityId], subjectId: pick.authorId, detail: { via: 'import', line: line.line } });
      await recordEvent(tx, who, { type: 'pledge.status_changed', pledgeId: pick.id });
      await afterStatusChange(tx, who, { ...pick, status: 'received', receivedCents: line.amountCents, receivedOn: line.date, version: pick.version + 1, updatedAt: who.at });
      results.push({ line: line.line, outcome: 'received', pledgeId: pick.id });
    }
  });
  return results.sort((a, b) => a.line - b.line);
}

/**
 * Imports a SOLTéA transfer report (staff, for their entities;
 * administrators): a report that cannot be read is refused whole, naming
 * why; otherwise each line says what became of it.
 */
export async function importTransferReport(deps: Deps, call: Call, input: { csv: string }): Promise<{ received: number; lines: ImportLineResult[]; }> {
  const { actor } = call;
  authorize(actor, 'pledge.import', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
  const parsed = parseTransferReport(input.csv);
  if ('error' in parsed) throw ProblemError.of('validation', parsed.error, { errors: [{ path: 'csv', ...parsed.error }] });
  const lines = await applyTransferReport(deps.db, actor, call.who, parsed);
  return { received: lines.filter((r) => r.outcome === 'received').length, lines };
}
