/**
 * Building blocks of the answer schemas: what the API sends back, described
 * once with valibot so that the server's OpenAPI document, its tests (which
 * parse real answers with these schemas) and the typed clients read the same
 * shapes. Answers are checked for their shape only: the input rules (trimmed,
 * not empty, a valid SIRET…) are the request schemas' business.
 */
import * as v from 'valibot';

/** A time the server wrote: ISO 8601 in UTC, such as 2026-03-02T09:00:00.000Z. */
export const AnswerTimeSchema = v.pipe(v.string(), v.isoTimestamp());

/** A calendar date, YYYY-MM-DD. */
export const AnswerDateSchema = v.pipe(v.string(), v.isoDate());

/** A random id (UUID). */
export const AnswerIdSchema = v.pipe(v.string(), v.uuid());

/** A list page: `{ items, nextCursor }`; `nextCursor` is null on the last page (and on lists that are never paged). */
// Pure: a page schema is built where it is used.
/* @__NO_SIDE_EFFECTS__ */
export function pageOf<T extends v.GenericSchema>(item: T) {
  return v.object({ items: v.array(item), nextCursor: v.nullable(v.string()) });
}

/** Both types are the same (each assignable to the other): ties an interface to the schema that describes it. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile unless `T` is `true`. */
export type Assert<T extends true> = T;
