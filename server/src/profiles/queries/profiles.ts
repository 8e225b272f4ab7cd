/** The profile rows themselves: one per person, keyed by tenant and person. */
import { and, eq, getTableColumns, inArray, isNotNull, sql } from 'drizzle-orm';
import { fromJsonArray, jsonArrayOf } from '../../db/dialect.ts';
import type { DbOrTx } from '../../db/open.ts';
import { prepareOnce } from '../../db/prepare-once.ts';
import { perColumnSet } from '../../db/prepared-insert.ts';
import { memberships, profiles } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export type ProfileRow = typeof profiles.$inferSelect;
export type ProfileInsert = typeof profiles.$inferInsert;
/** Columns a change may set (never the keys). */
export type ProfileChanges = Partial<Omit<ProfileInsert, 'tenantId' | 'personId'>>;

const byPerson = (tenantId: string, personId: string) => and(eq(profiles.tenantId, tenantId), eq(profiles.personId, personId));

export function findProfile(db: DbOrTx, tenantId: string, personId: string): Promise<ProfileRow | undefined> {
  return query(db, (db) => profileOf(db).get({ tenantId, personId }));
}

const profileOf = prepareOnce((db) =>
  db
    .select()
    .from(profiles)
    .where(and(eq(profiles.tenantId, sql.placeholder('tenantId')), eq(profiles.personId, sql.placeholder('personId'))))
    .prepare(),
);

/**
 * One profile with the entities its owner belongs to (what the policy needs
 * to decide who may read or change it), in one statement: every load of a
 * profile for a route or a change asks both.
 */
export function findProfileWithEntityIds(db: DbOrTx, tenantId: string, personId: string): Promise<{ row: ProfileRow; entityIds: string[] } | undefined> {
  return query(db, async (db) => {
    const found = await profileWithEntityIdsOf(db).get({ tenantId, personId });
    if (!found) return undefined;
    const { entityIds, ...row } = found;
    return { row, entityIds };
  });
}

const profileWithEntityIdsOf = prepareOnce((db) =>
  db
    .select({
      ...getTableColumns(profiles),
      entityIds: sql`(${db
        .select({ ids: jsonArrayOf(db, memberships.entityId) })
        .from(memberships)
        // `+tenant_id` keeps SQLite on the person's own index (queries/people.ts); PostgreSQL's statements drop it.
        .where(and(sql`+${memberships.tenantId} = ${profiles.tenantId}`, eq(memberships.personId, profiles.personId), isNotNull(memberships.entityId)))})`.mapWith((v: unknown) => fromJsonArray<string>(v)),
    })
    .from(profiles)
    .where(and(eq(profiles.tenantId, sql.placeholder('tenantId')), eq(profiles.personId, sql.placeholder('personId'))))
    .prepare(),
);

/** The profiles of these people in this tenant, in no particular order. */
export function findProfilesByPersonIds(db: DbOrTx, tenantId: string, personIds: readonly string[]): Promise<ProfileRow[]> {
  return query(db, (db) => {
    if (personIds.length === 0) return [];
    return db
      .select()
      .from(profiles)
      .where(and(eq(profiles.tenantId, tenantId), inArray(profiles.personId, [...personIds])))
      .all();
  });
}

/** Inserts a complete row (derived columns included) and returns it. */
export function insertProfileRow(tx: DbOrTx, values: ProfileInsert): Promise<ProfileRow> {
  return query(tx, (tx) => tx.insert(profiles).values(values).returning().get());
}

/** Sets columns of one profile whatever its version; returns the row after, or undefined when there is none. */
export function updateProfile(tx: DbOrTx, tenantId: string, personId: string, changes: ProfileChanges): Promise<ProfileRow | undefined> {
  return query(tx, (tx) => tx.update(profiles).set(changes).where(byPerson(tenantId, personId)).returning().get());
}

/** What an update of a profile sets: every column but its keys and its creation and confirmation dates. */
export type ProfileRewrite = Omit<ProfileInsert, 'tenantId' | 'personId' | 'createdAt' | 'confirmedAt'> & Pick<ProfileRow, 'version' | 'ownerUpdatedAt'>;
const rewritten = Object.keys(getTableColumns(profiles)).filter((k) => !['tenantId', 'personId', 'createdAt', 'confirmedAt'].includes(k));

/**
 * Sets the columns of a profile that differ from `current`, only if it is
 * still at `current.version` (optimistic concurrency); returns the row after,
 * or undefined when it changed meanwhile.
 *
 * Only the columns that change are in the statement: SQLite rewrites every
 * index holding a column named in SET, changed or not, and a profile has seven
 * wide covering indexes for the directory. A new job title then writes the row
 * alone, not the row and every index, before the commit writes those pages
 * again to the log. One statement per set of columns, compiled once per handle
 * (the same few sets come back: a person's own fields, staff corrections).
 */
export function updateProfileAtVersion(tx: DbOrTx, current: ProfileRow, columns: ProfileRewrite): Promise<ProfileRow | undefined> {
  const set = changedColumns(current, columns);
  return query(tx, (tx) => rewriteAtVersion(Object.keys(set))(tx).get({ ...set, tenantId: current.tenantId, personId: current.personId, expectedVersion: current.version }));
}

/** The columns of `columns` whose values differ from the row's (`version` always does). */
export function changedColumns(current: ProfileRow, columns: ProfileRewrite): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const k of rewritten) {
    const value = columns[k as keyof ProfileRewrite];
    if (value !== undefined && !sameValue(value, current[k as keyof ProfileRow])) set[k] = value;
  }
  return set;
}

/** Equal as stored: the same primitive, or the same JSON. */
const sameValue = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));

const rewriteAtVersion = perColumnSet((keys) => (db) =>
  db
    .update(profiles)
    .set(Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])))
    .where(and(eq(profiles.tenantId, sql.placeholder('tenantId')), eq(profiles.personId, sql.placeholder('personId')), eq(profiles.version, sql.placeholder('expectedVersion'))))
    .returning()
    .prepare(),
);

/** Deletes one profile; returns how many rows went (0 or 1). */
export function deleteProfile(tx: DbOrTx, tenantId: string, personId: string): Promise<number> {
  return query(tx, async (tx) => (await tx.delete(profiles).where(byPerson(tenantId, personId)).run()).changes);
}
