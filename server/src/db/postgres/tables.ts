/**
 * The PostgreSQL schema, derived from the one set of table definitions
 * (`db/tables/`, drizzle's SQLite builder, which every query is written
 * with) so that the two engines cannot drift apart: each column gets the
 * type PostgreSQL users expect, from what the column is.
 *
 *  - the `id()` helper's ids and every `…_id` column: `uuid` (ids are random
 *    UUIDs), except the columns that hold someone else's identifier
 *    (`external_id`, the audit log's `object_id`); a reference to another
 *    row has the type of the column it points at (a webhook message's id is
 *    `msg_…`, text);
 *  - times (`…_at`, `at`, `…_until`): `timestamptz`; calendar days (`…_on`,
 *    `…_date`): `date`;
 *  - JSON: `jsonb`; booleans: `boolean`; amounts in cents: `bigint`;
 *  - a column with a fixed list of values: `text` with a CHECK constraint;
 *  - other text: `text` compared byte by byte (`COLLATE "C"`), as SQLite
 *    compares it, so that sort keys and paging cursors order the same.
 *
 * drizzle-kit reads this file (`drizzle.pg.config.ts`) to write the
 * PostgreSQL migrations in `drizzle-pg/`. Queries never use these objects.
 */
import { is, SQL, sql, type Column } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
} from 'drizzle-orm/pg-core';
import * as sqliteTables from '../tables/index.ts';

/** Text compared byte by byte, as SQLite's BINARY collation does. */
const bytewiseText = customType<{ data: string; driverData: string }>({ dataType: () => 'text COLLATE "C"' });

/** Columns named `…_id` that hold an identifier from elsewhere, not one of ours. */
const FOREIGN_IDENTIFIERS = new Set(['external_id', 'object_id']);
const isTime = (name: string) => name === 'at' || name.endsWith('_at') || name.endsWith('_until');
const isDay = (name: string) => name.endsWith('_on') || name.endsWith('_date');
/** Our own ids: the `id()` helper's column (a random UUID by default) and the `…_id` columns naming our rows. */
const isId = (column: SQLiteColumn) => (column.name === 'id' ? column.defaultFn !== undefined : column.name.endsWith('_id') && !FOREIGN_IDENTIFIERS.has(column.name));

type Kind = 'boolean' | 'jsonb' | 'double' | 'bigint' | 'integer' | 'uuid' | 'time' | 'day' | 'text';

/** Which PostgreSQL type a SQLite column gets; a reference gets its target's (`target`). */
function kindOf(column: SQLiteColumn, target?: SQLiteColumn): Kind {
  if (target) return kindOf(target);
  const name = column.name;
  switch (column.columnType) {
    case 'SQLiteBoolean':
      return 'boolean';
    case 'SQLiteTextJson':
      return 'jsonb';
    case 'SQLiteReal':
      return 'double';
    case 'SQLiteInteger':
      return name.endsWith('_cents') ? 'bigint' : 'integer';
    case 'SQLiteText':
      if (isId(column)) return 'uuid';
      if (isTime(name)) return 'time';
      if (isDay(name)) return 'day';
      return 'text';
    default:
      throw new Error(`No PostgreSQL type for ${column.columnType} (${name})`);
  }
}

/** The PostgreSQL column for one SQLite column (without its constraints). */
function columnFor(name: string, kind: Kind): PgColumnBuilderBase {
  switch (kind) {
    case 'boolean':
      return boolean(name);
    case 'jsonb':
      return jsonb(name);
    case 'double':
      return doublePrecision(name);
    case 'bigint':
      return bigint(name, { mode: 'number' });
    case 'integer':
      return integer(name);
    case 'uuid':
      return uuid(name);
    case 'time':
      return timestamp(name, { withTimezone: true, mode: 'string', precision: 3 });
    case 'day':
      return date(name, { mode: 'string' });
    case 'text':
      return bytewiseText(name);
  }
}

/** A default as PostgreSQL writes it (JSON values as jsonb literals). */
function defaultFor(column: SQLiteColumn): unknown {
  const value = column.default;
  if (value === undefined || is(value, SQL)) return value;
  return column.columnType === 'SQLiteTextJson' ? sql.raw(`'${JSON.stringify(value).replaceAll("'", "''")}'::jsonb`) : value;
}

type AnyPgTable = PgTableWithColumns<never>;
const byName = new Map<string, AnyPgTable>();

function pgTableFor(table: SQLiteTable): AnyPgTable {
  const config = getTableConfig(table);
  const columns: Record<string, PgColumnBuilderBase> = {};
  /** Columns that point at another row: the column they point at. */
  const references = new Map(config.foreignKeys.flatMap((fk) => fk.reference().columns.map((c, i) => [c.name, fk.reference().foreignColumns[i] as SQLiteColumn] as const)));
  for (const column of config.columns) {
    const built = columnFor(column.name, kindOf(column, references.get(column.name))) as PgColumnBuilderBase & {
      notNull(): unknown;
      primaryKey(): unknown;
      default(value: unknown): unknown;
      unique(name?: string): unknown;
    };
    if (column.primary) built.primaryKey();
    else if (column.notNull) built.notNull();
    // A column declared unique (`.unique()`: a session's token hash, an institution's slug) is unique here too, under the same name.
    if (column.isUnique) built.unique(column.uniqueName);
    const value = defaultFor(column);
    if (value !== undefined) built.default(value);
    columns[column.name] = built;
  }
  return pgTable(config.name, columns, (t) => {
    const col = (c: Column | SQL) => {
      if (!('name' in c)) throw new Error(`${config.name}: an index on an expression has no PostgreSQL translation`);
      return t[(c as Column).name]!;
    };
    const extras = [];
    for (const pk of config.primaryKeys) extras.push(primaryKey({ columns: pk.columns.map((c) => col(c)) as [never, ...never[]] }));
    for (const ix of config.indexes) {
      const on = ix.config.columns.map((c) => col(c as Column)) as [never, ...never[]];
      extras.push(ix.config.unique ? uniqueIndex(ix.config.name).on(...on) : index(ix.config.name).on(...on));
    }
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const target = byName.get(getTableConfig(ref.foreignTable).name)!;
      const key = foreignKey({
        columns: ref.columns.map((c) => col(c)) as [never, ...never[]],
        foreignColumns: ref.foreignColumns.map((c) => target[c.name as never]) as [never, ...never[]],
      });
      // What deleting the row pointed at does (a subscription's messages and their attempts go with it), as on SQLite.
      if (fk.onDelete) key.onDelete(fk.onDelete);
      if (fk.onUpdate) key.onUpdate(fk.onUpdate);
      extras.push(key);
    }
    for (const column of config.columns) {
      if (column.enumValues?.length && column.columnType === 'SQLiteText') {
        const values = column.enumValues.map((v: string) => `'${v.replaceAll("'", "''")}'`).join(', ');
        extras.push(check(`${config.name}_${column.name}_values`, sql.raw(`"${column.name}" IN (${values})`)));
      }
    }
    return extras;
  }) as unknown as AnyPgTable;
}

for (const table of Object.values(sqliteTables)) {
  if (is(table, SQLiteTable)) byName.set(getTableConfig(table).name, pgTableFor(table));
}

/** Every PostgreSQL table, by its SQL name. */
export const pgTables: ReadonlyMap<string, AnyPgTable> = byName;
