import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { companies } from '../../db/tables/index.ts';
import { afterCursor } from '../../offers/cursor.ts';
import { query } from '../../db/transaction.ts';

/** What the API shows of a company. */
export const companyColumns = {
  id: companies.id,
  name: companies.name,
  siret: companies.siret,
  siren: companies.siren,
  website: companies.website,
  status: companies.status,
};

export type CompanyStatus = 'active' | 'pending' | 'refused';

/** A company of the tenant, with who created it (for the visibility of a pending one). */
export function findCompany(db: DbOrTx, tenantId: string, id: string) {
  return query(db, (db) => {
    return db
      .select({ ...companyColumns, createdBy: companies.createdBy })
      .from(companies)
      .where(and(eq(companies.tenantId, tenantId), eq(companies.id, id)))
      .get();
  });
}

/** The tenant's company with this SIRET (unique per tenant). */
export function findCompanyBySiret(db: DbOrTx, tenantId: string, siret: string) {
  return query(db, (db) => {
    return db
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(and(eq(companies.tenantId, tenantId), eq(companies.siret, siret)))
      .get();
  });
}

/** One page of the tenant's companies with this status, by name then id, after `cursor`; reads `limit + 1` rows. */
export function listCompaniesByName(db: DbOrTx, tenantId: string, status: 'active' | 'pending', cursor: string | undefined, limit: number) {
  return query(db, (db) => {
    return db
      .select(companyColumns)
      .from(companies)
      .where(and(eq(companies.tenantId, tenantId), eq(companies.status, status), afterCursor(cursor, companies.name, companies.id, false, 'text')))
      .orderBy(asc(companies.name), asc(companies.id))
      .limit(limit + 1)
      .all();
  });
}

/** Inserts a company and returns it as the API shows it. */
export function insertCompany(
  db: DbOrTx,
  values: { tenantId: string; name: string; siret: string; siren: string; website: string | null; status: CompanyStatus; createdBy?: string | null; createdAt: string },
) {
  return query(db, (db) => db.insert(companies).values(values).returning(companyColumns).get());
}

/** Changes a company's name or website and returns it as the API shows it. */
export function updateCompany(db: DbOrTx, id: string, changes: { name?: string; website?: string | null }) {
  return query(db, (db) => db.update(companies).set(changes).where(eq(companies.id, id)).returning(companyColumns).get());
}

/** Moves a company from pending to `status`; a company no longer pending is left as it is. */
export function decidePendingCompany(db: DbOrTx, id: string, status: 'active' | 'refused'): Promise<void> {
  return query(db, async (db) => {
    await db.update(companies).set({ status }).where(and(eq(companies.id, id), eq(companies.status, 'pending'))).run();
  });
}
