/**
 * The offer lists: published, live offers (default); the caller's own in any
 * state (`mine=true`); or the staff's moderation queue (`queue=true`:
 * submitted offers aimed at their entities, oldest first); and every offer
 * of a company, for the company space (`listCompanyOffers`).
 */
import type * as v from 'valibot';
import { entityScope, type Actor, type CompanyOffersQuerySchema, type Offer, type OfferListQuerySchema, type Page } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { listOfferRows, type OfferListScope } from './queries/list.ts';
import { targetsByOffer } from './queries/offers.ts';
import { notFound, unauthenticated, validationProblem } from '../http/problem.ts';
import { findCompany } from '../companies/queries/companies.ts';
import { offerSearchWords } from './search.ts';
import { authorize } from '../auth/authorize.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { offerView } from './offer-view.ts';

export async function listOffers(db: DbOrTx, actor: Actor, q: v.InferOutput<typeof OfferListQuerySchema>, today: string): Promise<Page<Offer>> {
  const mine = q.mine === 'true';
  const queue = q.queue === 'true';
  if (mine && queue) throw validationProblem([{ path: 'queue', code: 'offer.list.mineOrQueue', params: {} }]);
  // A visitor has no offers of their own and no queue: they sign in first.
  if ((mine || queue) && actor.visitor === true) throw unauthenticated();
  let scope: OfferListScope;
  if (mine) {
    scope = { list: 'mine', authorId: actor.personId };
  } else if (queue) {
    authorize(actor, 'offer.queue', { kind: 'records', tenantId: actor.tenantId, entityIds: 'covered' });
    const reach = entityScope(actor);
    scope = { list: 'queue', entityIds: reach.all ? undefined : reach.entityIds };
  } else {
    scope = { list: 'published' };
  }
  const rows = await listOfferRows(db, actor.tenantId, scope, { ...q, match: offerSearchWords(q) }, { today, after: decodeCursor(q.cursor), limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const targets = await targetsByOffer(db, page.map((r) => r.id));
  const items = page.map((r) => offerView(actor, { ...r, targetEntityIds: targets.get(r.id) ?? [] }, today));
  const last = page.at(-1);
  const lastKey = last ? (mine ? last.updatedAt : queue ? last.submittedAt : last.publishedAt) : null;
  return { items, nextCursor: rows.length > q.limit && last && lastKey ? encodeCursor(lastKey, last.id) : null };
}

/**
 * Every offer of a company, whoever of its representatives (or anyone else)
 * posted it and whatever its state, last changed first: what the company
 * space lists (`offer.companyList`: its representatives and administrators).
 * Another tenant's company, or one that does not exist, is 404.
 */
export async function listCompanyOffers(db: DbOrTx, actor: Actor, companyId: string, q: v.InferOutput<typeof CompanyOffersQuerySchema>, today: string): Promise<Page<Offer>> {
  if (!(await findCompany(db, actor.tenantId, companyId))) throw notFound('company.notFound');
  authorize(actor, 'offer.companyList', { kind: 'company', tenantId: actor.tenantId, companyId });
  const rows = await listOfferRows(db, actor.tenantId, { list: 'company', companyId }, {}, { today, after: decodeCursor(q.cursor), limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const targets = await targetsByOffer(db, page.map((r) => r.id));
  const items = page.map((r) => offerView(actor, { ...r, targetEntityIds: targets.get(r.id) ?? [] }, today));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.updatedAt, last.id) : null };
}
