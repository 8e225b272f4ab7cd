import { and, asc, eq } from 'drizzle-orm';
import type { PersonAddress } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { query } from '../db/transaction.ts';
import { people, personAddresses } from '../db/tables/index.ts';

/** The person's verified personal addresses, oldest first. */
export function listPersonAddresses(db: DbOrTx, tenantId: string, personId: string): Promise<PersonAddress[]> {
  return query(db, (db) =>
    db
      .select({ id: personAddresses.id, email: personAddresses.email, verifiedAt: personAddresses.verifiedAt })
      .from(personAddresses)
      .where(and(eq(personAddresses.tenantId, tenantId), eq(personAddresses.personId, personId)))
      .orderBy(asc(personAddresses.verifiedAt), asc(personAddresses.id))
      .all(),
  );
}

/** Whose verified personal address this is, if anyone's. */
export function findAddressOwner(db: DbOrTx, tenantId: string, email: string): Promise<string | undefined> {
  return query(db, async (db) => (await db.select({ personId: personAddresses.personId }).from(personAddresses).where(and(eq(personAddresses.tenantId, tenantId), eq(personAddresses.email, email))).get())?.personId);
}

/** Who the institution knows by this address (`people.email`), if anyone. */
export function findPrimaryOwner(db: DbOrTx, tenantId: string, email: string): Promise<string | undefined> {
  return query(db, async (db) => (await db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.email, email))).orderBy(asc(people.createdAt)).get())?.id);
}

export function insertPersonAddress(db: DbOrTx, row: typeof personAddresses.$inferInsert): Promise<void> {
  return query(db, async (db) => {
    await db.insert(personAddresses).values(row).run();
  });
}

/** Removes one of the person's addresses; false when it is not theirs. */
export function deletePersonAddress(db: DbOrTx, tenantId: string, personId: string, id: string): Promise<boolean> {
  return query(db, async (db) => {
    const gone = await db
      .delete(personAddresses)
      .where(and(eq(personAddresses.tenantId, tenantId), eq(personAddresses.personId, personId), eq(personAddresses.id, id)))
      .returning({ id: personAddresses.id })
      .all();
    return gone.length > 0;
  });
}

/** Removes every address of the person (their erasure); how many there were. */
export function deletePersonAddresses(db: DbOrTx, tenantId: string, personId: string): Promise<number> {
  return query(db, async (db) => {
    const gone = await db.delete(personAddresses).where(and(eq(personAddresses.tenantId, tenantId), eq(personAddresses.personId, personId))).returning({ id: personAddresses.id }).all();
    return gone.length;
  });
}
