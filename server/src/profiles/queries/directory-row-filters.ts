/**
 * The directory's filters on fields that carry no search key or rank column
 * of their own (sector, city of work, availability): checked on the row,
 * with the field's visibility read from the owner's choices. They are never
 * the filter a search seeks on: the other filters (or the sort index) bring
 * the candidates, and these are checked on each, which reads its table row.
 */
import { and, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import { defaultVisibility, visibilityLevels, visibilityRank, type ProfileFieldKey } from '@passerelle/schema';
import { profiles } from '../../db/tables/index.ts';
import type { DbOrTx } from '../../db/open.ts';
import { jsonText, jsonTrue } from '../../db/dialect.ts';

/** Above every character: `key >= p AND key < p + TOP` is a prefix match. */
const TOP = '\u{10FFFF}';

export const availabilityFilters = ['mentoring', 'talks', 'hiringInterns'] as const;

/** Row filters, already normalised to search keys; `undefined` means absent. */
export interface DirectoryRowFilters {
  sectorKey?: string;
  cityKey?: string;
  /** Only people who said yes to each of these. */
  availability?: readonly (typeof availabilityFilters)[number][];
}

/** The owner's visibility choice for `field` reaches `minimum` (the stored map is complete; the default guards an old row). */
function readable(db: DbOrTx, field: ProfileFieldKey, minimum: number): SQL {
  const levels = visibilityLevels.filter((level) => visibilityRank[level] >= minimum);
  return inArray(sql`coalesce(${jsonText(db, profiles.visibility, field)}, ${defaultVisibility[field]})`, levels);
}

/** `column`, folded by the shared `searchKey` (the `search_key` SQL function, db/functions.ts), starts with `key`. */
function startsWith(column: Column, key: string): SQL {
  const folded = sql`search_key(${column})`;
  return and(sql`${folded} >= ${key}`, sql`${folded} < ${key + TOP}`)!;
}

/** The row filters as conditions; `minimum` undefined means every field is readable (admin, covered member, self). */
export function rowFilterConditions(db: DbOrTx, filters: DirectoryRowFilters, minimum: number | undefined): SQL[] {
  const list: SQL[] = [];
  const visible = (field: ProfileFieldKey) => (minimum === undefined ? [] : [readable(db, field, minimum)]);
  if (filters.sectorKey !== undefined) list.push(startsWith(profiles.sector, filters.sectorKey), ...visible('sector'));
  if (filters.cityKey !== undefined) list.push(startsWith(profiles.workCity, filters.cityKey), ...visible('workCity'));
  for (const key of filters.availability ?? []) list.push(jsonTrue(db, profiles.availability, key), ...visible('availability'));
  return list;
}
