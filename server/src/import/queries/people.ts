/** What the people import reads and writes: everyone of the tenant at once, then prepared statements per row. */
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { entities, memberships, people, profileDuplicateFlags, profiles } from '../../db/tables/index.ts';
import type { ProfileRow } from '../../profiles/queries/profiles.ts';
import { placeholders, preparedInsert } from './prepared.ts';
import { query } from '../../db/transaction.ts';

export interface KnownPerson {
  id: string;
  externalId: string | null;
  /** The sign-in address of the person record. */
  email: string | null;
  displayName: string | null;
  profile: ProfileRow | null;
}

/** Every person of the tenant with their profile (if any): the import matches against these in memory. */
export function loadPeople(db: DbOrTx, tenantId: string): Promise<KnownPerson[]> {
  return query(db, (db) => {
    return db
      .select({ id: people.id, externalId: people.externalId, email: people.email, displayName: people.displayName, profile: profiles })
      .from(people)
      .leftJoin(profiles, eq(profiles.personId, people.id))
      .where(eq(people.tenantId, tenantId))
      .all();
  });
}

export interface SchoolMembership {
  id: string;
  personId: string;
  role: 'student' | 'alumnus';
  entityId: string;
}

/** The tenant's student and alumnus memberships (the roles an import gives). */
export function loadSchoolMemberships(db: DbOrTx, tenantId: string): Promise<SchoolMembership[]> {
  return query(db, async (db) => {
    const rows = (await db
      .select({ id: memberships.id, personId: memberships.personId, role: memberships.role, entityId: memberships.entityId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.role, ['student', 'alumnus'])))
      .all());
    return rows.filter((r): r is SchoolMembership => r.entityId !== null && (r.role === 'student' || r.role === 'alumnus'));
  });
}

export function listEntities(db: DbOrTx, tenantId: string): Promise<{ id: string; name: string }[]> {
  return query(db, (db) => db.select({ id: entities.id, name: entities.name }).from(entities).where(eq(entities.tenantId, tenantId)).all());
}

const profileColumns = Object.keys(getTableColumns(profiles)) as (keyof ProfileRow)[];

/** The import's writes, each compiled once for the transaction; await each. */
export function peopleWriters(tx: DbOrTx) {
  return query(tx, (tx) => {
    const role = tx
      .update(memberships)
      .set(placeholders(['role']))
      .where(and(eq(memberships.tenantId, sql.placeholder('tenantId')), eq(memberships.id, sql.placeholder('id'))))
      .prepare();
    const externalId = tx
      .update(people)
      .set(placeholders(['externalId']))
      .where(and(eq(people.tenantId, sql.placeholder('tenantId')), eq(people.id, sql.placeholder('id'))))
      .prepare();
    return {
      person: preparedInsert(tx, people, ['id', 'tenantId', 'externalId', 'email', 'displayName', 'createdAt']),
      profile: preparedInsert(tx, profiles, profileColumns),
      membership: preparedInsert(tx, memberships, ['id', 'tenantId', 'personId', 'role', 'entityId', 'createdAt']),
      /** A duplicate flag; an identical open one already there is left as is. */
      flag: preparedInsert(tx, profileDuplicateFlags, ['id', 'tenantId', 'personId', 'otherPersonId', 'reason', 'createdAt'], { ignoreConflicts: true }),
      /** A student who graduated: the membership in the same school changes role. */
      setRole: (values: { tenantId: string; id: string; role: 'student' | 'alumnus' }) => role.run(values),
      setExternalId: (values: { tenantId: string; id: string; externalId: string }) => externalId.run(values),
    };
  });
}
