import type Database from 'better-sqlite3';
import { searchKey } from '@passerelle/schema';

/**
 * SQL functions the queries call. `search_key(text)` is the shared
 * `searchKey` (lowercase, accents stripped), so that a filter on a column
 * without a stored key (the directory's sector and city) folds the column
 * exactly as the input is folded. Deterministic: SQLite may call it once per
 * row and value.
 */
export function registerFunctions(sqlite: Database.Database): void {
  sqlite.function('search_key', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? searchKey(value) : null));
}
