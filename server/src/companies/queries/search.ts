/**
 * Queries over the `company_search` FTS5 index (`drizzle/0001_company-search.sql`,
 * kept in sync by triggers). The ranking lives in `companies/search.ts`.
 */
import { and, eq, sql } from 'drizzle-orm';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../db/open.ts';
import { companies } from '../../db/tables/index.ts';
import { companyColumns } from './companies.ts';
import { query } from '../../db/transaction.ts';

/**
 * The FTS5 virtual table, declared for the query builder only: it lives
 * outside `db/tables/` so that drizzle-kit does not try to create it as a
 * plain table (the SQL file does).
 */
export const companySearch = sqliteTable('company_search', {
  companyId: text('company_id').notNull(),
  name: text('name'),
  siret: text('siret'),
});

/**
 * At most `limit` companies of the tenant with this status matching the FTS5
 * `expression`, in index order (no sort). No bm25: it reads every match of
 * each term to count them (0.3-0.7 ms on a two-letter prefix at 100,000
 * companies, twice the match itself); `matchScore` ranks the page instead,
 * as on PostgreSQL.
 */
export function matchCompanies(db: DbOrTx, tenantId: string, status: 'active' | 'pending', expression: string, limit: number) {
  return query(db, (db) => {
    return db
      .select(companyColumns)
      .from(companySearch)
      .innerJoin(companies, eq(companies.id, companySearch.companyId))
      .where(and(sql`${companySearch} MATCH ${expression}`, eq(companies.tenantId, tenantId), eq(companies.status, status)))
      .limit(limit)
      .all();
  });
}

/** A company the typeahead found, on either engine. */
export type CompanyMatch = Awaited<ReturnType<typeof matchCompanies>>[number];
