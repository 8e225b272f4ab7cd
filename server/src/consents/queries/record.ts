import { and, asc, eq, gt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DbOrTx } from '../../db/open.ts';
import { consentEvents, institutions, people, purposeVersions, purposes } from '../../db/tables/index.ts';
import { versionColumns } from '../../purposes/queries/purposes.ts';
import { query } from '../../db/transaction.ts';

/** Who recorded an event: a person of the tenant (the person themself, or staff). */
const actors = alias(people, 'actors');

/** What an auditor reads of each event: the text seen, where, and who recorded it, with their name. */
const recordColumns = {
  id: consentEvents.id,
  seq: consentEvents.seq,
  purposeId: consentEvents.purposeId,
  purposeKey: purposes.key,
  channel: consentEvents.channel,
  granted: consentEvents.granted,
  at: consentEvents.at,
  origin: consentEvents.origin,
  originPage: consentEvents.originPage,
  originComponent: consentEvents.originComponent,
  actorId: consentEvents.actorId,
  actorName: actors.displayName,
  actorReason: consentEvents.actorReason,
  version: versionColumns,
};

function recordQuery(db: DbOrTx) {
  return db
    .select(recordColumns)
    .from(consentEvents)
    .innerJoin(purposes, eq(purposes.id, consentEvents.purposeId))
    .innerJoin(purposeVersions, eq(purposeVersions.id, consentEvents.purposeVersionId))
    .leftJoin(actors, and(eq(actors.tenantId, consentEvents.tenantId), eq(actors.id, consentEvents.actorId)));
}

export type ConsentRecordRow = Awaited<ReturnType<typeof consentRecordRows>>[number];

/** One page of a person's consent record after `afterSeq`, oldest first (`limit` rows at most). */
export function consentRecordRows(db: DbOrTx, tenantId: string, personId: string, afterSeq: number, limit: number) {
  return query(db, (db) =>
    recordQuery(db)
      .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.personId, personId), gt(consentEvents.seq, afterSeq)))
      .orderBy(asc(consentEvents.seq))
      .limit(limit)
      .all(),
  );
}

/** One event of a person's record, or undefined (another person's, another tenant's, or no such event). */
export function findConsentRecordEvent(db: DbOrTx, tenantId: string, personId: string, eventId: string): Promise<ConsentRecordRow | undefined> {
  return query(db, (db) =>
    recordQuery(db)
      .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.personId, personId), eq(consentEvents.id, eventId)))
      .get(),
  );
}

/** The events of one purpose and channel of a person after `afterSeq`, oldest first: what happened to a consent since. */
export function laterChannelEvents(db: DbOrTx, tenantId: string, personId: string, purposeId: string, channel: string, afterSeq: number) {
  return query(db, (db) =>
    recordQuery(db)
      .where(
        and(
          eq(consentEvents.tenantId, tenantId),
          eq(consentEvents.personId, personId),
          eq(consentEvents.purposeId, purposeId),
          eq(consentEvents.channel, channel as typeof consentEvents.$inferSelect.channel),
          gt(consentEvents.seq, afterSeq),
        ),
      )
      .orderBy(asc(consentEvents.seq))
      .all(),
  );
}

/** Who a proof is about and who asks for it: their name and address, and the institution's name. */
export function proofParties(db: DbOrTx, tenantId: string, personIds: readonly string[]) {
  return query(db, async (db) => {
    const institution = await db.select({ id: institutions.id, name: institutions.name }).from(institutions).where(eq(institutions.id, tenantId)).get();
    const named: ({ id: string; displayName: string | null; email: string | null } | undefined)[] = [];
    for (const id of personIds) named.push(await db.select({ id: people.id, displayName: people.displayName, email: people.email }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.id, id))).get());
    return { institution, people: named };
  });
}
