/** The profile rows themselves: one per person, keyed by tenant and person. */
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { prepareOnce } from '../../db/prepare-once.ts';
import { profiles } from '../../db/tables/index.ts';
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
 * Sets the columns of one profile only if it is still at `version`
 * (optimistic concurrency); returns the row after, or undefined when it
 * changed meanwhile. Compiled once per handle: the import runs it for every
 * profile it changes.
 */
export function updateProfileAtVersion(tx: DbOrTx, tenantId: string, personId: string, version: number, columns: ProfileRewrite): Promise<ProfileRow | undefined> {
  return query(tx, (tx) => rewriteAtVersion(tx).get({ ...columns, tenantId, personId, expectedVersion: version }));
}

const rewriteAtVersion = prepareOnce((db) =>
  db
    .update(profiles)
    .set(Object.fromEntries(rewritten.map((k) => [k, sql.placeholder(k)])))
    .where(and(eq(profiles.tenantId, sql.placeholder('tenantId')), eq(profiles.personId, sql.placeholder('personId')), eq(profiles.version, sql.placeholder('expectedVersion'))))
    .returning()
    .prepare(),
);

/** Deletes one profile; returns how many rows went (0 or 1). */
export function deleteProfile(tx: DbOrTx, tenantId: string, personId: string): Promise<number> {
  return query(tx, async (tx) => (await tx.delete(profiles).where(byPerson(tenantId, personId)).run()).changes);
}
