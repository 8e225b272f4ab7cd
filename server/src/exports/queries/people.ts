/**
 * The people export, read in keyset batches by id so that 200,000 people
 * never sit in memory at once: each batch is the people rows with their
 * profile (left join: someone who never signed in has none), then their
 * memberships in one query.
 */
import { and, asc, count, eq, exists, gt, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { memberships, people, profiles } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export interface PeopleExportScope {
  tenantId: string;
  /** Members of these entities only; undefined: everyone of the tenant (administrators). */
  entityIds: readonly string[] | undefined;
  graduationYear?: number | undefined;
}

/**
 * Erased people (no email left) are not exported. Scoped exports keep a
 * person who has a membership in one of the entities, checked per person
 * through the membership index while walking people in id order (index
 * `people_tenant_id`, so no batch sorts the tenant's people).
 */
function peopleConditions(db: DbOrTx, scope: PeopleExportScope): SQL[] {
  const where: SQL[] = [eq(people.tenantId, scope.tenantId), isNotNull(people.email)];
  if (scope.entityIds !== undefined) {
    where.push(
      exists(
        db
          .select({ one: memberships.id })
          .from(memberships)
          // No tenant condition here: the person row already has it, and naming it would lead SQLite to
          // the (tenant, entity) index, scanning every member of the entity for each person.
          .where(and(eq(memberships.personId, people.id), inArray(memberships.entityId, [...scope.entityIds]))),
      ),
    );
  }
  if (scope.graduationYear !== undefined) where.push(eq(profiles.graduationYear, scope.graduationYear));
  return where;
}

/** How many people the export will hold (at the time of asking). */
export function countPeopleForExport(db: DbOrTx, scope: PeopleExportScope): Promise<number> {
  return query(db, async (db) => {
    return (
      (await db
        .select({ n: count() })
        .from(people)
        .leftJoin(profiles, eq(profiles.personId, people.id))
        .where(and(...peopleConditions(db, scope)))
        .get())?.n ?? 0
    );
  });
}

/** Up to `limit` people after the id `after`, by id, each with their profile row or null. */
export function peopleBatch(db: DbOrTx, scope: PeopleExportScope, after: string | undefined, limit: number) {
  return query(db, (db) => {
    const where = peopleConditions(db, scope);
    if (after !== undefined) where.push(gt(people.id, after));
    return db
      .select({ id: people.id, externalId: people.externalId, email: people.email, displayName: people.displayName, profile: profiles })
      .from(people)
      .leftJoin(profiles, eq(profiles.personId, people.id))
      .where(and(...where))
      .orderBy(asc(people.id))
      .limit(limit)
      .all();
  });
}

/** The entity memberships of these people (company memberships have no entity and are left out). */
export function entityMembershipsOf(db: DbOrTx, tenantId: string, personIds: readonly string[]) {
  return query(db, async (db) => {
    if (personIds.length === 0) return [];
    return (await db
      .select({ personId: memberships.personId, role: memberships.role, entityId: memberships.entityId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.personId, [...personIds]), isNotNull(memberships.entityId)))
      .all())
      .flatMap((m) => (m.entityId ? [{ personId: m.personId, role: m.role, entityId: m.entityId }] : []));
  });
}
