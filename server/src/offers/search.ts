/**
 * The offer board's keyword search: the words a person typed, on either
 * engine. Each word is folded (case, accents) and matched as a prefix (of at
 * most six letters, see LONGEST_PREFIX); every word must match. `q` looks in
 * the title, description and company name; `place` in the location. SQLite
 * matches them with the `offer_search` FTS5 index (`drizzle/0005_offer-search.sql`,
 * kept in sync by triggers) as one FTS5 expression, PostgreSQL with pg_trgm
 * indexes over `offer_search_words` (`drizzle-pg/0003_search.sql`, kept by
 * triggers too; `queries/match-postgres.ts`).
 */
import { foldForSearch } from '@passerelle/schema';

/** At most this many words of each box are searched: a pasted paragraph stays cheap. */
const MAX_WORDS = 8;

/**
 * The longest prefix the index keeps (`prefix = '2 3 4 5 6'` in the
 * migration). A longer word is searched by its first six letters: FTS5 then
 * reads the prefix index, which it can seek by offer, instead of merging the
 * whole list of every indexed word that starts with it (2 ms per offer
 * tested for "stage*" at 50,000 offers, against 0.01 ms). "ingenieur" thus
 * also finds "ingénierie": a board search is better too wide than too narrow.
 * PostgreSQL searches the same prefixes, so that both engines find the same offers.
 */
export const LONGEST_PREFIX = 6;

/** The words searched: in the title, description and company name (`keywords`), in the location (`place`). */
export interface OfferSearchWords {
  readonly keywords: readonly string[];
  readonly place: readonly string[];
}

const words = (typed: string | undefined): string[] =>
  typed ? foldForSearch(typed).split(' ').filter(Boolean).slice(0, MAX_WORDS).map((w) => [...w].slice(0, LONGEST_PREFIX).join('')) : [];

/**
 * The words for `q` and `place`; `undefined` when neither was asked; `null`
 * when something was asked but no word is left of it (only punctuation):
 * nothing can match.
 */
export function offerSearchWords(filters: { q?: string | undefined; place?: string | undefined }): OfferSearchWords | null | undefined {
  if (filters.q === undefined && filters.place === undefined) return undefined;
  const found = { keywords: words(filters.q), place: words(filters.place) };
  return found.keywords.length + found.place.length === 0 ? null : found;
}

/** The words as one FTS5 expression over `offer_search`. Each word is quoted: nothing typed is read as FTS syntax. */
export function offerMatchExpression(search: OfferSearchWords): string {
  return [...search.keywords.map((w) => `{title description company} : "${w}"*`), ...search.place.map((w) => `location : "${w}"*`)].join(' AND ');
}
