import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { people, signInLinks } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export type SignInLinkRow = typeof signInLinks.$inferSelect;

export function insertSignInLink(db: DbOrTx, row: typeof signInLinks.$inferInsert): Promise<void> {
  return query(db, async (db) => {
    await db.insert(signInLinks).values(row).run();
  });
}

export function findSignInLink(db: DbOrTx, tokenHash: string): Promise<SignInLinkRow | undefined> {
  return query(db, (db) => db.select().from(signInLinks).where(eq(signInLinks.tokenHash, tokenHash)).get());
}

/** Uses a link once: true only for the call whose conditional update won. */
export function markLinkUsed(tx: DbOrTx, id: string, at: string): Promise<boolean> {
  return query(tx, async (tx) => (await tx.update(signInLinks).set({ usedAt: at }).where(and(eq(signInLinks.id, id), isNull(signInLinks.usedAt))).run()).changes > 0);
}

/** Records that a fresh link was asked for from this one: true the first time only. */
export function markLinkResent(tx: DbOrTx, id: string, at: string): Promise<boolean> {
  return query(tx, async (tx) => (await tx.update(signInLinks).set({ resentAt: at }).where(and(eq(signInLinks.id, id), isNull(signInLinks.resentAt))).run()).changes > 0);
}

/** The person's sign-in address now (lowercased), to check a link still goes where it was sent. */
export function currentAddressOf(db: DbOrTx, tenantId: string, personId: string): Promise<string | null> {
  return query(db, async (db) => (await db.select({ email: people.email }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.id, personId))).get())?.email?.toLowerCase() ?? null);
}
