import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { companies, institutions, offerTargets, offers } from '../../db/tables/index.ts';
import { query } from '../../db/transaction.ts';

export function listTenantIds(db: DbOrTx): Promise<string[]> {
  return query(db, async (db) => (await db.select({ id: institutions.id }).from(institutions).all()).map((r) => r.id));
}

/** Published offers whose expiry date falls between `from` and `to` (days, both included). */
export function offersExpiringBetween(db: DbOrTx, tenantId: string, from: string, to: string) {
  return query(db, (db) =>
    db
      .select({ id: offers.id, tenantId: offers.tenantId, authorId: offers.authorId, title: offers.title, expiresOn: offers.expiresOn })
      .from(offers)
      .where(and(eq(offers.tenantId, tenantId), inArray(offers.status, ['published', 'expired']), gte(offers.expiresOn, from), lte(offers.expiresOn, to)))
      .all(),
  );
}

/** Offers waiting for moderation, oldest first, with their company's name and target entities. */
export function offersWaiting(db: DbOrTx, tenantId: string) {
  return query(db, async (db) => {
    const rows = (await db
      .select({ id: offers.id, tenantId: offers.tenantId, authorId: offers.authorId, companyId: offers.companyId, title: offers.title, company: companies.name, submittedAt: offers.submittedAt, updatedAt: offers.updatedAt })
      .from(offers)
      .innerJoin(companies, eq(companies.id, offers.companyId))
      .where(and(eq(offers.tenantId, tenantId), eq(offers.status, 'submitted')))
      .orderBy(asc(offers.submittedAt), asc(offers.id))
      .all());
    if (rows.length === 0) return [];
    const targets = (await db
      .select({ offerId: offerTargets.offerId, entityId: offerTargets.entityId })
      .from(offerTargets)
      .where(and(eq(offerTargets.tenantId, tenantId), inArray(offerTargets.offerId, rows.map((r) => r.id))))
      .all());
    return rows.map((r) => ({ ...r, targetEntityIds: targets.filter((t) => t.offerId === r.id).map((t) => t.entityId) }));
  });
}
