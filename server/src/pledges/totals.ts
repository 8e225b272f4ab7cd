/**
 * Received money: totals per beneficiary entity, and the SOLTéA transfer
 * report that marks apprenticeship-tax pledges received.
 */
import { and, asc, count, desc, eq, inArray, ne, sum, type SQL } from 'drizzle-orm';
import type { Actor, PledgeListQuery, PledgeTotal } from '@passerelle/schema';
import type { Db } from '../db/open.ts';
import { entities, pledges } from '../db/tables/index.ts';
import { writeAudit, type auditOrigin } from '../db/audit.ts';
import { coveredEntityIds, isAdmin } from '../auth/roles.ts';
import { managesBeneficiary } from './access.ts';
import type { ReportLine } from './csv.ts';

/** Promised versus received per entity and kind, over the entities whose every amount the caller may read. */
export function pledgeTotals(db: Db, actor: Actor, q: Pick<PledgeListQuery, 'campaignYear' | 'kind'>): PledgeTotal[] {
  const where: SQL[] = [eq(pledges.tenantId, actor.tenantId), ne(pledges.status, 'cancelled')];
  // Totals are of whole entities, so only entities whose every amount the caller may read.
  if (!isAdmin(actor)) where.push(inArray(pledges.entityId, coveredEntityIds(actor)));
  if (q.kind) where.push(eq(pledges.kind, q.kind));
  if (q.campaignYear !== undefined) where.push(eq(pledges.campaignYear, q.campaignYear));
  const rows = db
    .select({ entityId: pledges.entityId, name: entities.name, kind: pledges.kind, count: count(), promised: sum(pledges.amountCents), received: sum(pledges.receivedCents) })
    .from(pledges)
    .innerJoin(entities, eq(entities.id, pledges.entityId))
    .where(and(...where))
    .groupBy(pledges.entityId, entities.name, pledges.kind)
    .orderBy(asc(entities.name), asc(pledges.kind))
    .all();
  return rows.map((r) => ({ entityId: r.entityId, name: r.name, kind: r.kind, count: r.count, promisedCents: Number(r.promised ?? 0), receivedCents: Number(r.received ?? 0), currency: 'EUR' }));
}

export interface ImportLineResult {
  line: number;
  outcome: 'received' | 'alreadyReceived' | 'unmatched' | 'outOfScope' | 'invalid';
  pledgeId?: string;
  message?: string;
}

/**
 * Marks each transfer of the report received on the matching open pledge
 * (same SIRET and UAI, the transfer's campaign year first), in one
 * transaction; what did not match says why.
 */
export function applyTransferReport(db: Db, actor: Actor, who: ReturnType<typeof auditOrigin>, report: { lines: ReportLine[]; invalid: { line: number; message: string }[] }): ImportLineResult[] {
  const results: ImportLineResult[] = report.invalid.map((i) => ({ line: i.line, outcome: 'invalid', message: i.message }));
  db.transaction((tx) => {
    for (const line of report.lines) {
      const candidates = tx
        .select()
        .from(pledges)
        .where(and(eq(pledges.tenantId, actor.tenantId), eq(pledges.kind, 'apprenticeship_tax'), eq(pledges.employerSiret, line.siret), eq(pledges.uai, line.uai), ne(pledges.status, 'cancelled')))
        .orderBy(desc(pledges.campaignYear), asc(pledges.createdAt))
        .all();
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
      tx.update(pledges).set({ status: 'received', receivedCents: line.amountCents, receivedOn: line.date, version: pick.version + 1, updatedAt: who.at }).where(eq(pledges.id, pick.id)).run();
      writeAudit(tx, who, { action: 'pledge.receive', objectType: 'pledge', objectId: pick.id, entityIds: [pick.entityId], subjectId: pick.authorId, detail: { via: 'import', line: line.line } });
      results.push({ line: line.line, outcome: 'received', pledgeId: pick.id });
    }
  });
  return results.sort((a, b) => a.line - b.line);
}
