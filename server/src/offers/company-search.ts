/**
 * The company typeahead over the `company_search` FTS5 index
 * (`src/db/sql/company-search.sql`, kept in sync by triggers).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { foldForSearch } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { companies } from '../db/tables/index.ts';

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
 * The FTS5 query for what a person typed: every word must start a word of
 * the name (or the SIRET), accents and case ignored. A number typed with
 * spaces ("812 345 676") is one SIRET/SIREN prefix. Each token is quoted,
 * so nothing typed is read as FTS syntax; `undefined` when nothing is left.
 */
export function matchExpression(q: string): string | undefined {
  const compact = q.replace(/\s+/g, '');
  if (/^\d+$/.test(compact)) return `{name siret} : "${compact}"*`;
  const tokens = foldForSearch(q).split(' ').filter(Boolean).slice(0, 8);
  if (tokens.length === 0) return undefined;
  return tokens.map((t) => `{name siret} : "${t}"*`).join(' AND ');
}

export const companyColumns = {
  id: companies.id,
  name: companies.name,
  siret: companies.siret,
  siren: companies.siren,
  website: companies.website,
  status: companies.status,
};

/**
 * Ranked matches: names where the words match best first (bm25, the name
 * weighing ten times the SIRET), then shorter names, then alphabetical.
 */
export function searchCompanies(db: DbOrTx, tenantId: string, q: string, status: 'active' | 'pending', limit: number) {
  const expression = matchExpression(q);
  if (!expression) return [];
  return db
    .select(companyColumns)
    .from(companySearch)
    .innerJoin(companies, eq(companies.id, companySearch.companyId))
    .where(and(sql`${companySearch} MATCH ${expression}`, eq(companies.tenantId, tenantId), eq(companies.status, status)))
    .orderBy(sql`bm25(${companySearch}, 0.0, 10.0, 1.0)`, sql`length(${companies.name})`, asc(companies.name))
    .limit(limit)
    .all();
}
