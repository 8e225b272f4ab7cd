import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { solicitationCapEvents } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** Every cap event of the tenant (or of these people only), by person then in order (the last one per person wins). */
export function capEventsOfTenant(db: DbOrTx, tenantId: string, personIds?: readonly string[]): Promise<{ personId: string; perMonth: number }[]> {
  return query(db, (db) => {
    const tenant = eq(solicitationCapEvents.tenantId, tenantId);
    return db
      .select({ personId: solicitationCapEvents.personId, perMonth: solicitationCapEvents.perMonth })
      .from(solicitationCapEvents)
      .where(personIds ? and(tenant, inArray(solicitationCapEvents.personId, [...personIds])) : tenant)
      .orderBy(asc(solicitationCapEvents.personId), asc(solicitationCapEvents.seq))
      .all();
  });
}

/** The person's latest cap choice, if any. */
export function lastCapEvent(db: DbOrTx, tenantId: string, personId: string): Promise<{ perMonth: number; at: string } | undefined> {
  return query(db, (db) => {
    return db
      .select({ perMonth: solicitationCapEvents.perMonth, at: solicitationCapEvents.at })
      .from(solicitationCapEvents)
      .where(and(eq(solicitationCapEvents.tenantId, tenantId), eq(solicitationCapEvents.personId, personId)))
      .orderBy(desc(solicitationCapEvents.seq))
      .limit(1)
      .get();
  });
}

/** The last position in a person's cap log, or null when they have none. */
export function maxCapSeq(tx: DbOrTx, tenantId: string, personId: string): Promise<number | null> {
  return query(tx, async (tx) => {
    const row = (await tx
      .select({ seq: max(solicitationCapEvents.seq) })
      .from(solicitationCapEvents)
      .where(and(eq(solicitationCapEvents.tenantId, tenantId), eq(solicitationCapEvents.personId, personId)))
      .get());
    return row?.seq ?? null;
  });
}

export function insertCapEvent(tx: DbOrTx, values: typeof solicitationCapEvents.$inferInsert): Promise<void> {
  return query(tx, async (tx) => {
    await tx.insert(solicitationCapEvents).values(values).run();
  });
}

/** A person's cap events for their data export, in order, with the checked Origin and the claimed page. */
export function exportCapEvents(tx: DbOrTx, tenantId: string, personId: string) {
  return query(tx, (tx) => {
    return tx
      .select({
        id: solicitationCapEvents.id,
        at: solicitationCapEvents.at,
        perMonth: solicitationCapEvents.perMonth,
        origin: solicitationCapEvents.origin,
        claimedPage: solicitationCapEvents.originPage,
        originComponent: solicitationCapEvents.originComponent,
      })
      .from(solicitationCapEvents)
      .where(and(eq(solicitationCapEvents.tenantId, tenantId), eq(solicitationCapEvents.personId, personId)))
      .orderBy(asc(solicitationCapEvents.seq))
      .all();
  });
}
