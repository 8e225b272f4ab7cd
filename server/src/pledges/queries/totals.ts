/** Money received: sums per beneficiary entity, and the pledges a SOLTéA transfer may settle. */
import { and, asc, count, eq, inArray, ne, sql, sum, type SQL } from 'drizzle-orm';
import type { PledgeKind, PledgeStatus } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { entities, pledges } from '../../db/tables/index.ts';
import type { PledgeRow } from '../project.ts';
import { query } from '../../db/transaction.ts';

export interface PledgeSumRow {
  entityId: string;
  name: string;
  kind: PledgeKind;
  count: number;
  /** SQL SUM: a string or null, as the driver returns it. */
  promised: string | null;
  received: string | null;
}

/**
 * Count, promised and received sums of the tenant's pledges that are not
 * cancelled, per entity and kind, ordered by entity name then kind.
 * `entityIds` null means every entity.
 */
export function sumPledgesPerEntity(db: DbOrTx, tenantId: string, f: { entityIds: string[] | null; kind?: PledgeKind | undefined; campaignYear?: number | undefined }): Promise<PledgeSumRow[]> {
  return query(db, (db) => {
    const where: SQL[] = [eq(pledges.tenantId, tenantId), ne(pledges.status, 'cancelled')];
    if (f.entityIds !== null) where.push(inArray(pledges.entityId, f.entityIds));
    if (f.kind) where.push(eq(pledges.kind, f.kind));
    if (f.campaignYear !== undefined) where.push(eq(pledges.campaignYear, f.campaignYear));
    return db
      .select({ entityId: pledges.entityId, name: entities.name, kind: pledges.kind, count: count(), promised: sum(pledges.amountCents), received: sum(pledges.receivedCents) })
      .from(pledges)
      .innerJoin(entities, eq(entities.id, pledges.entityId))
      .where(and(...where))
      .groupBy(pledges.entityId, entities.name, pledges.kind)
      .orderBy(asc(entities.name), asc(pledges.kind))
      .all();
  });
}

export interface PledgeStatusSumRow {
  campaignYear: number | null;
  kind: PledgeKind;
  status: PledgeStatus;
  count: number;
  promised: string | null;
  received: string | null;
}

/**
 * Count, promised and received sums of the tenant's pledges per campaign
 * year (null: gifts), kind and status, cancelled ones included; latest
 * campaign first, gifts last (said explicitly: SQLite sorts NULL lowest,
 * PostgreSQL highest). `entityIds` null means every entity.
 */
export function sumPledgesPerStatus(db: DbOrTx, tenantId: string, f: { entityIds: string[] | null; kind?: PledgeKind | undefined; campaignYear?: number | undefined }): Promise<PledgeStatusSumRow[]> {
  return query(db, (db) => {
    const where: SQL[] = [eq(pledges.tenantId, tenantId)];
    if (f.entityIds !== null) where.push(inArray(pledges.entityId, f.entityIds));
    if (f.kind) where.push(eq(pledges.kind, f.kind));
    if (f.campaignYear !== undefined) where.push(eq(pledges.campaignYear, f.campaignYear));
    return db
      .select({ campaignYear: pledges.campaignYear, kind: pledges.kind, status: pledges.status, count: count(), promised: sum(pledges.amountCents), received: sum(pledges.receivedCents) })
      .from(pledges)
      .where(and(...where))
      .groupBy(pledges.campaignYear, pledges.kind, pledges.status)
      .orderBy(sql`${pledges.campaignYear} desc nulls last`, asc(pledges.kind), asc(pledges.status))
      .all();
  });
}

/** The tenant's apprenticeship-tax pledges (not cancelled) for this SIRET and UAI, latest campaign first, then oldest first. */
export function listTransferCandidates(db: DbOrTx, tenantId: string, siret: string, uai: string): Promise<PledgeRow[]> {
  return query(db, (db) => {
    return db
      .select()
      .from(pledges)
      .where(and(eq(pledges.tenantId, tenantId), eq(pledges.kind, 'apprenticeship_tax'), eq(pledges.employerSiret, siret), eq(pledges.uai, uai), ne(pledges.status, 'cancelled')))
      .orderBy(sql`${pledges.campaignYear} desc nulls last`, asc(pledges.createdAt))
      .all();
  });
}
