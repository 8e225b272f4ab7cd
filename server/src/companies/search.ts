/**
 * The company typeahead over the `company_search` FTS5 index: what to match
 * and how to rank (the query is `matchCompanies` in `companies/queries/search.ts`).
 */
import { foldForSearch } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { matchCompanies } from './queries/search.ts';

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

/**
 * Ranked matches. Each phase reads at most `CANDIDATES` matches in index
 * order (no sort over every match, which is what makes a one-letter prefix
 * cheap on 100,000 names), then ranks them: names that begin with what was
 * typed first, then by bm25 (the name weighing ten times the SIRET), then
 * shorter names, then alphabetical. A narrow query therefore gets an exact
 * ranking; a very broad one gets a ranked sample of the best phase.
 */
export async function searchCompanies(db: DbOrTx, tenantId: string, q: string, status: 'active' | 'pending', limit: number) {
  const typed = foldForSearch(q);
  const seen = new Set<string>();
  const ranked: { row: Awaited<ReturnType<typeof matchCompanies>>[number]; phase: number; starts: boolean }[] = [];
  for (const [phase, expression] of matchExpressions(q).entries()) {
    if (ranked.length >= limit) break;
    for (const row of await matchCompanies(db, tenantId, status, expression, CANDIDATES)) {
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
