import { and, asc, desc, eq, gte, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { ConsentChannel } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { consentEvents, entities, erasureRequests, mailOutbox, memberships, people, purposes, solicitations } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export function insertSolicitation(tx: DbOrTx, values: typeof solicitations.$inferInsert & { id: string }): Promise<void> {
  return query(tx, (tx) => {
    tx.insert(solicitations).values(values).run();
  });
}

/** How many ledger messages each of these people got in [from, to): absent means none. */
export function ledgerCounts(db: DbOrTx, tenantId: string, personIds: readonly string[], from: string, to: string): Promise<Map<string, number>> {
  return query(db, (db) => {
    const rows = db
      .select({ personId: solicitations.personId, n: sql<number>`count(*)` })
      .from(solicitations)
      .where(and(eq(solicitations.tenantId, tenantId), inArray(solicitations.personId, [...personIds]), gte(solicitations.sentAt, from), lt(solicitations.sentAt, to)))
      .groupBy(solicitations.personId)
      .all();
    return new Map(rows.map((r) => [r.personId, Number(r.n)]));
  });
}

/** How many optional messages (reminders, digests, campaigns) Passerelle itself queued to each of these people in [from, to). */
export function optionalMailCounts(db: DbOrTx, tenantId: string, personIds: readonly string[], from: string, to: string): Promise<Map<string, number>> {
  return query(db, (db) => {
    const rows = db
      .select({ personId: mailOutbox.personId, n: sql<number>`count(*)` })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.tenantId, tenantId), inArray(mailOutbox.personId, [...personIds]), eq(mailOutbox.transactional, false), gte(mailOutbox.createdAt, from), lt(mailOutbox.createdAt, to)))
      .groupBy(mailOutbox.personId)
      .all();
    return new Map(rows.map((r) => [r.personId, Number(r.n)]));
  });
}

/** Which of these ids are people of the tenant. */
export function existingPeople(db: DbOrTx, tenantId: string, personIds: readonly string[]): Promise<Set<string>> {
  return query(db, (db) => new Set(db.select({ id: people.id }).from(people).where(and(eq(people.tenantId, tenantId), inArray(people.id, [...personIds]))).all().map((r) => r.id)));
}

/** The entities each of these people belongs to (company memberships have none). */
export function entitiesOfPeople(db: DbOrTx, tenantId: string, personIds: readonly string[]): Promise<Map<string, string[]>> {
  return query(db, (db) => {
    const map = new Map<string, string[]>();
    const rows = db
      .select({ personId: memberships.personId, entityId: memberships.entityId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.personId, [...personIds]), isNotNull(memberships.entityId)))
      .all();
    for (const r of rows) if (r.entityId) map.set(r.personId, [...(map.get(r.personId) ?? []), r.entityId]);
    return map;
  });
}

/** Which of these people asked to be erased (pending or processed). */
export function erasedPeople(db: DbOrTx, tenantId: string, personIds: readonly string[]): Promise<Set<string>> {
  return query(db, (db) =>
    new Set(
      db
        .select({ personId: erasureRequests.personId })
        .from(erasureRequests)
        .where(and(eq(erasureRequests.tenantId, tenantId), inArray(erasureRequests.personId, [...personIds])))
        .all()
        .map((r) => r.personId),
    ),
  );
}

/** These people's consent events on one purpose and channel, each person's in order (the last one is their choice). */
export function channelEventsOfPeople(db: DbOrTx, tenantId: string, purposeId: string, channel: ConsentChannel, personIds: readonly string[]) {
  return query(db, (db) =>
    db
      .select({ personId: consentEvents.personId, granted: consentEvents.granted, at: consentEvents.at, versionId: consentEvents.purposeVersionId })
      .from(consentEvents)
      .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.purposeId, purposeId), inArray(consentEvents.personId, [...personIds]), eq(consentEvents.channel, channel)))
      .orderBy(asc(consentEvents.personId), asc(consentEvents.seq))
      .all(),
  );
}

/** Whether the entity is one of the tenant's. */
export function entityExists(db: DbOrTx, tenantId: string, entityId: string): Promise<boolean> {
  return query(db, (db) => db.select({ id: entities.id }).from(entities).where(and(eq(entities.tenantId, tenantId), eq(entities.id, entityId))).get() !== undefined);
}

/** A person's messages sent in [from, to), newest first, paged by (sentAt, id). */
export function solicitationsOfPerson(db: DbOrTx, tenantId: string, personId: string, range: { from: string; to: string }, page: { limit: number; before?: { sentAt: string; id: string } | undefined }) {
  return query(db, (db) => {
    const before = page.before;
    return db
      .select({
        id: solicitations.id,
        personId: solicitations.personId,
        purpose: purposes.key,
        channel: solicitations.channel,
        entityId: solicitations.entityId,
        entityName: entities.name,
        campaign: solicitations.campaign,
        sentAt: solicitations.sentAt,
        recordedBy: solicitations.recordedBy,
      })
      .from(solicitations)
      .innerJoin(purposes, eq(purposes.id, solicitations.purposeId))
      .innerJoin(entities, eq(entities.id, solicitations.entityId))
      .where(
        and(
          eq(solicitations.tenantId, tenantId),
          eq(solicitations.personId, personId),
          gte(solicitations.sentAt, range.from),
          lt(solicitations.sentAt, range.to),
          before ? or(lt(solicitations.sentAt, before.sentAt), and(eq(solicitations.sentAt, before.sentAt), lt(solicitations.id, before.id))) : undefined,
        ),
      )
      .orderBy(desc(solicitations.sentAt), desc(solicitations.id))
      .limit(page.limit + 1)
      .all();
  });
}
