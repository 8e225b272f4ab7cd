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
 * What a match weighs in its phase, lower first, on either engine: a
 * thousand times less for each term met, ten when met in the name and one
 * when met only in the SIRET, then one more for each word of the name and
 * for a SIRET (fewer words first, as bm25 favoured shorter names). `words`
 * is the name folded by `foldForSearch`.
 */
export function matchScore(terms: readonly CompanyTerm[], words: string, siret: string): number {
  const nameWords = words.split(' ');
  let weight = 0;
  for (const { field, prefix } of terms) {
    const onlyInSiret = field === 'siret' || (field === 'any' && siret.startsWith(prefix) && !nameWords.some((w) => w.startsWith(prefix)));
    weight += onlyInSiret ? 1 : 10;
  }
  return nameWords.length + (siret ? 1 : 0) - 1000 * weight;
}

/**
 * Ranked matches. Each phase reads at most `CANDIDATES` matches in index
 * order (no sort over every match, which is what makes a one-letter prefix
 * cheap on 100,000 names), then ranks them: names that begin with what was
 * typed first, then by `matchScore`, then shorter names, then alphabetical.
 * A narrow query therefore gets an exact ranking, the same on both engines;
 * a very broad one gets a ranked sample of the best phase (which sample is
 * the engine's).
 */
export async function searchCompanies(db: DbOrTx, tenantId: string, q: string, status: 'active' | 'pending', limit: number) {
  const typed = foldForSearch(q);
  const seen = new Set<string>();
  const ranked: { row: CompanyMatch; phase: number; starts: boolean; score: number }[] = [];
  for (const [phase, terms] of companyPhases(q).entries()) {
    if (ranked.length >= limit) break;
    const rows = isPostgres(db) ? await matchCompaniesOnPostgres(db, tenantId, status, terms, CANDIDATES) : await matchCompanies(db, tenantId, status, ftsExpression(terms), CANDIDATES);
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      const words = foldForSearch(row.name);
      const siret = row.siret ?? '';
      ranked.push({ row, phase, starts: words.startsWith(typed) || siret.startsWith(typed.replace(/ /g, '')), score: matchScore(terms, words, siret) });
    }
  }
  ranked.sort(
    (a, b) =>
      a.phase - b.phase ||
      Number(b.starts) - Number(a.starts) ||
      a.score - b.score ||
      a.row.name.length - b.row.name.length ||
      (a.row.name < b.row.name ? -1 : a.row.name > b.row.name ? 1 : 0),
  );
  return ranked.slice(0, limit).map(({ row }) => row);
}
