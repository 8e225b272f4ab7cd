import { and, count, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { signInFailures } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** One wrong sign-in code for the address, from the client address `ip`. */
export function insertSignInFailure(db: DbOrTx, values: { tenantId: string; email: string; ip: string; at: string }): Promise<void> {
  return query(db, async (db) => {
    await db.insert(signInFailures).values(values).run();
  });
}

/** Wrong codes entered for this address of the tenant since `since`. */
export function countFailuresForAddressSince(db: DbOrTx, tenantId: string, email: string, since: string): Promise<number> {
  return query(db, async (db) => {
    const row = (await db
      .select({ n: count() })
      .from(signInFailures)
      .where(and(eq(signInFailures.tenantId, tenantId), eq(signInFailures.email, email), gt(signInFailures.at, since)))
      .get());
    return row?.n ?? 0;
  });
}

/** Wrong codes entered from this client address (any tenant, any address) since `since`. */
export function countFailuresFromIpSince(db: DbOrTx, ip: string, since: string): Promise<number> {
  return query(db, async (db) => {
    const row = (await db.select({ n: count() }).from(signInFailures).where(and(eq(signInFailures.ip, ip), gt(signInFailures.at, since))).get());
    return row?.n ?? 0;
  });
}
