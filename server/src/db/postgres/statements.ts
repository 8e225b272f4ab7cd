/**
 * What the SQLite query builder writes, as PostgreSQL reads it. The
 * builder's SQL is standard where it matters (double-quoted identifiers,
 * `insert … on conflict`, `returning`, row values); what differs is the
 * placeholder (`?` there, `$1…` here), SQLite's planner hint `+"column"`
 * (a unary plus that keeps SQLite from using an index on the column; on
 * PostgreSQL, whose planner needs no such hint, it would be an error on
 * text, so it is dropped), the conflict target of an upsert (the builder
 * writes `on conflict ("table"."column")`, which SQLite takes and
 * PostgreSQL refuses: it wants the bare column names), and a few value
 * types, handled by the type parsers in `open.ts`.
 */

import { rewriteCode } from '../sql-text.ts';

/** Words after which a `+` can only be unary. */
const BEFORE_OPERAND = new Set(['by', 'and', 'or', 'where', 'on', 'select', 'not', 'when', 'then', 'else', 'having']);

/** Whether a `+` at `i` is a unary plus: what precedes it (spaces aside) is `(`, `,` or a keyword. */
function unary(out: string): boolean {
  const before = out.trimEnd();
  const last = before.at(-1);
  if (last === undefined || last === '(' || last === ',') return true;
  const word = /([a-z]+)$/i.exec(before)?.[1];
  return word !== undefined && BEFORE_OPERAND.has(word.toLowerCase());
}

/** An upsert's conflict target: a list of column names, each qualified by its table. */
const CONFLICT_TARGET = /( on conflict \()((?:"(?:[^"]|"")*"\."(?:[^"]|"")*"(?:, )?)+)\)/g;
/** The table's name before a column's, in a conflict target. */
const QUALIFIER = /"(?:[^"]|"")*"\.(?=")/g;

/** Statements already translated: the builder writes the same text for every call of a query. */
const translated = new Map<string, string>();
const MAX_KEPT = 2_000;

/** `sql` with each `?` placeholder (outside quotes and comments) numbered `$1`, `$2`…, SQLite's index hints dropped and conflict targets unqualified. */
export function toPostgres(sql: string): string {
  const known = translated.get(sql);
  if (known !== undefined) return known;
  let n = 0;
  let out = rewriteCode(sql, (c, next, written) => {
    if (c === '?') return `$${++n}`;
    if (c === '+' && next === '"' && unary(written)) return '';
    return c;
  });
  out = out.replace(CONFLICT_TARGET, (_, head: string, columns: string) => `${head}${columns.replace(QUALIFIER, '')})`);
  if (translated.size >= MAX_KEPT) translated.clear();
  translated.set(sql, out);
  return out;
}
