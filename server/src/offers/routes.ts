import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { OfferPageSchema, OfferParametersSchema, OfferSchema, IdSchema, ModerationReasonSchema, OfferCreateWithConsentsSchema, OfferListQuerySchema, OfferPatchSchema, OfferRenewSchema, can } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { callOf } from '../call.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { notFound } from '../http/problem.ts';
import { idempotent } from '../http/idempotency.ts';
import { findOffer } from './queries/offers.ts';
import { listTargetEntities } from './queries/references.ts';
import { offerEtag, offerView, seenOffer, todayOf, type OfferAnswer } from './offer-view.ts';
import { listOffers } from './list.ts';
import { createOffer, offerLocation } from './create.ts';
import { formConsentsOf } from '../consents/form-consents.ts';
import { editOffer } from './update.ts';
import { transitionOffer } from './transition.ts';
import { renewOffer } from './renew.ts';
import { duplicateOffer } from './duplicate.ts';
import { describeRoute } from '../http/describe.ts';
import { boardReader } from './visitors.ts';

const idParam = pathParams(v.object({ id: IdSchema }));

export const offerRoutes = new Hono<AppEnv>()
  /** The yearly legal parameters, for the form's live hints, and the entities an offer can be aimed at. */
  .get('/parameters', requireAuth(), describeRoute({ operationId: 'getOfferParameters', summary: 'The year’s legal parameters of internships, and the entities an offer can be aimed at', tags: ['offers'], answers: { 200: OfferParametersSchema } }), async (c) => {
    const { actor } = c.get('auth');
    const targets = await listTargetEntities(c.get('deps').db, actor.tenantId);
    return c.json({ ...c.get('deps').config.parameters.internship, targets }, 200);
  })
  /**
   * Published, live offers (default); the caller's own in any state
   * (`mine=true`); or the staff's moderation queue (`queue=true`: submitted
   * offers aimed at their entities). Filters: q (title, description,
   * company), place, kind, entity, company, remote, startFrom. Published
   * offers are also readable without a session, with `tenant=<slug>`, when
   * the institution opened its board to visitors. These two reads come
   * before `requireAuth` below, which they run themselves (`boardReader`).
   */
  .get('/', boardReader(), describeRoute({ operationId: 'listOffers', summary: 'Published offers (signed out too, with tenant=, where the institution allows it); one’s own with mine=true; the moderation queue with queue=true (staff)', tags: ['offers'], answers: { 200: OfferPageSchema } }), queryParams(OfferListQuerySchema), async (c) => {
    const { db, clock } = c.get('deps');
    return c.json(await listOffers(db, c.get('reader'), c.req.valid('query'), todayOf(clock.now())), 200);
  })
  .get('/:id', boardReader(), describeRoute({ operationId: 'getOffer', summary: 'One offer (a published one signed out too, with tenant=, where the institution allows it)', tags: ['offers'], answers: { 200: OfferSchema }, etag: true }), idParam, async (c) => {
    const actor = c.get('reader');
    const offer = await findOffer(c.get('deps').db, actor.tenantId, c.req.valid('param').id);
    const today = todayOf(c.get('deps').clock.now());
    if (!offer || !can(actor, 'offer.read', seenOffer(offer, today))) throw notFound('offer.notFound');
    c.header('etag', offerEtag(offer));
    return c.json(offerView(actor, offer, today), 200);
  })
  .use(requireAuth())
  /**
   * Creates a draft, or submits at once with `submit: true` (moderated for
   * students, alumni and representatives; published directly for staff of
   * every target and admins). Takes an `Idempotency-Key`: a retried or
   * double-clicked submit creates one offer and answers the same.
   */
  .post('/', describeRoute({ operationId: 'createOffer', summary: 'Create a draft offer, or submit it at once with submit: true', tags: ['offers'], answers: { 201: OfferSchema }, idempotencyKey: true, location: true, etag: true }), idempotent(), jsonBody(OfferCreateWithConsentsSchema), async (c) => {
    const { consents, ...offer } = c.req.valid('json');
    const created = await createOffer(c.get('deps'), callOf(c, { idempotent: true }), offer, formConsentsOf(c, consents));
    c.header('location', offerLocation(created.offer.id));
    return answer(c, created, 201);
  })
  /**
   * Edits an offer (If-Match). Authors keep their offer until it is
   * published; a published offer changed by someone who may not publish it
   * goes back to moderation.
   */
  .patch('/:id', describeRoute({ operationId: 'updateOffer', summary: 'Edit an offer; a published one edited by a non-moderator goes back to moderation', tags: ['offers'], answers: { 200: OfferSchema }, ifMatch: true, etag: true, problems: [409] }), idParam, jsonBody(OfferPatchSchema), async (c) =>
    answer(c, await editOffer(c.get('deps'), callOf(c), { id: c.req.valid('param').id, patch: c.req.valid('json'), ifMatch: c.req.header('if-match') })),
  )
  /** Sends a draft (or an offer sent back) to moderation; takes an `Idempotency-Key`. */
  .post('/:id/submit', describeRoute({ operationId: 'submitOffer', summary: 'Send an offer to moderation (published at once by staff of every target)', tags: ['offers'], answers: { 200: OfferSchema }, idempotencyKey: true, etag: true, problems: [409] }), idempotent(), idParam, async (c) =>
    answer(c, await transitionOffer(c.get('deps'), callOf(c, { idempotent: true }), { id: c.req.valid('param').id, verb: 'submit' })),
  )
  /** Staff of a targeted entity, or an admin, publish a submitted offer. */
  .post('/:id/publish', describeRoute({ operationId: 'publishOffer', summary: 'Publish a submitted offer (moderators)', tags: ['offers'], answers: { 200: OfferSchema }, etag: true, problems: [409] }), idParam, async (c) =>
    answer(c, await transitionOffer(c.get('deps'), callOf(c), { id: c.req.valid('param').id, verb: 'publish' })),
  )
  /** Rejects with a reason the author reads. */
  .post('/:id/reject', describeRoute({ operationId: 'rejectOffer', summary: 'Reject an offer with a reason its author reads (moderators)', tags: ['offers'], answers: { 200: OfferSchema }, etag: true, problems: [409] }), idParam, jsonBody(ModerationReasonSchema), async (c) =>
    answer(c, await transitionOffer(c.get('deps'), callOf(c), { id: c.req.valid('param').id, verb: 'reject', reason: c.req.valid('json').reason })),
  )
  /** Sends the offer back to its author with what to change. */
  .post('/:id/request-changes', describeRoute({ operationId: 'requestOfferChanges', summary: 'Send an offer back to its author with what to change (moderators)', tags: ['offers'], answers: { 200: OfferSchema }, etag: true, problems: [409] }), idParam, jsonBody(ModerationReasonSchema), async (c) =>
    answer(c, await transitionOffer(c.get('deps'), callOf(c), { id: c.req.valid('param').id, verb: 'requestChanges', reason: c.req.valid('json').reason })),
  )
  /** The author (until published), the company's representatives, staff of a target or an admin withdraw it. */
  .post('/:id/withdraw', describeRoute({ operationId: 'withdrawOffer', summary: 'Withdraw an offer', tags: ['offers'], answers: { 200: OfferSchema }, etag: true, problems: [409] }), idParam, async (c) =>
    answer(c, await transitionOffer(c.get('deps'), callOf(c), { id: c.req.valid('param').id, verb: 'withdraw' })),
  )
  /** The position is filled: the offer leaves the listings. */
  .post('/:id/fill', describeRoute({ operationId: 'fillOffer', summary: 'Mark an offer filled: it leaves the listings', tags: ['offers'], answers: { 200: OfferSchema }, etag: true, problems: [409] }), idParam, async (c) =>
    answer(c, await transitionOffer(c.get('deps'), callOf(c), { id: c.req.valid('param').id, verb: 'fill' })),
  )
  /**
   * Pushes the expiry date back (to `expiresOn`, or the latest the rules
   * allow): same status, same text, so no new moderation. Who may edit the
   * offer renews it while it is live or has just expired.
   */
  .post('/:id/renew', describeRoute({ operationId: 'renewOffer', summary: 'Push an offer’s expiry date back, without new moderation', tags: ['offers'], answers: { 200: OfferSchema }, etag: true, problems: [409] }), idParam, jsonBody(OfferRenewSchema), async (c) =>
    answer(c, await renewOffer(c.get('deps'), callOf(c), { id: c.req.valid('param').id, ...c.req.valid('json') })),
  )
  /**
   * A new draft of the caller's with the offer's text, company and targets
   * (dates already past left out), for whoever may read the offer and post
   * it. Takes an `Idempotency-Key`.
   */
  .post('/:id/duplicate', describeRoute({ operationId: 'duplicateOffer', summary: 'Copy an offer into a new draft of one’s own', tags: ['offers'], answers: { 201: OfferSchema }, idempotencyKey: true, location: true, etag: true }), idempotent(), idParam, async (c) => {
    const copy = await duplicateOffer(c.get('deps'), callOf(c, { idempotent: true }), { id: c.req.valid('param').id });
    c.header('location', offerLocation(copy.offer.id));
    return answer(c, copy, 201);
  });

/** A written offer's answer: its ETag, and the offer as the caller may see it. */
function answer<S extends 200 | 201 = 200>(c: Context<AppEnv>, { offer, body }: OfferAnswer, status: S = 200 as S) {
  c.header('etag', offerEtag(offer));
  return c.json(body, status);
}

