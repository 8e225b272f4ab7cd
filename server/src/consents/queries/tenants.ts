import type { DbOrTx } from '../../db/open.ts';
import { institutions } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** Every institution's id: what the consent sweep goes through. */
export function listInstitutionIds(db: DbOrTx): Promise<string[]> {
  return query(db, async (db) => (await db.select({ id: institutions.id }).from(institutions).all()).map((r) => r.id));
}
