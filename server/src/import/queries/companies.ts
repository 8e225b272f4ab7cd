/** What the companies import reads and writes. */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { companies } from '../../db/tables/index.ts';
import { preparedInsert } from './prepared.ts';
import { query } from '../../db/transaction.ts';

export type CompanyRow = Pick<typeof companies.$inferSelect, 'id' | 'name' | 'siret' | 'siren' | 'website' | 'city' | 'sector' | 'status'>;
export type CompanyChanges = Partial<Pick<CompanyRow, 'name' | 'siren' | 'website' | 'city' | 'sector' | 'status'>>;

/** Every company of the tenant: the import matches against these in memory. */
export function loadCompanies(db: DbOrTx, tenantId: string): Promise<CompanyRow[]> {
  return query(db, (db) => {
    return db
      .select({ id: companies.id, name: companies.name, siret: companies.siret, siren: companies.siren, website: companies.website, city: companies.city, sector: companies.sector, status: companies.status })
      .from(companies)
      .where(eq(companies.tenantId, tenantId))
      .all();
  });
}

/** New companies, one prepared statement; the search index follows through its triggers (drizzle/0001_company-search.sql). */
export function companyInserter(tx: DbOrTx) {
  return query(tx, (tx) => preparedInsert(tx, companies, ['id', 'tenantId', 'name', 'siret', 'siren', 'website', 'city', 'sector', 'status', 'createdBy', 'createdAt']));
}

export function updateImportedCompany(tx: DbOrTx, tenantId: string, id: string, changes: CompanyChanges): Promise<void> {
  return query(tx, async (tx) => {
    await tx.update(companies).set(changes).where(and(eq(companies.tenantId, tenantId), eq(companies.id, id))).run();
  });
}
