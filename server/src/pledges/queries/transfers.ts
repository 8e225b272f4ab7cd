/** The kept lines of SOLTéA transfer reports (`pledge_transfers`), and the open pledges each could settle. */
import { and, asc, desc, eq, gt, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { TransferStatus } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { companies, entities, pledgeTransfers, pledges } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export type TransferRow = typeof pledgeTransfers.$inferSelect;
export type TransferRowWithEntity = TransferRow & { entityName: string };

/** The tenant's entity whose UAI this is (the school a transfer is for), or undefined. */
export function findEntityByUai(db: DbOrTx, tenantId: string, uai: string): Promise<{ id: string } | undefined> {
  return query(db, (db) => db.select({ id: entities.id }).from(entities).where(and(eq(entities.tenantId, tenantId), eq(entities.uai, uai))).orderBy(asc(entities.name)).get());
}

/** A line kept from an earlier import of the same transfer (same SIRET, UAI, date and amount), if any. */
export function findKeptTransfer(db: DbOrTx, tenantId: string, line: { siret: string; uai: string; date: string; amountCents: number }): Promise<TransferRow | undefined> {
  return query(db, (db) => {
    return db
      .select()
      .from(pledgeTransfers)
      .where(
        and(
          eq(pledgeTransfers.tenantId, tenantId),
          eq(pledgeTransfers.employerSiret, line.siret),
          eq(pledgeTransfers.uai, line.uai),
          eq(pledgeTransfers.paidOn, line.date),
          eq(pledgeTransfers.amountCents, line.amountCents),
        ),
      )
      .get();
  });
}

export function insertTransfer(tx: DbOrTx, values: typeof pledgeTransfers.$inferInsert): Promise<TransferRow> {
  return query(tx, (tx) => tx.insert(pledgeTransfers).values(values).returning().get());
}

/** Changes a kept line's status, if it still has `from` (answers whether it did: someone else may have matched it first). */
export function setTransferStatus(tx: DbOrTx, tenantId: string, id: string, from: TransferStatus, set: Partial<TransferRow>): Promise<boolean> {
  return query(tx, async (tx) => {
    const done = await tx
      .update(pledgeTransfers)
      .set(set)
      .where(and(eq(pledgeTransfers.tenantId, tenantId), eq(pledgeTransfers.id, id), eq(pledgeTransfers.status, from)))
      .returning({ id: pledgeTransfers.id })
      .get();
    return done !== undefined;
  });
}

const withEntity = { ...tableColumns(), entityName: entities.name };
function tableColumns() {
  const { id, tenantId, entityId, status, employerSiret, uai, amountCents, paidOn, line, importedAt, importedBy, pledgeId, matchedAt, matchedBy } = pledgeTransfers;
  return { id, tenantId, entityId, status, employerSiret, uai, amountCents, paidOn, line, importedAt, importedBy, pledgeId, matchedAt, matchedBy };
}

/** One kept line of the tenant, with its school's name. */
export function findTransfer(db: DbOrTx, tenantId: string, id: string): Promise<TransferRowWithEntity | undefined> {
  return query(db, (db) => {
    return db
      .select(withEntity)
      .from(pledgeTransfers)
      .innerJoin(entities, eq(entities.id, pledgeTransfers.entityId))
      .where(and(eq(pledgeTransfers.tenantId, tenantId), eq(pledgeTransfers.id, id)))
      .get();
  });
}

export interface TransferFilters {
  statuses: readonly TransferStatus[];
  /** The schools whose lines the caller reads; null: all of them (administrators). */
  entityIds: readonly string[] | null;
  /** Open lines oldest first (the next to match), matched ones latest first. */
  newestFirst: boolean;
  after?: { importedAt: string; id: string } | undefined;
  limit: number;
}

/** A page of kept lines, in import order, then by id. */
export function listTransfers(db: DbOrTx, tenantId: string, f: TransferFilters): Promise<TransferRowWithEntity[]> {
  if (f.entityIds?.length === 0) return Promise.resolve([]);
  return query(db, (db) => {
    const beyond = f.newestFirst ? lt : gt;
    const where: (SQL | undefined)[] = [eq(pledgeTransfers.tenantId, tenantId), inArray(pledgeTransfers.status, [...f.statuses])];
    if (f.entityIds) where.push(inArray(pledgeTransfers.entityId, [...f.entityIds]));
    if (f.after) where.push(or(beyond(pledgeTransfers.importedAt, f.after.importedAt), and(eq(pledgeTransfers.importedAt, f.after.importedAt), beyond(pledgeTransfers.id, f.after.id))));
    const order = f.newestFirst ? desc : asc;
    return db
      .select(withEntity)
      .from(pledgeTransfers)
      .innerJoin(entities, eq(entities.id, pledgeTransfers.entityId))
      .where(and(...where))
      .orderBy(order(pledgeTransfers.importedAt), order(pledgeTransfers.id))
      .limit(f.limit)
      .all();
  });
}

export interface CandidateRow {
  id: string;
  employerSiret: string | null;
  uai: string | null;
  entityId: string;
  companyId: string | null;
  companyName: string | null;
  campaignYear: number | null;
  status: 'promised' | 'allocated' | 'received' | 'cancelled';
  programme: string | null;
  amountCents: number | null;
  createdAt: string;
}

/**
 * The open apprenticeship-tax pledges (promised or allocated) of these
 * schools for these employers: what kept lines could settle. Oldest first.
 */
export function listOpenTaxPledges(db: DbOrTx, tenantId: string, of: { sirets: readonly string[]; uais: readonly string[] }): Promise<CandidateRow[]> {
  if (of.sirets.length === 0) return Promise.resolve([]);
  return query(db, (db) => {
    return db
      .select({
        id: pledges.id,
        employerSiret: pledges.employerSiret,
        uai: pledges.uai,
        entityId: pledges.entityId,
        companyId: pledges.companyId,
        companyName: companies.name,
        campaignYear: pledges.campaignYear,
        status: pledges.status,
        programme: pledges.programme,
        amountCents: pledges.amountCents,
        createdAt: pledges.createdAt,
      })
      .from(pledges)
      .leftJoin(companies, eq(companies.id, pledges.companyId))
      .where(
        and(
          eq(pledges.tenantId, tenantId),
          eq(pledges.kind, 'apprenticeship_tax'),
          inArray(pledges.status, ['promised', 'allocated']),
          inArray(pledges.employerSiret, [...of.sirets]),
          inArray(pledges.uai, [...of.uais]),
        ),
      )
      .orderBy(asc(pledges.createdAt), asc(pledges.id))
      .all();
  });
}
