import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { memberships, people } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export function findPersonId(db: DbOrTx, tenantId: string, personId: string): Promise<{ id: string } | undefined> {
  return query(db, (db) => db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.id, personId))).get());
}

/** The entities the person has a membership of (company memberships have none). */
export function personEntityIds(db: DbOrTx, tenantId: string, personId: string): Promise<string[]> {
  return query(db, async (db) => {
    const rows = (await db
      .select({ entityId: memberships.entityId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId), isNotNull(memberships.entityId)))
      .all());
    return rows.flatMap((r) => (r.entityId ? [r.entityId] : []));
  });
}

/** Every person of the tenant who still has an email address (erased people have none), by id. */
export function listReachablePeople(db: DbOrTx, tenantId: string) {
  return query(db, (db) => {
    return db
      .select({ id: people.id, email: people.email, displayName: people.displayName })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), isNotNull(people.email)))
      .orderBy(asc(people.id))
      .all();
  });
}
