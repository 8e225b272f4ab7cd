/**
 * Who has shown no sign of life since a day: one statement over the
 * institution's people, each activity an `exists` answered from an index on
 * the person (sessions, profile, pledges, consent and cap choices,
 * memberships), paged by id. Plain drizzle operators, the same on SQLite and
 * PostgreSQL.
 */
import { and, asc, eq, gt, gte, inArray, isNotNull, lt, max, not, notExists, or, sql, type SQL } from 'drizzle-orm';
import { retentionExcludedRoles, type EntityScope, type RetentionActivity } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { consentEvents, entities, erasureRequests, memberships, people, pledges, profiles, sessions, solicitationCapEvents } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

/** What decides who is listed: the institution, the first day that counts as recent, and whose people the caller looks after. */
export interface InactiveCriteria {
  tenantId: string;
  /** ISO time: any activity at or after it keeps the person off the list. */
  since: string;
  scope: EntityScope;
}

/** A person's activity since `since`, one condition per kind of activity (each coming from the person). */
function activitySince(db: DbOrTx, tenantId: string, since: string): SQL[] {
  const one = sql`1`;
  return [
    gte(people.createdAt, since),
    sql`exists ${db.select({ one }).from(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.personId, people.id), gte(sessions.createdAt, since)))}`,
    sql`exists ${db.select({ one }).from(profiles).where(and(eq(profiles.personId, people.id), or(gte(profiles.confirmedAt, since), gte(profiles.ownerUpdatedAt, since))))}`,
    sql`exists ${db.select({ one }).from(pledges).where(and(eq(pledges.tenantId, tenantId), eq(pledges.authorId, people.id), gte(pledges.createdAt, since)))}`,
    sql`exists ${db
      .select({ one })
      .from(consentEvents)
      .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.personId, people.id), eq(consentEvents.actorId, people.id), gte(consentEvents.at, since)))}`,
    sql`exists ${db
      .select({ one })
      .from(solicitationCapEvents)
      .where(and(eq(solicitationCapEvents.tenantId, tenantId), eq(solicitationCapEvents.personId, people.id), eq(solicitationCapEvents.actorId, people.id), gte(solicitationCapEvents.at, since)))}`,
    sql`exists ${db.select({ one }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, people.id), gte(memberships.createdAt, since)))}`,
  ];
}

/** Who the rule may list at all: not an account of the institution's own, not someone who asked to be erased, within the caller's scope. */
function listable(db: DbOrTx, criteria: InactiveCriteria): SQL[] {
  const { tenantId, scope } = criteria;
  const one = sql`1`;
  const conditions = [
    notExists(db.select({ one }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, people.id), inArray(memberships.role, [...retentionExcludedRoles])))),
    notExists(db.select({ one }).from(erasureRequests).where(and(eq(erasureRequests.tenantId, tenantId), eq(erasureRequests.personId, people.id)))),
  ];
  if (!scope.all) {
    conditions.push(
      scope.entityIds.length === 0
        ? sql`1 = 0`
        : sql`exists ${db.select({ one }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, people.id), inArray(memberships.entityId, [...scope.entityIds])))}`,
    );
  }
  return conditions;
}

/** The latest time of each kind of activity, as scalar subqueries (read for a page of people only). */
function lastActivities(db: DbOrTx, tenantId: string) {
  return {
    signIn: sql<string | null>`${db.select({ at: max(sessions.createdAt) }).from(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.personId, people.id)))}`,
    confirmed: sql<string | null>`${db.select({ at: max(profiles.confirmedAt) }).from(profiles).where(eq(profiles.personId, people.id))}`,
    profileChanged: sql<string | null>`${db.select({ at: max(profiles.ownerUpdatedAt) }).from(profiles).where(eq(profiles.personId, people.id))}`,
    gift: sql<string | null>`${db.select({ at: max(pledges.createdAt) }).from(pledges).where(and(eq(pledges.tenantId, tenantId), eq(pledges.authorId, people.id)))}`,
    consent: sql<string | null>`${db
      .select({ at: max(consentEvents.at) })
      .from(consentEvents)
      .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.personId, people.id), eq(consentEvents.actorId, people.id)))}`,
    cap: sql<string | null>`${db
      .select({ at: max(solicitationCapEvents.at) })
      .from(solicitationCapEvents)
      .where(and(eq(solicitationCapEvents.tenantId, tenantId), eq(solicitationCapEvents.personId, people.id), eq(solicitationCapEvents.actorId, people.id)))}`,
    membership: sql<string | null>`${db.select({ at: max(memberships.createdAt) }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, people.id)))}`,
  };
}

