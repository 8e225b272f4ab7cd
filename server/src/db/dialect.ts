/**
 * The few SQL expressions the two engines write differently, chosen by the
 * handle's engine when the query is built. Everything else is written once,
 * with drizzle's builder.
 */
import { sql, type Column, type SQL, type SQLWrapper } from 'drizzle-orm';
import { isPostgres, type DbOrTx } from './open.ts';

/** The text at `key` of a JSON object column (null when absent). */
export function jsonText(db: DbOrTx, column: Column, key: string): SQL {
  return isPostgres(db) ? sql`(${column} ->> ${sql.raw(`'${key.replaceAll("'", "''")}'`)})` : sql`json_extract(${column}, ${`$.${key}`})`;
}

/** Whether the JSON object column holds `true` at `key`. */
export function jsonTrue(db: DbOrTx, column: Column, key: string): SQL {
  return isPostgres(db) ? sql`(${column} -> ${sql.raw(`'${key.replaceAll("'", "''")}'`)}) = 'true'::jsonb` : sql`json_extract(${column}, ${`$.${key}`}) = 1`;
}

/** Whether the JSON array column holds the string `value`. */
export function jsonArrayHas(db: DbOrTx, column: Column, value: string): SQL {
  return isPostgres(db) ? sql`${column} @> ${JSON.stringify([value])}::jsonb` : sql`instr(${column}, ${JSON.stringify(value)}) > 0`;
}

/**
 * The values of `column` over the rows a correlated subquery selects, as one
 * JSON array (`[]` when none): `(select <this> from … where …)`. Both engines
 * answer the array's text (PostgreSQL's json is left to the builder,
 * postgres/open.ts): read it with `fromJsonArray`.
 */
export function jsonArrayOf(db: DbOrTx, column: SQLWrapper): SQL {
  return isPostgres(db) ? sql`coalesce(json_agg(${column}), '[]'::json)` : sql`json_group_array(${column})`;
}

/** A `jsonArrayOf` value as read back from either engine. */
export const fromJsonArray = <T>(text: unknown): T[] => JSON.parse(text as string) as T[];

/** A condition nothing meets, in a form both engines take. */
export const nothing = (): SQL => sql`1 = 0`;

/**
 * A text column as a value no index may seek or order by: SQLite's unary
 * plus (`+col`); on PostgreSQL, whose planner takes no such hint (the engine
 * drops it), the same text as an expression no index holds (`col || ''`).
 * Where a filter's own index finds the matches, this keeps the planner from
 * walking a sort index instead and testing rows one by one, which on a
 * prefix whose matches sit far along the sort order reads most of the table.
 */
export const unindexedText = (db: DbOrTx, column: SQLWrapper): SQL => (isPostgres(db) ? sql`(${column} || '')` : sql`+${column}`);
