/**
 * The offer board's keyword search on PostgreSQL: what `matching` does with
 * FTS5 on SQLite (`queries/list.ts`), over `offer_search_words`
 * (`drizzle-pg/0003_search.sql`): each offer's folded words (title,
 * description, company name) and its place's, kept by triggers on offers
 * and on the company's name, each with a pg_trgm index.
 *
 * One condition serves narrow and broad searches alike: PostgreSQL's
 * planner, from the statistics of the stored words, seeks the trigram index
 * for a rare word ("12345": a few ids, then the list's sort) and, for a
 * common one ("stage"), walks the list's own index in page order and probes
 * each offer's words by primary key until the page is full — the two shapes
 * SQLite is told to take above and below NARROW_SEARCH.
 */
import { and, inArray, type SQL } from 'drizzle-orm';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../db/open.ts';
import { offers } from '../../db/tables/index.ts';
import { hasWordStarting } from '../../db/postgres/words.ts';
import type { OfferSearchWords } from '../search.ts';

/** The table of each offer's words, declared for the query builder only: outside `db/tables/`, so drizzle-kit and SQLite never see it. */
const offerSearchWords = sqliteTable('offer_search_words', {
  offerId: text('offer_id').notNull(),
  keywords: text('keywords').notNull(),
  place: text('place').notNull(),
});

/** The offers where every word starts a word of their title, description or company name (`keywords`) or of their place. */
export function matchingOnPostgres(db: DbOrTx, search: OfferSearchWords): SQL {
  const conditions = [...search.keywords.map((w) => hasWordStarting(offerSearchWords.keywords, w)), ...search.place.map((w) => hasWordStarting(offerSearchWords.place, w))];
  return inArray(offers.id, db.select({ id: offerSearchWords.offerId }).from(offerSearchWords).where(and(...conditions)));
}
