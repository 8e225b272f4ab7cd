import { and, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { idempotencyKeys } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export interface IdempotencyKeyRef {
  tenantId: string;
  personId: string;
  key: string;
}

/** The reply stored under a person's key, whatever its age. */
export function findIdempotencyKey(db: DbOrTx, ref: IdempotencyKeyRef) {
  return query(db, (db) => {
    return db
      .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, body: idempotencyKeys.body, location: idempotencyKeys.location, createdAt: idempotencyKeys.createdAt })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.tenantId, ref.tenantId), eq(idempotencyKeys.personId, ref.personId), eq(idempotencyKeys.key, ref.key)))
      .get();
  });
}

/** Deletes a person's keys created before `cutoff` (a prefix of the primary key: cheap). */
export function purgeIdempotencyKeysBefore(db: DbOrTx, tenantId: string, personId: string, cutoff: string): Promise<void> {
  return query(db, async (db) => {
    await db.delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.personId, personId), lt(idempotencyKeys.createdAt, cutoff)))
      .run();
  });
}

/** Stores a reply; false when the key was already taken (by a concurrent request). */
export function insertIdempotencyKey(
  db: DbOrTx,
  values: IdempotencyKeyRef & { requestHash: string; status: number; body: string; location: string | null; createdAt: string },
): Promise<boolean> {
  return query(db, async (db) => (await db.insert(idempotencyKeys).values(values).onConflictDoNothing().run()).changes > 0);
}
