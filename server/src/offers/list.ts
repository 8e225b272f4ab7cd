/**
 * The offer lists: published, live offers (default); the caller's own in any
 * state (`mine=true`); or the staff's moderation queue (`queue=true`:
 * submitted offers aimed at their entities, oldest first).
 */
import { and, asc, desc, eq, gte, inArray, isNull, or, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import type { Actor, Offer, OfferListQuerySchema, Page } from '@passerelle/schema';
import type { Db } from '../db/open.ts';
import { companies, offers, offerTargets } from '../db/tables/index.ts';
import { ProblemError, validationProblem } from '../http/problem.ts';
import { coveredEntityIds, isAdmin } from '../auth/roles.ts';
import { afterCursor, encodeCursor } from './cursor.ts';
import { loadTargets, offerColumns, offerView } from './offer-view.ts';

export function listOffers(db: Db, actor: Actor, q: v.InferOutput<typeof OfferListQuerySchema>, today: string): Page<Offer> {
  const mine = q.mine === 'true';
  const queue = q.queue === 'true';
  if (mine && queue) throw validationProblem([{ path: 'queue', message: 'Ask for mine or queue, not both.' }]);
  const live = or(isNull(offers.expiresOn), gte(offers.expiresOn, today));
  const where: (SQL | undefined)[] = [eq(offers.tenantId, actor.tenantId)];
  let sortColumn: typeof offers.publishedAt | typeof offers.updatedAt | typeof offers.submittedAt;
  let ascending = false;
  if (mine) {
    where.push(eq(offers.authorId, actor.personId));
    sortColumn = offers.updatedAt;
  } else if (queue) {
    if (!isAdmin(actor) && !actor.memberships.some((m) => m.role === 'staff')) {
      throw new ProblemError('forbidden', 'Only staff and administrators have a moderation queue. Your own offers are at ?mine=true.');
    }
    where.push(eq(offers.status, 'submitted'), live);
    if (!isAdmin(actor)) {
      where.push(inArray(offers.id, db.select({ id: offerTargets.offerId }).from(offerTargets).where(and(eq(offerTargets.tenantId, actor.tenantId), inArray(offerTargets.entityId, coveredEntityIds(actor))))));
    }
    sortColumn = offers.submittedAt;
    ascending = true;
  } else {
    where.push(eq(offers.status, 'published'), live);
    sortColumn = offers.publishedAt;
  }
  if (q.kind) where.push(eq(offers.kind, q.kind));
  if (q.company) where.push(eq(offers.companyId, q.company));
  if (q.remote) where.push(eq(offers.remote, q.remote));
  if (q.startFrom) where.push(gte(offers.startDate, q.startFrom));
  if (q.entity) where.push(inArray(offers.id, db.select({ id: offerTargets.offerId }).from(offerTargets).where(and(eq(offerTargets.tenantId, actor.tenantId), eq(offerTargets.entityId, q.entity)))));
  where.push(afterCursor(q.cursor, sortColumn, offers.id, !ascending));
  const order = ascending ? [asc(sortColumn), asc(offers.id)] : [desc(sortColumn), desc(offers.id)];
  const rows = db
    .select(offerColumns)
    .from(offers)
    .innerJoin(companies, eq(companies.id, offers.companyId))
    .where(and(...where))
    .orderBy(...order)
    .limit(q.limit + 1)
    .all();
  const page = rows.slice(0, q.limit);
  const targets = loadTargets(db, page.map((r) => r.id));
  const items = page.map((r) => offerView(actor, { ...r, targetEntityIds: targets.get(r.id) ?? [] }, today));
  const last = page.at(-1);
  const lastKey = last ? (mine ? last.updatedAt : queue ? last.submittedAt : last.publishedAt) : null;
  return { items, nextCursor: rows.length > q.limit && last && lastKey ? encodeCursor(lastKey, last.id) : null };
}
