/**
 * The company typeahead: what to match and how to rank, on either engine.
 * SQLite matches with the `company_search` FTS5 index (`matchCompanies` in
 * `companies/queries/search.ts`), PostgreSQL with pg_trgm and btree indexes
 * over the folded name (`companies/queries/search-postgres.ts`); both are
 * given the same phases and rank the same way here.
 */
import { foldForSearch } from '@passerelle/schema';
import { isPostgres, type DbOrTx } from '../db/open.ts';
import { matchCompanies, type CompanyMatch } from './queries/search.ts';
import { matchCompaniesOnPostgres } from './queries/search-postgres.ts';

/** How many matches each phase reads before ranking: bounds the work on a one-letter prefix. */
export const CANDIDATES = 50;

/**
 * One condition of a phase, on a prefix: the SIRET starts with it
 * (`siret`), the name's first word does (`nameStart`), a word of the name
 * does (`name`), a word of the name or the SIRET does (`any`).
 */
export interface CompanyTerm {
  readonly field: 'siret' | 'nameStart' | 'name' | 'any';
  readonly prefix: string;
}

/**
 * The phases for what a person typed, strongest first, each a list of terms
 * every match meets: the name starts with the first word typed, and every
 * other word starts a word of the name or the SIRET; then every word starts
 * a word of either. Accents and case are ignored; a number typed with spaces
 * ("812 345 676") is one SIRET/SIREN prefix, then a word of the name. Empty
 * when nothing is left to search.
 */
export function companyPhases(q: string): CompanyTerm[][] {
  const compact = q.replace(/\s+/g, '');
  if (/^\d+$/.test(compact)) return [[{ field: 'siret', prefix: compact }], [{ field: 'name', prefix: compact }]];
  const tokens = foldForSearch(q).split(' ').filter(Boolean).slice(0, 8);
  if (tokens.length === 0) return [];
  const [first, ...rest] = tokens as [string, ...string[]];
  return [
    [{ field: 'nameStart', prefix: first }, ...rest.map((prefix) => ({ field: 'any' as const, prefix }))],
    tokens.map((prefix) => ({ field: 'any' as const, prefix })),
  ];
}

const ftsColumns: Record<CompanyTerm['field'], string> = { siret: 'siret : ', nameStart: 'name : ^', name: 'name : ', any: '{name siret} : ' };

/** A phase as an FTS5 query over `company_search`. Each prefix is quoted, so nothing typed is read as FTS syntax. */
export const ftsExpression = (phase: readonly CompanyTerm[]): string => phase.map((t) => `${ftsColumns[t.field]}"${t.prefix}"*`).join(' AND ');

/** The FTS5 queries for what a person typed, strongest first (the phases of `companyPhases`). */
export const matchExpressions = (q: string): string[] => companyPhases(q).map(ftsExpression);

/**
 * Ranked matches. Each phase reads at most `CANDIDATES` matches in index
 * order (no sort over every match, which is what makes a one-letter prefix
 * cheap on 100,000 names), then ranks them: names that begin with what was
 * typed first, then by score (SQLite: bm25, the name weighing ten times the
 * SIRET; PostgreSQL: ten for each word found in the name, one for each found
 * only in the SIRET), then shorter names, then alphabetical. A narrow query
 * therefore gets an exact ranking, the same on both engines; a very broad
 * one gets a ranked sample of the best phase (which sample is the engine's).
 */
export async function searchCompanies(db: DbOrTx, tenantId: string, q: string, status: 'active' | 'pending', limit: number) {
  const typed = foldForSearch(q);
  const seen = new Set<string>();
  const ranked: { row: CompanyMatch; phase: number; starts: boolean }[] = [];
  for (const [phase, terms] of companyPhases(q).entries()) {
    if (ranked.length >= limit) break;
    const rows = isPostgres(db) ? await matchCompaniesOnPostgres(db, tenantId, status, terms, CANDIDATES) : await matchCompanies(db, tenantId, status, ftsExpression(terms), CANDIDATES);
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      ranked.push({ row, phase, starts: foldForSearch(row.name).startsWith(typed) || (row.siret ?? '').startsWith(typed.replace(/ /g, '')) });
    }
  }
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
