/**
 * One page of an offer list, in the list's own order: published and live
 * offers (newest published first), an author's own offers (last changed
 * first), or the moderation queue (submitted and live, oldest first).
 */
import { and, asc, desc, eq, exists, gt, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type * as v from 'valibot';
import type { OfferListQuerySchema } from '@passerelle/schema';
import { isPostgres, type DbOrTx } from '../../db/open.ts';
import { companies, offers, offerTargets } from '../../db/tables/index.ts';
import { offerColumns, type OfferRow } from './offers.ts';
import { query } from '../../db/transaction.ts';
import { nothing } from '../../db/dialect.ts';
import { offerMatchExpression, type OfferSearchWords } from '../search.ts';
import { matchingOnPostgres } from './match-postgres.ts';

/**
 * Which list: `published`; `mine` (the author's, any state); `company`
 * (a company's, by any author, any state: the company space); `queue`
 * (submitted offers aimed at one of `entityIds`, or at any entity when
 * `entityIds` is undefined, as for an administrator).
 */
export type OfferListScope =
  | { list: 'published' }
  | { list: 'mine'; authorId: string }
  | { list: 'company'; companyId: string }
  | { list: 'queue'; entityIds: readonly string[] | undefined };

export type OfferListFilters = Pick<v.InferOutput<typeof OfferListQuerySchema>, 'kind' | 'company' | 'remote' | 'startFrom' | 'entity'> & {
  /** The words searched (`offers/search.ts`); `null`: nothing can match. */
  match?: OfferSearchWords | null | undefined;
};

/**
 * The FTS5 index (`drizzle/0005_offer-search.sql`) and the table that gives
 * each offer its document number there, declared for the query builder
 * only: outside `db/tables/` so that drizzle-kit does not try to create them.
 */
const offerSearch = sqliteTable('offer_search', { rowid: integer('rowid').notNull() });
const offerSearchDocs = sqliteTable('offer_search_docs', { docid: integer('docid').notNull(), offerId: text('offer_id').notNull() });

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
): Promise<OfferRow[]> {
  return query(db, async (db) => {
    const live = or(isNull(offers.expiresOn), gte(offers.expiresOn, page.today));
    const where: (SQL | undefined)[] = [eq(offers.tenantId, tenantId)];
    let sortColumn: typeof offers.publishedAt | typeof offers.updatedAt | typeof offers.submittedAt;
    let ascending = false;
    if (scope.list === 'mine') {
      where.push(eq(offers.authorId, scope.authorId));
      sortColumn = offers.updatedAt;
    } else if (scope.list === 'company') {
      where.push(eq(offers.companyId, scope.companyId));
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
    if (filters.match === null) where.push(nothing());
    else if (filters.match !== undefined) where.push(isPostgres(db) ? matchingOnPostgres(db, filters.match) : await matching(db, offerMatchExpression(filters.match)));
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
  });
}

/** Above this many matching offers (of every tenant and status) a search is broad: see `matching`. */
export const NARROW_SEARCH = 2000;

/**
 * The offers that match an FTS5 expression (SQLite), as a condition, in the shape
 * that is cheap for how many there are (counted up to NARROW_SEARCH + 1
 * first, a few milliseconds):
 *  - narrow: their ids from the index, a small set the list's own index walk
 *    tests each row against;
 *  - broad ("stage", a town): building that set would mean tens of
 *    thousands of ids for a page of twenty, so each row of the list's walk,
 *    in page order, asks the index whether that one offer matches (a seek by
 *    document number) until the page is full, which comes quickly when
 *    matches are common.
 */
async function matching(db: DbOrTx, match: string): Promise<SQL> {
  const sample = db.select({ one: sql`1` }).from(offerSearch).where(sql`${offerSearch} MATCH ${match}`).limit(NARROW_SEARCH + 1).as('sample');
  const found = (await db.select({ n: sql<number>`count(*)` }).from(sample).get())?.n ?? 0;
  if (found <= NARROW_SEARCH) {
    return inArray(
      offers.id,
      db.select({ id: offerSearchDocs.offerId }).from(offerSearch).innerJoin(offerSearchDocs, eq(offerSearchDocs.docid, offerSearch.rowid)).where(sql`${offerSearch} MATCH ${match}`),
    );
  }
  const docOfRow = db.select({ docid: offerSearchDocs.docid }).from(offerSearchDocs).where(eq(offerSearchDocs.offerId, offers.id));
  return exists(db.select({ one: sql`1` }).from(offerSearch).where(and(sql`${offerSearch} MATCH ${match}`, sql`${offerSearch.rowid} = (${docOfRow})`)));
}
