import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { institutions } from '../../db/tables/index.ts';

/** The institution's settings (consent defaults among them), if the tenant exists. */
export function findInstitutionSettings(db: DbOrTx, tenantId: string): { settings: Record<string, unknown> } | undefined {
  return db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, tenantId)).get();
}

export function updateInstitutionSettings(tx: DbOrTx, tenantId: string, settings: Record<string, unknown>): void {
  tx.update(institutions).set({ settings }).where(eq(institutions.id, tenantId)).run();
}
