import { and, asc, desc, eq, gt, inArray, lt, ne, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { erasureRequests, memberships, people } from '../../db/tables/index.ts';
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

export interface StaffListFilters {
  status?: 'pending' | 'processed' | undefined;
  /** Requests of people with a membership of one of these entities; null: every person of the tenant (administrators). */
  entityIds: readonly string[] | null;
  /** The reader: nobody processes their own request. */
  notOf: string;
  /** Oldest first (pending: the nearest due date first), else latest first. */
  oldestFirst: boolean;
  after?: { requestedAt: string; id: string } | undefined;
  limit: number;
}

/** A page of the tenant's requests for staff, with the person's name (null once erased), keyset on (requested at, id). */
export function listErasureRequestsForStaff(db: DbOrTx, tenantId: string, f: StaffListFilters) {
  if (f.entityIds?.length === 0) return Promise.resolve([]);
  return query(db, (db) => {
    const beyond = f.oldestFirst ? gt : lt;
    const order = f.oldestFirst ? asc : desc;
    const where: (SQL | undefined)[] = [eq(erasureRequests.tenantId, tenantId), ne(erasureRequests.personId, f.notOf)];
    if (f.status) where.push(eq(erasureRequests.status, f.status));
    if (f.entityIds) {
      const members = db.select({ personId: memberships.personId }).from(memberships).where(and(eq(memberships.tenantId, tenantId), inArray(memberships.entityId, [...f.entityIds])));
      where.push(inArray(erasureRequests.personId, members));
    }
    if (f.after) where.push(or(beyond(erasureRequests.requestedAt, f.after.requestedAt), and(eq(erasureRequests.requestedAt, f.after.requestedAt), beyond(erasureRequests.id, f.after.id))));
    return db
      .select({ ...requestColumns, displayName: people.displayName })
      .from(erasureRequests)
      .innerJoin(people, and(eq(people.id, erasureRequests.personId), eq(people.tenantId, erasureRequests.tenantId)))
      .where(and(...where))
      .orderBy(order(erasureRequests.requestedAt), order(erasureRequests.id))
      .limit(f.limit)
      .all();
  });
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
  return query(db, async (db) => {
    return (
      (await db
        .select({ id: erasureRequests.id })
        .from(erasureRequests)
        .where(and(eq(erasureRequests.tenantId, tenantId), eq(erasureRequests.personId, personId), eq(erasureRequests.status, 'processed')))
        .limit(1)
        .get()) !== undefined
    );
  });
}
