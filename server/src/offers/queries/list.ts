/**
 * One page of an offer list, in the list's own order: published and live
 * offers (newest published first), an author's own offers (last changed
 * first), or the moderation queue (submitted and live, oldest first).
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type * as v from 'valibot';
import type { OfferListQuerySchema } from '@passerelle/schema';
import type { DbOrTx } from '../../db/open.ts';
import { companies, offers, offerTargets } from '../../db/tables/index.ts';
import { offerColumns, type OfferRow } from './offers.ts';

/**
 * Which list: `published`; `mine` (the author's, any state); `queue`
 * (submitted offers aimed at one of `entityIds`, or at any entity when
 * `entityIds` is undefined, as for an administrator).
 */
export type OfferListScope = { list: 'published' } | { list: 'mine'; authorId: string } | { list: 'queue'; entityIds: readonly string[] | undefined };

export type OfferListFilters = Pick<v.InferOutput<typeof OfferListQuerySchema>, 'kind' | 'company' | 'remote' | 'startFrom' | 'entity'>;

/**
 * Up to `limit` rows of the tenant's list, strictly after `after` (the sort
 * key and id of the previous page's last row) when given. `today` decides
 * which published and submitted offers are still live.
 */
export function listOfferRows(
  db: DbOrTx,
  tenantId: string,
  scope: OfferListScope,
  filters: OfferListFilters,
  page: { today: string; after: { sortKey: string; id: string } | undefined; limit: number },
): OfferRow[] {
  const live = or(isNull(offers.expiresOn), gte(offers.expiresOn, page.today));
  const where: (SQL | undefined)[] = [eq(offers.tenantId, tenantId)];
  let sortColumn: typeof offers.publishedAt | typeof offers.updatedAt | typeof offers.submittedAt;
  let ascending = false;
  if (scope.list === 'mine') {
    where.push(eq(offers.authorId, scope.authorId));
    sortColumn = offers.updatedAt;
  } else if (scope.list === 'queue') {
    where.push(eq(offers.status, 'submitted'), live);
    if (scope.entityIds !== undefined) {
      where.push(inArray(offers.id, db.select({ id: offerTargets.offerId }).from(offerTargets).where(and(eq(offerTargets.tenantId, tenantId), inArray(offerTargets.entityId, [...scope.entityIds])))));
    }
    sortColumn = offers.submittedAt;
    ascending = true;
  } else {
    where.push(eq(offers.status, 'published'), live);
    sortColumn = offers.publishedAt;
  }
  if (filters.kind) where.push(eq(offers.kind, filters.kind));
  if (filters.company) where.push(eq(offers.companyId, filters.company));
  if (filters.remote) where.push(eq(offers.remote, filters.remote));
  if (filters.startFrom) where.push(gte(offers.startDate, filters.startFrom));
  if (filters.entity) where.push(inArray(offers.id, db.select({ id: offerTargets.offerId }).from(offerTargets).where(and(eq(offerTargets.tenantId, tenantId), eq(offerTargets.entityId, filters.entity)))));
  if (page.after) {
    const beyond = ascending ? gt : lt;
    where.push(or(beyond(sortColumn, page.after.sortKey), and(eq(sortColumn, page.after.sortKey), beyond(offers.id, page.after.id))));
  }
  const order = ascending ? [asc(sortColumn), asc(offers.id)] : [desc(sortColumn), desc(offers.id)];
  return db
    .select(offerColumns)
    .from(offers)
    .innerJoin(companies, eq(companies.id, offers.companyId))
    .where(and(...where))
    .orderBy(...order)
    .limit(page.limit)
    .all();
}
