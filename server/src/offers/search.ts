/**
 * The offer board's keyword search, over the `offer_search` FTS5 index
 * (`drizzle/0005_offer-search.sql`, kept in sync by triggers): what a
 * person typed as one FTS5 expression. Each word is folded (case, accents),
 * quoted (nothing typed is read as FTS syntax) and matched as a prefix
 * (of at most six letters, see LONGEST_PREFIX); every word must match. `q` looks in the title, description and company
 * name; `place` in the location.
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
 */
export const LONGEST_PREFIX = 6;

const words = (typed: string | undefined): string[] =>
  typed ? foldForSearch(typed).split(' ').filter(Boolean).slice(0, MAX_WORDS).map((w) => [...w].slice(0, LONGEST_PREFIX).join('')) : [];

/**
 * The FTS5 expression for `q` and `place`; `undefined` when neither was
 * asked; `null` when something was asked but no word is left of it (only
 * punctuation): nothing can match.
 */
export function offerMatchExpression(filters: { q?: string | undefined; place?: string | undefined }): string | null | undefined {
  if (filters.q === undefined && filters.place === undefined) return undefined;
  const terms = [
    ...words(filters.q).map((w) => `{title description company} : "${w}"*`),
    ...words(filters.place).map((w) => `location : "${w}"*`),
  ];
  return terms.length === 0 ? null : terms.join(' AND ');
}
