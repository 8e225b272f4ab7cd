/**
 * The offers export, in keyset batches by id: offers aimed at the reader's
 * entities (or every offer of the tenant), whatever their state. The status
 * filter matches the status as readers see it, `expired` included.
 */
import { and, asc, count, eq, gt, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { OfferKind, OfferStatus } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { companies, offers, offerTargets } from '../../db/tables/index.ts';
import { offerColumns, type OfferRow } from '../../offers/queries/offers.ts';
import { expiring } from '../../offers/offer-view.ts';
import { query } from '../../db/transaction.ts';

export interface OfferExportScope {
  tenantId: string;
  /** Offers aimed at one of these entities; undefined: every offer of the tenant. */
  entityIds: readonly string[] | undefined;
  status?: OfferStatus | undefined;
  kind?: OfferKind | undefined;
  /** Today (UTC), which decides what has expired. */
  today: string;
}

/** SQL for "the status a reader sees is `status`" (`effectiveStatus` in `offers/offer-view.ts`). */
function effectiveStatusIs(status: OfferStatus, today: string): SQL | undefined {
  const past = lt(offers.expiresOn, today);
  if (status === 'expired') return or(eq(offers.status, 'expired'), and(inArray(offers.status, [...expiring]), past));
  if (expiring.includes(status)) return and(eq(offers.status, status), or(isNull(offers.expiresOn), gte(offers.expiresOn, today)));
  return eq(offers.status, status);
}

function offerConditions(db: DbOrTx, scope: OfferExportScope): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [eq(offers.tenantId, scope.tenantId)];
  if (scope.entityIds !== undefined) {
    where.push(
      inArray(
        offers.id,
        db.select({ id: offerTargets.offerId }).from(offerTargets).where(and(eq(offerTargets.tenantId, scope.tenantId), inArray(offerTargets.entityId, [...scope.entityIds]))),
      ),
    );
  }
  if (scope.status) where.push(effectiveStatusIs(scope.status, scope.today));
  if (scope.kind) where.push(eq(offers.kind, scope.kind));
  return where;
}

export function countOffersForExport(db: DbOrTx, scope: OfferExportScope): Promise<number> {
  return query(db, async (db) => (await db.select({ n: count() }).from(offers).where(and(...offerConditions(db, scope))).get())?.n ?? 0);
}

/** Up to `limit` offers after the id `after`, by id, with their company's name. */
export function offersBatch(db: DbOrTx, scope: OfferExportScope, after: string | undefined, limit: number): Promise<OfferRow[]> {
  return query(db, (db) => {
    const where = offerConditions(db, scope);
    if (after !== undefined) where.push(gt(offers.id, after));
    return db
      .select(offerColumns)
      .from(offers)
      .innerJoin(companies, eq(companies.id, offers.companyId))
      .where(and(...where))
      .orderBy(asc(offers.id))
      .limit(limit)
      .all();
  });
}
