import { and, eq, gt, lt, or, type Column, type SQL } from 'drizzle-orm';
import { validationProblem } from '../http/problem.ts';

/**
 * An opaque list cursor: the sort key and id of the last item of the page,
 * so the next page starts strictly after it even when sort keys tie.
 */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { sortKey: string; id: string } | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') return { sortKey: value[0], id: value[1] };
  } catch {
    // fall through to the refusal below
  }
  throw validationProblem([{ path: 'cursor', code: 'list.cursor', params: {} }]);
}

/**
 * SQL: the rows strictly after the cursor in (sort key, id) order, ascending
 * unless `descending`; undefined (no condition) on the first page.
 */
export function afterCursor(cursor: string | undefined, sortColumn: Column, idColumn: Column, descending = false): SQL | undefined {
  const after = decodeCursor(cursor);
  if (!after) return undefined;
  const beyond = descending ? lt : gt;
  return or(beyond(sortColumn, after.sortKey), and(eq(sortColumn, after.sortKey), beyond(idColumn, after.id)));
}
