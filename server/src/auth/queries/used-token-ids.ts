import { lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { usedTokenIds } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** Forgets the identity-token ids that expired before `now`: they can no longer be replayed. */
export function purgeExpiredTokenIds(db: DbOrTx, now: string): Promise<void> {
  return query(db, async (db) => {
    await db.delete(usedTokenIds).where(lt(usedTokenIds.expiresAt, now)).run();
  });
}

/** Records a token id; false when the tenant had already seen it (a replay). */
export function recordTokenId(db: DbOrTx, values: { tenantId: string; jti: string; expiresAt: string }): Promise<boolean> {
  return query(db, async (db) => (await db.insert(usedTokenIds).values(values).onConflictDoNothing().run()).changes > 0);
}
