/** What the people import reads and writes: everyone of the tenant at once, then batched inserts. */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../open.ts';
import { entities, memberships, people, profileDuplicateFlags, profiles } from '../tables/index.ts';
import type { ProfileInsert, ProfileRow } from '../profiles/profiles.ts';
import { chunkSize, chunks } from './batch.ts';

export interface KnownPerson {
  id: string;
  externalId: string | null;
  /** The sign-in address of the person record. */
  email: string | null;
  displayName: string | null;
  profile: ProfileRow | null;
}

/** Every person of the tenant with their profile (if any): the import matches against these in memory. */
export function loadPeople(db: DbOrTx, tenantId: string): KnownPerson[] {
  return db
    .select({ id: people.id, externalId: people.externalId, email: people.email, displayName: people.displayName, profile: profiles })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(eq(people.tenantId, tenantId))
    .all();
}

export interface SchoolMembership {
  id: string;
  personId: string;
  role: 'student' | 'alumnus';
  entityId: string;
}

/** The tenant's student and alumnus memberships (the roles an import gives). */
export function loadSchoolMemberships(db: DbOrTx, tenantId: string): SchoolMembership[] {
  const rows = db
    .select({ id: memberships.id, personId: memberships.personId, role: memberships.role, entityId: memberships.entityId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.role, ['student', 'alumnus'])))
    .all();
  return rows.filter((r): r is SchoolMembership => r.entityId !== null && (r.role === 'student' || r.role === 'alumnus'));
}

export function listEntities(db: DbOrTx, tenantId: string): { id: string; name: string }[] {
  return db.select({ id: entities.id, name: entities.name }).from(entities).where(eq(entities.tenantId, tenantId)).all();
}

export type PersonInsert = typeof people.$inferInsert;
export type MembershipInsert = typeof memberships.$inferInsert;
export type DuplicateFlagInsert = typeof profileDuplicateFlags.$inferInsert;

/** New people, their profiles, memberships and duplicate flags, in that order (foreign keys). */
export function insertImported(tx: DbOrTx, rows: { people: PersonInsert[]; profiles: ProfileInsert[]; memberships: MembershipInsert[]; flags: DuplicateFlagInsert[] }): void {
  for (const part of chunks(rows.people, chunkSize(7))) tx.insert(people).values(part).run();
  for (const part of chunks(rows.profiles, chunkSize(45))) tx.insert(profiles).values(part).run();
  for (const part of chunks(rows.memberships, chunkSize(7))) tx.insert(memberships).values(part).run();
  for (const part of chunks(rows.flags, chunkSize(7))) tx.insert(profileDuplicateFlags).values(part).onConflictDoNothing().run();
}

export function setPersonExternalId(tx: DbOrTx, tenantId: string, personId: string, externalId: string): void {
  tx.update(people).set({ externalId }).where(and(eq(people.tenantId, tenantId), eq(people.id, personId))).run();
}

/** A student who graduated: the membership in the same school changes role. */
export function setMembershipRole(tx: DbOrTx, tenantId: string, membershipId: string, role: 'student' | 'alumnus'): void {
  tx.update(memberships).set({ role }).where(and(eq(memberships.tenantId, tenantId), eq(memberships.id, membershipId))).run();
}
