import { and, eq, isNull } from 'drizzle-orm';
import type { HostKeyAlgorithm } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { hostKeys } from '../../db/tables/index.ts';

/** The tenant's keys that are not revoked, as `verifyHostToken` reads them. */
export function listLiveHostKeys(db: DbOrTx, tenantId: string) {
  return db
    .select({ kid: hostKeys.kid, alg: hostKeys.alg, key: hostKeys.key })
    .from(hostKeys)
    .where(and(eq(hostKeys.tenantId, tenantId), isNull(hostKeys.revokedAt)))
    .all();
}

export function findHostKeyId(db: DbOrTx, tenantId: string, kid: string): string | undefined {
  return db.select({ id: hostKeys.id }).from(hostKeys).where(and(eq(hostKeys.tenantId, tenantId), eq(hostKeys.kid, kid))).get()?.id;
}

export function insertHostKey(db: DbOrTx, values: { tenantId: string; kid: string; alg: HostKeyAlgorithm; key: string; createdAt: string }): void {
  db.insert(hostKeys).values(values).run();
}

/** Replaces a key's material and algorithm, and un-revokes it. */
export function replaceHostKey(db: DbOrTx, id: string, values: { alg: HostKeyAlgorithm; key: string }): void {
  db.update(hostKeys).set({ key: values.key, alg: values.alg, revokedAt: null }).where(eq(hostKeys.id, id)).run();
}
