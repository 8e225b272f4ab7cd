/**
 * Word-prefix conditions on PostgreSQL, over texts folded by the database's
 * `search_words()` (`drizzle-pg/0003_search.sql`): accents, case and
 * apostrophes folded as `search_key` folds them, every run of characters
 * that are neither letters nor digits one space, and one space in front
 * (" ecole superieure d electronique"). What was typed is folded by the same
 * function, in the same statement, so both sides always agree.
 *
 * A folded text holds only letters, digits and spaces: nothing typed can be
 * read as a LIKE wildcard. `pg_trgm` indexes answer both conditions (its
 * trigrams are padded at word starts, so " ec" is selective), and a btree on
 * the words seeks the first one (they compare byte by byte, COLLATE "C").
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** `typed` folded as the stored words are; null when nothing is left of it (only punctuation), so that nothing matches. */
const folded = (typed: string): SQL => sql`nullif(search_words(${typed}), ' ')`;

/** A word of `words` starts with what was typed. */
export const hasWordStarting = (words: SQLWrapper, typed: string): SQL => sql`(${words} like ('%' || ${folded(typed)} || '%'))`;

/** The first word of `words` starts with what was typed. */
export const firstWordStarts = (words: SQLWrapper, typed: string): SQL => sql`(${words} like (${folded(typed)} || '%'))`;
