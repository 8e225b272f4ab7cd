import { and, eq, isNull } from 'drizzle-orm';
import type { HostKeyAlgorithm } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { hostKeys } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** The tenant's keys that are not revoked, as `verifyHostToken` reads them. */
export function listLiveHostKeys(db: DbOrTx, tenantId: string) {
  return query(db, (db) => {
    return db
      .select({ kid: hostKeys.kid, alg: hostKeys.alg, key: hostKeys.key })
      .from(hostKeys)
      .where(and(eq(hostKeys.tenantId, tenantId), isNull(hostKeys.revokedAt)))
      .all();
  });
}

/** Every key of the tenant, revoked ones too, oldest first, without the key material: `tenant key list`. */
export function listHostKeys(db: DbOrTx, tenantId: string) {
  return query(db, (db) => {
    return db
      .select({ kid: hostKeys.kid, alg: hostKeys.alg, createdAt: hostKeys.createdAt, revokedAt: hostKeys.revokedAt })
      .from(hostKeys)
      .where(eq(hostKeys.tenantId, tenantId))
      .orderBy(hostKeys.createdAt, hostKeys.kid)
      .all();
  });
}

/** Revokes the tenant's live key `kid`; false when it has no such live key. */
export function revokeHostKey(db: DbOrTx, tenantId: string, kid: string, at: string): Promise<boolean> {
  return query(db, async (db) => {
    const result = (await db
      .update(hostKeys)
      .set({ revokedAt: at })
      .where(and(eq(hostKeys.tenantId, tenantId), eq(hostKeys.kid, kid), isNull(hostKeys.revokedAt)))
      .run());
    return result.changes > 0;
  });
}

export function findHostKeyId(db: DbOrTx, tenantId: string, kid: string): Promise<string | undefined> {
  return query(db, async (db) => (await db.select({ id: hostKeys.id }).from(hostKeys).where(and(eq(hostKeys.tenantId, tenantId), eq(hostKeys.kid, kid))).get())?.id);
}

export function insertHostKey(db: DbOrTx, values: { tenantId: string; kid: string; alg: HostKeyAlgorithm; key: string; createdAt: string }): Promise<void> {
  return query(db, async (db) => {
    await db.insert(hostKeys).values(values).run();
  });
}

/** Replaces a key's material and algorithm, and un-revokes it. */
export function replaceHostKey(db: DbOrTx, id: string, values: { alg: HostKeyAlgorithm; key: string }): Promise<void> {
  return query(db, async (db) => {
    await db.update(hostKeys).set({ key: values.key, alg: values.alg, revokedAt: null }).where(eq(hostKeys.id, id)).run();
  });
}