/** A row of the list: the person and the latest time of each kind of activity. */
export interface InactiveRow {
  personId: string;
  displayName: string | null;
  lastActivity: { kind: RetentionActivity; at: string };
}

/** The latest activity of a row, and its kind (the person's recording when nothing else happened). */
function latest(row: { createdAt: string } & Record<'signIn' | 'confirmed' | 'profileChanged' | 'gift' | 'consent' | 'cap' | 'membership', string | null>): InactiveRow['lastActivity'] {
  const candidates: [RetentionActivity, string | null][] = [
    ['signIn', row.signIn],
    ['profile', row.confirmed],
    ['profile', row.profileChanged],
    ['gift', row.gift],
    ['consent', row.consent],
    ['consent', row.cap],
    ['membership', row.membership],
  ];
  let best: InactiveRow['lastActivity'] = { kind: 'recorded', at: row.createdAt };
  for (const [kind, at] of candidates) if (at !== null && new Date(at).getTime() > new Date(best.at).getTime()) best = { kind, at: new Date(at).toISOString() };
  return best;
}

/**
 * One page of the people the rule lists, in id order after `after`: `limit + 1`
 * rows, so that the caller knows whether another page follows. With
 * `personId`, that person alone (listed or not).
 */
export function inactivePeople(db: DbOrTx, criteria: InactiveCriteria, page: { limit: number; after?: string | undefined; personId?: string }): Promise<InactiveRow[]> {
  return query(db, async (db) => {
    const { tenantId, since } = criteria;
    const rows = await db
      .select({ personId: people.id, displayName: people.displayName, createdAt: people.createdAt, ...lastActivities(db, tenantId) })
      .from(people)
      .where(
        and(
          eq(people.tenantId, tenantId),
          page.personId !== undefined ? eq(people.id, page.personId) : undefined,
          page.after !== undefined ? gt(people.id, page.after) : undefined,
          lt(people.createdAt, since),
          ...listable(db, criteria),
          not(or(...activitySince(db, tenantId, since))!),
        ),
      )
      .orderBy(asc(people.id))
      .limit(page.limit + 1)
      .all();
    return rows.map((r) => ({ personId: r.personId, displayName: r.displayName, lastActivity: latest(r) }));
  });
}

/** Why one person is not listed, if they are not: an account of the institution, an erasure request, or their last activity since `since`. */
export function whyNotListed(db: DbOrTx, criteria: InactiveCriteria, personId: string): Promise<{ excluded: 'institutionAccount' | 'erasureRequested' } | { active: RetentionActivity; at: string } | null> {
  return query(db, async (db) => {
    const { tenantId } = criteria;
    const one = sql`1`;
    const account = await db.select({ one }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId), inArray(memberships.role, [...retentionExcludedRoles]))).limit(1).get();
    if (account) return { excluded: 'institutionAccount' };
    const erasure = await db.select({ one }).from(erasureRequests).where(and(eq(erasureRequests.tenantId, tenantId), eq(erasureRequests.personId, personId))).limit(1).get();
    if (erasure) return { excluded: 'erasureRequested' };
    const row = await db
      .select({ createdAt: people.createdAt, ...lastActivities(db, tenantId) })
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)))
      .get();
    if (!row) return null;
    const last = latest(row);
    return new Date(last.at).getTime() >= new Date(criteria.since).getTime() ? { active: last.kind, at: last.at } : null;
  });
}

/** The memberships in an entity of these people (a page), with the entity's name, for the list. */
export function entityMembershipsOf(db: DbOrTx, tenantId: string, personIds: readonly string[]) {
  return query(db, (db) =>
    personIds.length === 0
      ? []
      : db
          .select({ personId: memberships.personId, entityId: entities.id, entityName: entities.name, role: memberships.role })
          .from(memberships)
          .innerJoin(entities, eq(entities.id, memberships.entityId))
          .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.personId, [...personIds]), isNotNull(memberships.entityId)))
          .orderBy(asc(entities.name), asc(memberships.role))
          .all(),
  );
}
