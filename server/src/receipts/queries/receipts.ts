/** Tax receipts and their per-year counters (`server/src/receipts/`). */
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { receiptCounters, receipts } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';
import { nothing } from '../../db/dialect.ts';

export type ReceiptRow = typeof receipts.$inferSelect;
export type ReceiptInsert = typeof receipts.$inferInsert;

/**
 * The next order number of the institution's year: the counter row is
 * created at 1 or bumped by one in the caller's transaction (one statement,
 * which locks the row on PostgreSQL and the database on SQLite), so
 * concurrent issues queue behind each other and a rollback gives the number back.
 */
export function takeReceiptSequence(tx: DbOrTx, tenantId: string, year: number): Promise<number> {
  return query(tx, async (tx) => {
    return (await tx
      .insert(receiptCounters)
      .values({ tenantId, year, last: 1 })
      .onConflictDoUpdate({ target: [receiptCounters.tenantId, receiptCounters.year], set: { last: sql`${receiptCounters.last} + 1` } })
      .returning({ last: receiptCounters.last })
      .get()).last;
  });
}

export function insertReceipt(tx: DbOrTx, values: ReceiptInsert): Promise<ReceiptRow> {
  return query(tx, (tx) => tx.insert(receipts).values(values).returning().get());
}

/** Marks an issued receipt cancelled (and by which one it is replaced); false if it was not issued any more. */
export function cancelReceiptRow(tx: DbOrTx, tenantId: string, id: string, set: { cancelledAt: string; cancelReason: string; replacedById: string | null }): Promise<boolean> {
  return query(tx, async (tx) => {
    const done = await tx
      .update(receipts)
      .set({ status: 'cancelled', ...set })
      .where(and(eq(receipts.tenantId, tenantId), eq(receipts.id, id), eq(receipts.status, 'issued')))
      .returning({ id: receipts.id })
      .get();
    return done !== undefined;
  });
}

/** Links a cancelled receipt to the one that replaced it. */
export function setReplacedBy(tx: DbOrTx, tenantId: string, id: string, replacedById: string): Promise<void> {
  return query(tx, async (tx) => {
    await tx.update(receipts).set({ replacedById }).where(and(eq(receipts.tenantId, tenantId), eq(receipts.id, id))).run();
  });
}

export function findReceipt(db: DbOrTx, tenantId: string, id: string): Promise<ReceiptRow | undefined> {
  return query(db, (db) => db.select().from(receipts).where(and(eq(receipts.tenantId, tenantId), eq(receipts.id, id))).get());
}

/** The receipt in force of each of these pledges (at most one each: a correction cancels the previous one). */
export function listIssuedReceiptsOfPledges(db: DbOrTx, tenantId: string, pledgeIds: readonly string[]): Promise<{ id: string; number: string; pledgeId: string }[]> {
  if (pledgeIds.length === 0) return Promise.resolve([]);
  return query(db, (db) => {
    return db
      .select({ id: receipts.id, number: receipts.number, pledgeId: receipts.pledgeId })
      .from(receipts)
      .where(and(eq(receipts.tenantId, tenantId), inArray(receipts.pledgeId, [...pledgeIds]), eq(receipts.status, 'issued')))
      .all();
  });
}

/** Whether the pledge ever had a receipt (issued or cancelled). */
export function pledgeHasReceipt(db: DbOrTx, tenantId: string, pledgeId: string): Promise<boolean> {
  return query(db, async (db) => (await db.select({ id: receipts.id }).from(receipts).where(and(eq(receipts.tenantId, tenantId), eq(receipts.pledgeId, pledgeId))).limit(1).get()) !== undefined);
}

export interface ReceiptKeyset {
  year: number;
  sequence: number;
}

/** A page of the tenant's receipts, latest number first, for these entities (undefined: all of them). */
export function listReceiptRows(
  db: DbOrTx,
  tenantId: string,
  filters: { entityIds: readonly string[] | undefined; year?: number; status?: ReceiptRow['status']; pledgeId?: string },
  page: { after?: ReceiptKeyset; limit: number },
): Promise<ReceiptRow[]> {
  const where: (SQL | undefined)[] = [eq(receipts.tenantId, tenantId)];
  if (filters.entityIds) where.push(filters.entityIds.length ? inArray(receipts.entityId, [...filters.entityIds]) : nothing());
  if (filters.year !== undefined) where.push(eq(receipts.year, filters.year));
  if (filters.status) where.push(eq(receipts.status, filters.status));
  if (filters.pledgeId) where.push(eq(receipts.pledgeId, filters.pledgeId));
  if (page.after) where.push(or(lt(receipts.year, page.after.year), and(eq(receipts.year, page.after.year), lt(receipts.sequence, page.after.sequence))));
  return query(db, (db) => {
    return db
      .select()
      .from(receipts)
      .where(and(...where))
      .orderBy(desc(receipts.year), desc(receipts.sequence))
      .limit(page.limit)
      .all();
  });
}

/** How many receipts `listReceiptRows` would go through (the export's audit entry). */
export function countReceiptRows(db: DbOrTx, tenantId: string, filters: { entityIds: readonly string[] | undefined; year?: number; status?: ReceiptRow['status'] }): Promise<number> {
  const where: SQL[] = [eq(receipts.tenantId, tenantId)];
  if (filters.entityIds) where.push(filters.entityIds.length ? inArray(receipts.entityId, [...filters.entityIds]) : nothing());
  if (filters.year !== undefined) where.push(eq(receipts.year, filters.year));
  if (filters.status) where.push(eq(receipts.status, filters.status));
  return query(db, async (db) => (await db.select({ n: sql<number>`count(*)` }).from(receipts).where(and(...where)).get())?.n ?? 0);
}
