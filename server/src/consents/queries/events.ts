import { and, asc, eq, gt, inArray, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { consentEvents, purposeVersions, purposes } from '../../db/tables/index.ts';
import { versionColumns } from '../../purposes/queries/purposes.ts';
import { query } from '../../db/transaction.ts';

/** One page of a person's consent events after `afterSeq`, oldest first, each with the text they saw (`limit` rows at most). */
export function consentHistoryRows(db: DbOrTx, tenantId: string, personId: string, afterSeq: number, limit: number) {
  return query(db, (db) => {
    return db
      .select({
        id: consentEvents.id,
        seq: consentEvents.seq,
        purposeKey: purposes.key,
        channel: consentEvents.channel,
        granted: consentEvents.granted,
        at: consentEvents.at,
        origin: consentEvents.origin,
        originPage: consentEvents.originPage,
        originComponent: consentEvents.originComponent,
        actorId: consentEvents.actorId,
        actorReason: consentEvents.actorReason,
        version: versionColumns,
      })
      .from(consentEvents)
      .innerJoin(purposes, eq(purposes.id, consentEvents.purposeId))
      .innerJoin(purposeVersions, eq(purposeVersions.id, consentEvents.purposeVersionId))
      .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.personId, personId), gt(consentEvents.seq, afterSeq)))
      .orderBy(asc(consentEvents.seq))
      .limit(limit)
      .all();
  });
}

/** What deriving a consent state needs of each event. */
const stateColumns = {
  channel: consentEvents.channel,
  granted: consentEvents.granted,
  at: consentEvents.at,
  versionId: consentEvents.purposeVersionId,
  versionHash: purposeVersions.hash,
};

/** Every event of one purpose, for every person of the tenant, by person then in order, with where it was made (the CRM export). */
export function consentEventsOfPurpose(db: DbOrTx, tenantId: string, purposeId: string) {
  return query(db, (db) => {
    return db
      .select({ personId: consentEvents.personId, ...stateColumns, origin: consentEvents.origin, originPage: consentEvents.originPage })
      .from(consentEvents)
      .innerJoin(purposeVersions, eq(purposeVersions.id, consentEvents.purposeVersionId))
      .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.purposeId, purposeId)))
      .orderBy(asc(consentEvents.personId), asc(consentEvents.seq))
      .all();
  });
}

/** Every event of these people (a batch of an export), by person then in order. */
export function consentEventsOfPeople(db: DbOrTx, tenantId: string, personIds: readonly string[]) {
  return query(db, (db) => {
    if (personIds.length === 0) return [];
    return db
      .select({ personId: consentEvents.personId, purposeId: consentEvents.purposeId, ...stateColumns })
      .from(consentEvents)
      .innerJoin(purposeVersions, eq(purposeVersions.id, consentEvents.purposeVersionId))
      .where(and(eq(consentEvents.tenantId, tenantId), inArray(consentEvents.personId, [...personIds])))
      .orderBy(asc(consentEvents.personId), asc(consentEvents.seq))
      .all();
  });
}

/** Every event of one person, in order. */
export function consentEventsOfPerson(db: DbOrTx, tenantId: string, personId: string) {
  return query(db, (db) => {
    return db
      .select({ purposeId: consentEvents.purposeId, ...stateColumns })
      .from(consentEvents)
      .innerJoin(purposeVersions, eq(purposeVersions.id, consentEvents.purposeVersionId))
      .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.personId, personId)))
      .orderBy(asc(consentEvents.seq))
      .all();
  });
}

/** The last position in a person's event log, or null when they have none. */
export function maxConsentSeq(tx: DbOrTx, tenantId: string, personId: string): Promise<number | null> {
  return query(tx, async (tx) => {
    const row = (await tx.select({ seq: max(consentEvents.seq) }).from(consentEvents).where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.personId, personId))).get());
    return row?.seq ?? null;
  });
}

export function insertConsentEvent(tx: DbOrTx, values: typeof consentEvents.$inferInsert): Promise<void> {
  return query(tx, async (tx) => {
    await tx.insert(consentEvents).values(values).run();
  });
}

/** A person's events for their data export, in order, with the purpose key, text hash, the checked Origin and the claimed page. */
export function exportConsentEvents(tx: DbOrTx, tenantId: string, personId: string) {
  return query(tx, (tx) => {
    return tx
      .select({
        id: consentEvents.id,
        seq: consentEvents.seq,
        at: consentEvents.at,
        purpose: purposes.key,
        channel: consentEvents.channel,
        granted: consentEvents.granted,
        versionHash: purposeVersions.hash,
        versionId: consentEvents.purposeVersionId,
        origin: consentEvents.origin,
        claimedPage: consentEvents.originPage,
        originComponent: consentEvents.originComponent,
        actorId: consentEvents.actorId,
        actorReason: consentEvents.actorReason,
      })
      .from(consentEvents)
      .innerJoin(purposes, eq(purposes.id, consentEvents.purposeId))
      .innerJoin(purposeVersions, eq(purposeVersions.id, consentEvents.purposeVersionId))
      .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.personId, personId)))
      .orderBy(asc(consentEvents.seq))
      .all();
  });
}

/** These texts of the tenant's purposes (for the data export), with their purpose key. */
export function exportPurposeVersions(tx: DbOrTx, tenantId: string, versionIds: string[]) {
  return query(tx, (tx) => {
    return tx
      .select({
        id: purposeVersions.id,
        hash: purposeVersions.hash,
        purpose: purposes.key,
        titleFr: purposeVersions.title,
        descriptionFr: purposeVersions.description,
        legalBasis: purposeVersions.legalBasis,
        channels: purposeVersions.channels,
        createdAt: purposeVersions.createdAt,
      })
      .from(purposeVersions)
      .innerJoin(purposes, eq(purposes.id, purposeVersions.purposeId))
      .where(and(eq(purposeVersions.tenantId, tenantId), inArray(purposeVersions.id, versionIds)))
      .all();
  });
}
