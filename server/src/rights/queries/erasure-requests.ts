import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { erasureRequests } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** An erasure request as the API shows it. */
const requestColumns = {
  id: erasureRequests.id,
  personId: erasureRequests.personId,
  status: erasureRequests.status,
  note: erasureRequests.note,
  requestedAt: erasureRequests.requestedAt,
  processedAt: erasureRequests.processedAt,
  outcome: erasureRequests.outcome,
};

/** The person's request still waiting for staff, if any. */
export function findPendingErasureRequest(db: DbOrTx, tenantId: string, personId: string) {
  return query(db, (db) => {
    return db
      .select(requestColumns)
      .from(erasureRequests)
      .where(and(eq(erasureRequests.tenantId, tenantId), eq(erasureRequests.personId, personId), eq(erasureRequests.status, 'pending')))
      .get();
  });
}

/** The person's requests, newest first. */
export function listErasureRequestsOfPerson(db: DbOrTx, tenantId: string, personId: string) {
  return query(db, (db) => {
    return db
      .select(requestColumns)
      .from(erasureRequests)
      .where(and(eq(erasureRequests.tenantId, tenantId), eq(erasureRequests.personId, personId)))
      .orderBy(desc(erasureRequests.requestedAt))
      .all();
  });
}

/** The tenant's requests, newest first (at most `limit`). */
export function listErasureRequestsOfTenant(db: DbOrTx, tenantId: string, limit: number) {
  return query(db, (db) => db.select(requestColumns).from(erasureRequests).where(eq(erasureRequests.tenantId, tenantId)).orderBy(desc(erasureRequests.requestedAt)).limit(limit).all());
}

export function findErasureRequest(db: DbOrTx, tenantId: string, id: string) {
  return query(db, (db) => db.select(requestColumns).from(erasureRequests).where(and(eq(erasureRequests.tenantId, tenantId), eq(erasureRequests.id, id))).get());
}

/** Re-reads a request by id (after a change in the same transaction). */
export function findErasureRequestById(tx: DbOrTx, id: string) {
  return query(tx, (tx) => tx.select(requestColumns).from(erasureRequests).where(eq(erasureRequests.id, id)).get());
}

export function insertErasureRequest(tx: DbOrTx, values: typeof erasureRequests.$inferInsert) {
  return query(tx, (tx) => tx.insert(erasureRequests).values(values).returning(requestColumns).get());
}

export function markErasureRequestProcessed(
  tx: DbOrTx,
  tenantId: string,
  id: string,
  set: Required<Pick<typeof erasureRequests.$inferInsert, 'processedAt' | 'processedBy' | 'outcome'>>,
): Promise<void> {
  return query(tx, async (tx) => {
    await tx.update(erasureRequests)
      .set({ status: 'processed', ...set })
      .where(and(eq(erasureRequests.tenantId, tenantId), eq(erasureRequests.id, id)))
      .run();
  });
}

/** A person's requests for their data export. */
export function exportErasureRequests(tx: DbOrTx, tenantId: string, personId: string) {
  return query(tx, (tx) => {
    return tx
      .select({ id: erasureRequests.id, status: erasureRequests.status, requestedAt: erasureRequests.requestedAt, processedAt: erasureRequests.processedAt, note: erasureRequests.note })
      .from(erasureRequests)
      .where(and(eq(erasureRequests.tenantId, tenantId), eq(erasureRequests.personId, personId)))
      .all();
  });
}

/** Whether staff processed an erasure request of the person (their gifts settled since lose the donor's identity). */
export function hasProcessedErasure(db: DbOrTx, tenantId: string, personId: string): Promise<boolean> {
  return query(db, (db) => {
    return (
      db
        .select({ id: erasureRequests.id })
        .from(erasureRequests)
        .where(and(eq(erasureRequests.tenantId, tenantId), eq(erasureRequests.personId, personId), eq(erasureRequests.status, 'processed')))
        .limit(1)
        .get() !== undefined
    );
  });
}
