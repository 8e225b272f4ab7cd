import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { people } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** The person a host site knows by this `sub`. */
export function findPersonIdByHostSubject(db: DbOrTx, tenantId: string, hostSubject: string): Promise<string | undefined> {
  return query(db, async (db) => {
    return (await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.hostSubject, hostSubject)))
      .get())?.id;
  });
}

/** The oldest person of the tenant with this email address. */
export function findPersonIdByEmail(db: DbOrTx, tenantId: string, email: string): Promise<string | undefined> {
  return query(db, async (db) => {
    return (await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.email, email)))
      .orderBy(asc(people.createdAt))
      .get())?.id;
  });
}

/** What a person is shown of themselves. */
export function findPersonSummary(db: DbOrTx, tenantId: string, personId: string) {
  return query(db, (db) => {
    return db
      .select({ id: people.id, email: people.email, displayName: people.displayName })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)))
      .get();
  });
}

/** Inserts a person; `id` may be chosen by the caller. Returns the id. */
export function insertPerson(
  db: DbOrTx,
  values: { id?: string; tenantId: string; hostSubject?: string | null; email: string | null; displayName?: string | null; createdAt: string },
): Promise<string> {
  return query(db, async (db) => (await db.insert(people).values(values).returning({ id: people.id }).get()).id);
}
