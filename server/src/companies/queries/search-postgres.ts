/**
 * The company typeahead's query on PostgreSQL: what `matchCompanies` does
 * with FTS5 on SQLite, over `companies.search_name`, the name's folded
 * words (a stored column `drizzle-pg/0003_search.sql` adds, from
 * `search_words(name)`), with a pg_trgm index for "a word starts with", a
 * btree on (tenant, status, words) for "the name starts with", and the
 * (tenant, SIRET) btree for SIRET and SIREN prefixes. The ranking lives in
 * `companies/search.ts`.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../db/open.ts';
import { companies } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';
import { firstWordStarts, hasWordStarting } from '../../db/postgres/words.ts';
import type { CompanyTerm } from '../search.ts';
import { companyColumns } from './companies.ts';
import type { CompanyMatch } from './search.ts';

/**
 * The column PostgreSQL keeps on `companies` for search, declared for the
 * query builder only: outside `db/tables/` so that drizzle-kit and the
 * SQLite engine never see it (the SQL file creates it).
 */
const companyWords = sqliteTable('companies', { searchName: text('search_name').notNull() });

/** A SIRET is digits: only a prefix of digits can start it. */
const digits = (prefix: string) => /^[0-9]+$/.test(prefix);
const siretStarts = (prefix: string): SQL => sql`(${companies.siret} like (${prefix} || '%'))`;

/** One term as a condition. */
function condition(t: CompanyTerm): SQL {
  const name = companyWords.searchName;
  switch (t.field) {
    case 'siret':
      return digits(t.prefix) ? siretStarts(t.prefix) : sql`false`;
    case 'nameStart':
      return firstWordStarts(name, t.prefix);
    case 'name':
      return hasWordStarting(name, t.prefix);
    case 'any':
      return digits(t.prefix) ? sql`(${hasWordStarting(name, t.prefix)} or ${siretStarts(t.prefix)})` : hasWordStarting(name, t.prefix);
  }
}

/**
 * At most `limit` companies of the tenant with this status meeting every
 * term (`matchScore` ranks them). A phase on a SIRET prefix or on the name's
 * start reads its matches in the order of the btree that finds them (SIRET,
 * folded name): otherwise the planner, expecting a prefix's matches all over
 * the table, scans it, and "0009" sits at its end (87 ms at 100,000
 * companies, against 1 ms). Other phases read them in whatever order the
 * plan gives (the trigram index), as SQLite reads FTS5's.
 */
export function matchCompaniesOnPostgres(db: DbOrTx, tenantId: string, status: 'active' | 'pending', terms: readonly CompanyTerm[], limit: number): Promise<CompanyMatch[]> {
  return query(db, (db) => {
    const name = companyWords.searchName;
    const order = terms.some((t) => t.field === 'siret') ? [companies.siret] : terms.some((t) => t.field === 'nameStart') ? [name] : [];
    return db
      .select(companyColumns)
      .from(companies)
      .where(and(eq(companies.tenantId, tenantId), eq(companies.status, status), ...terms.map(condition)))
      .orderBy(...order)
      .limit(limit)
      .all();
  });
}
