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

/** One term as a condition, and what it weighs when met: ten in the name, one in the SIRET (as bm25's weights on SQLite). */
function term(t: CompanyTerm): { where: SQL; weight: SQL } {
  const name = companyWords.searchName;
  switch (t.field) {
    case 'siret':
      return { where: digits(t.prefix) ? siretStarts(t.prefix) : sql`false`, weight: sql`1` };
    case 'nameStart':
      return { where: firstWordStarts(name, t.prefix), weight: sql`10` };
    case 'name':
      return { where: hasWordStarting(name, t.prefix), weight: sql`10` };
    case 'any': {
      const inName = hasWordStarting(name, t.prefix);
      if (!digits(t.prefix)) return { where: inName, weight: sql`10` };
      return { where: sql`(${inName} or ${siretStarts(t.prefix)})`, weight: sql`(case when ${inName} then 10 else 1 end)` };
    }
  }
}

/**
 * At most `limit` companies of the tenant with this status meeting every
 * term, each with its score
 * (lower is better), ordered as bm25 orders the rows of a phase on SQLite:
 * by the weight of where each term was met, then by fewer words (the name's
 * and the SIRET), as bm25 favours shorter documents. A phase on a SIRET
 * prefix or on the name's start reads its matches in the order of the btree
 * that finds them (SIRET, folded name): otherwise the planner, expecting a
 * prefix's matches all over the table, scans it, and "0009" sits at its end
 * (87 ms at 100,000 companies, against 1 ms). Other phases read them in
 * whatever order the plan gives (the trigram index), as SQLite reads FTS5's.
 */
export function matchCompaniesOnPostgres(db: DbOrTx, tenantId: string, status: 'active' | 'pending', terms: readonly CompanyTerm[], limit: number): Promise<CompanyMatch[]> {
  return query(db, (db) => {
    const name = companyWords.searchName;
    const parts = terms.map(term);
    const weight = sql.join(
      parts.map((p) => p.weight),
      sql` + `,
    );
    const words = sql`(length(${name}) - length(replace(${name}, ' ', '')) + (case when coalesce(${companies.siret}, '') = '' then 0 else 1 end))`;
    const score = sql<number>`(${words} - 1000 * (${weight}))`;
    const order = terms.some((t) => t.field === 'siret') ? [companies.siret] : terms.some((t) => t.field === 'nameStart') ? [name] : [];
    return db
      .select({ ...companyColumns, score })
      .from(companies)
      .where(and(eq(companies.tenantId, tenantId), eq(companies.status, status), ...parts.map((p) => p.where)))
      .orderBy(...order)
      .limit(limit)
      .all();
  });
}
