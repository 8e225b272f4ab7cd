/**
 * The company typeahead over the `company_search` FTS5 index
 * (`src/db/sql/company-search.sql`, kept in sync by triggers).
 */
import { and, eq, sql } from 'drizzle-orm';
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

/** How many matches each phase reads before ranking: bounds the work on a one-letter prefix. */
export const CANDIDATES = 200;

/**
 * The FTS5 queries for what a person typed, strongest first: the name
 * starts with the first word typed (`^`), then every word starts a word of
 * the name. Accents and case are ignored; a number typed with spaces
 * ("812 345 676") is one SIRET/SIREN prefix. Each token is quoted, so
 * nothing typed is read as FTS syntax. Empty when nothing is left to search.
 */
export function matchExpressions(q: string): string[] {
  const compact = q.replace(/\s+/g, '');
  if (/^\d+$/.test(compact)) return [`siret : "${compact}"*`, `name : "${compact}"*`];
  const tokens = foldForSearch(q).split(' ').filter(Boolean).slice(0, 8);
  if (tokens.length === 0) return [];
  const [first, ...rest] = tokens;
  const others = rest.map((t) => ` AND {name siret} : "${t}"*`).join('');
  return [`name : ^"${first}"*${others}`, tokens.map((t) => `{name siret} : "${t}"*`).join(' AND ')];
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
 * Ranked matches. Each phase reads at most `CANDIDATES` matches in index
 * order (no sort over every match, which is what makes a one-letter prefix
 * cheap on 100,000 names), then ranks them: names that begin with what was
 * typed first, then by bm25 (the name weighing ten times the SIRET), then
 * shorter names, then alphabetical. A narrow query therefore gets an exact
 * ranking; a very broad one gets a ranked sample of the best phase.
 */
export function searchCompanies(db: DbOrTx, tenantId: string, q: string, status: 'active' | 'pending', limit: number) {
  const typed = foldForSearch(q);
  const seen = new Set<string>();
  const ranked: { row: ReturnType<typeof candidates>[number]; phase: number; starts: boolean }[] = [];
  const candidates = (expression: string) =>
    db
      .select({ ...companyColumns, score: sql<number>`bm25(${companySearch}, 0.0, 10.0, 1.0)` })
      .from(companySearch)
      .innerJoin(companies, eq(companies.id, companySearch.companyId))
      .where(and(sql`${companySearch} MATCH ${expression}`, eq(companies.tenantId, tenantId), eq(companies.status, status)))
      .limit(CANDIDATES)
      .all();
  matchExpressions(q).forEach((expression, phase) => {
    if (ranked.length >= limit) return;
    for (const row of candidates(expression)) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      ranked.push({ row, phase, starts: foldForSearch(row.name).startsWith(typed) || (row.siret ?? '').startsWith(typed.replace(/ /g, '')) });
    }
  });
  ranked.sort(
    (a, b) =>
      a.phase - b.phase ||
      Number(b.starts) - Number(a.starts) ||
      a.row.score - b.row.score ||
      a.row.name.length - b.row.name.length ||
      (a.row.name < b.row.name ? -1 : a.row.name > b.row.name ? 1 : 0),
  );
  return ranked.slice(0, limit).map(({ row: { score: _score, ...company } }) => company);
}
