import { and, eq, lt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** Rows before `after` in `(createdAt desc, id desc)` order: the keyset condition of the next page. */
export function before(createdAt: SQLiteColumn, id: SQLiteColumn, after: { createdAt: string; id: string } | undefined): SQL | undefined {
  return after ? or(lt(createdAt, after.createdAt), and(eq(createdAt, after.createdAt), lt(id, after.id))) : undefined;
}
