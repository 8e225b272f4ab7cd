import { and, eq, gt, lt, or, type Column, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { IdSchema } from '@passerelle/schema';
import { validationProblem } from '../http/problem.ts';

/**
 * An opaque list cursor: the sort key and id of the last item of the page,
 * so the next page starts strictly after it even when sort keys tie.
 */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

/**
 * A time as the database gives it back, hence as a cursor carries it:
 * `2026-03-02T09:00:00.000Z` exactly (what `toISOString` writes).
 */
export const StoredTimeSchema = v.pipe(
  v.string(),
  v.check((s) => {
    const t = new Date(s);
    // From year 1: PostgreSQL's timestamps have no year 0.
    return !Number.isNaN(t.getTime()) && t.toISOString() === s && s >= '0001';
  }),
);

/** What a cursor's sort key is: a stored time (most lists), or text (a name). */
export type SortKeyKind = 'time' | 'text';

/** The cursor's refusal: it is not one this API handed out. */
export const badCursor = () => validationProblem([{ path: 'cursor', code: 'list.cursor', params: {} }]);

/**
 * The cursor's sort key and id, each checked to be what the list's columns
 * hold (a UUID; a stored time unless `sortKey` says text): a forged cursor
 * is refused here with 400 on every engine, rather than compared with a
 * typed column (PostgreSQL's uuid, timestamptz), which would fail the query.
 */
export function decodeCursor(cursor: string | undefined, sortKey: SortKeyKind = 'time'): { sortKey: string; id: string } | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(value) || value.length !== 2 || !v.is(IdSchema, value[1])) throw badCursor();
  const key: unknown = value[0];
  if (typeof key !== 'string' || (sortKey === 'time' && !v.is(StoredTimeSchema, key))) throw badCursor();
  return { sortKey: key, id: value[1] };
}

/**
 * SQL: the rows strictly after the cursor in (sort key, id) order, ascending
 * unless `descending`; undefined (no condition) on the first page.
 */
export function afterCursor(cursor: string | undefined, sortColumn: Column, idColumn: Column, descending = false, sortKey: SortKeyKind = 'time'): SQL | undefined {
  const after = decodeCursor(cursor, sortKey);
  if (!after) return undefined;
  const beyond = descending ? lt : gt;
  return or(beyond(sortColumn, after.sortKey), and(eq(sortColumn, after.sortKey), beyond(idColumn, after.id)));
}
