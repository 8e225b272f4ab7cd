import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { institutions } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** The institution's settings (consent defaults among them), if the tenant exists. */
export function findInstitutionSettings(db: DbOrTx, tenantId: string): Promise<{ settings: Record<string, unknown> } | undefined> {
  return query(db, (db) => db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, tenantId)).get());
}

export function updateInstitutionSettings(tx: DbOrTx, tenantId: string, settings: Record<string, unknown>): Promise<void> {
  return query(tx, async (tx) => {
    await tx.update(institutions).set({ settings }).where(eq(institutions.id, tenantId)).run();
  });
}
