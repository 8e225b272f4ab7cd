/**
 * Offer rows: the columns an offer is read with (its company's name
 * included), one offer with its targets, and the writes of an offer and of
 * the entities it is aimed at.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { companies, offers, offerTargets } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export const offerColumns = {
  id: offers.id,
  tenantId: offers.tenantId,
  companyId: offers.companyId,
  companyName: companies.name,
  authorId: offers.authorId,
  title: offers.title,
  description: offers.description,
  kind: offers.kind,
  location: offers.location,
  remote: offers.remote,
  startDate: offers.startDate,
  durationAmount: offers.durationAmount,
  durationUnit: offers.durationUnit,
  weeklyHours: offers.weeklyHours,
  stipendCents: offers.stipendCents,
  apply: offers.apply,
  expiresOn: offers.expiresOn,
  status: offers.status,
  moderationReason: offers.moderationReason,
  version: offers.version,
  createdAt: offers.createdAt,
  updatedAt: offers.updatedAt,
  submittedAt: offers.submittedAt,
  publishedAt: offers.publishedAt,
};

export type OfferRow = {
  [K in keyof typeof offerColumns]: (typeof offerColumns)[K]['_']['notNull'] extends true ? (typeof offerColumns)[K]['_']['data'] : (typeof offerColumns)[K]['_']['data'] | null;
};
export type LoadedOffer = OfferRow & { targetEntityIds: string[] };

/** The entities each offer is aimed at, sorted, by offer id (offers without targets are absent). */
export function targetsByOffer(db: DbOrTx, offerIds: string[]): Promise<Map<string, string[]>> {
  return query(db, async (db) => {
    const map = new Map<string, string[]>();
    if (offerIds.length === 0) return map;
    for (const t of (await db.select({ offerId: offerTargets.offerId, entityId: offerTargets.entityId }).from(offerTargets).where(inArray(offerTargets.offerId, offerIds)).all())) {
      const list = map.get(t.offerId) ?? [];
      list.push(t.entityId);
      map.set(t.offerId, list);
    }
    for (const list of map.values()) list.sort();
    return map;
  });
}

/** One offer of the tenant with its company's name and its targets; undefined if there is none. */
export function findOffer(db: DbOrTx, tenantId: string, id: string): Promise<LoadedOffer | undefined> {
  return query(db, async (db) => {
    const row = (await db
      .select(offerColumns)
      .from(offers)
      .innerJoin(companies, eq(companies.id, offers.companyId))
      .where(and(eq(offers.tenantId, tenantId), eq(offers.id, id)))
      .get());
    if (!row) return undefined;
    return { ...row, targetEntityIds: (await (await targetsByOffer(db, [row.id])).get(row.id)) ?? [] };
  });
}

/** The id of the tenant's offer by this author with this title, if any (the demo seed's key). */
export function findOfferIdByAuthorAndTitle(db: DbOrTx, tenantId: string, authorId: string, title: string): Promise<string | undefined> {
  return query(db, async (db) => (await db.select({ id: offers.id }).from(offers).where(and(eq(offers.tenantId, tenantId), eq(offers.authorId, authorId), eq(offers.title, title))).get())?.id);
}

/** Inserts an offer; returns its new id. */
export function insertOffer(tx: DbOrTx, values: typeof offers.$inferInsert): Promise<string> {
  return query(tx, async (tx) => (await tx.insert(offers).values(values).returning({ id: offers.id }).get()).id);
}

/** Changes the given columns of one offer. */
export function updateOffer(tx: DbOrTx, id: string, values: Partial<typeof offers.$inferInsert>): Promise<void> {
  return query(tx, async (tx) => {
    await tx.update(offers).set(values).where(eq(offers.id, id)).run();
  });
}

/** Aims the offer at exactly these entities (each once). */
export function replaceOfferTargets(tx: DbOrTx, tenantId: string, offerId: string, targetEntityIds: readonly string[]): Promise<void> {
  return query(tx, async (tx) => {
    await tx.delete(offerTargets).where(eq(offerTargets.offerId, offerId)).run();
    for (const entityId of new Set(targetEntityIds)) await tx.insert(offerTargets).values({ tenantId, offerId, entityId }).run();
  });
}

/** Adds one entity to those the offer is aimed at. */
export function insertOfferTarget(tx: DbOrTx, values: typeof offerTargets.$inferInsert): Promise<void> {
  return query(tx, async (tx) => {
    await tx.insert(offerTargets).values(values).run();
  });
}
