import { Hono } from 'hono';
import * as v from 'valibot';
import { OfferPageSchema, OfferParametersSchema, OfferSchema, IdSchema, ModerationReasonSchema, OfferCreateSchema, OfferListQuerySchema, OfferPatchSchema, can, closedOfferStatuses, moderationOutcome, type OfferStatus } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError, notFound } from '../http/problem.ts';
import { idempotent, rememberReply } from '../http/idempotency.ts';
import { findOffer, insertOffer, replaceOfferTargets, updateOffer } from './queries/offers.ts';
import { listTargetEntities } from './queries/references.ts';
import { auditOrigin, writeAudit } from '../audit/audit.ts';
import { effectiveStatus, offerEtag, offerFor, offerResource, offerView, seenOffer, todayOf } from './offer-view.ts';
import { columnsOf, contentErrors, fieldsOf, fieldsOfCreate, referenceErrors, throwIfAny, type Fields } from './fields.ts';
import { listOffers } from './list.ts';
import { transition } from './transition.ts';
import { recordEvent } from '../webhooks/record.ts';
import { describeRoute } from '../http/describe.ts';

const idParam = pathParams(v.object({ id: IdSchema }));

export const offerRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** The yearly legal parameters, for the form's live hints, and the entities an offer can be aimed at. */
  .get('/parameters', describeRoute({ operationId: 'getOfferParameters', summary: 'The year’s legal parameters of internships, and the entities an offer can be aimed at', tags: ['offers'], answers: { 200: OfferParametersSchema } }), (c) => {
    const { actor } = c.var.auth;
    const targets = listTargetEntities(c.var.deps.db, actor.tenantId);
    return c.json({ ...c.var.deps.config.parameters.internship, targets }, 200);
  })
  /**
   * Published, live offers (default); the caller's own in any state
   * (`mine=true`); or the staff's moderation queue (`queue=true`: submitted
   * offers aimed at their entities). Filters: kind, entity, company, remote, startFrom.
   */
  .get('/', describeRoute({ operationId: 'listOffers', summary: 'Published offers; one’s own with mine=true; the moderation queue with queue=true (staff)', tags: ['offers'], answers: { 200: OfferPageSchema } }), queryParams(OfferListQuerySchema), (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    const q = c.req.valid('query');
    return c.json(listOffers(db, actor, q, todayOf(clock.now())), 200);
  })
  /**
   * Creates a draft, or submits at once with `submit: true` (moderated for
   * students, alumni and representatives; published directly for staff of
   * every target and admins). Takes an `Idempotency-Key`: a retried or
   * double-clicked submit creates one offer and answers the same.
   */
  .post('/', describeRoute({ operationId: 'createOffer', summary: 'Create a draft offer, or submit it at once with submit: true', tags: ['offers'], answers: { 201: OfferSchema }, idempotencyKey: true, location: true, etag: true }), idempotent(), jsonBody(OfferCreateSchema), (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    const { submit, ...input } = c.req.valid('json');
    const today = todayOf(clock.now());
    const fields = fieldsOfCreate(input);
    throwIfAny(referenceErrors(db, actor.tenantId, fields));
    const resource = { kind: 'offer', tenantId: actor.tenantId, companyId: fields.companyId, targetEntityIds: fields.targetEntityIds } as const;
    authorize(actor, 'offer.create', resource);
    throwIfAny(contentErrors(fields, today, submit === true, c.var.deps.config.parameters.internship));
    const status: OfferStatus = submit ? moderationOutcome(actor, resource) : 'draft';
    const who = auditOrigin(c);
    const result = db.transaction((tx) => {
      const id = insertOffer(tx, {
        tenantId: actor.tenantId,
        authorId: actor.personId,
        ...columnsOf(fields),
        status,
        createdAt: who.at,
        updatedAt: who.at,
        submittedAt: status === 'draft' ? null : who.at,
        publishedAt: status === 'published' ? who.at : null,
      });
      replaceOfferTargets(tx, actor.tenantId, id, fields.targetEntityIds);
      writeAudit(tx, who, { action: 'offer.create', objectType: 'offer', objectId: id, entityIds: fields.targetEntityIds, subjectId: actor.personId, detail: { status, companyId: fields.companyId, title: fields.title } });
      if (status !== 'draft') recordEvent(tx, who, { type: status === 'published' ? 'offer.published' : 'offer.submitted', offerId: id });
      const offer = findOffer(tx, actor.tenantId, id)!;
      const body = offerView(actor, offer, today);
      rememberReply(tx, c, 201, body, `/v1/offers/${id}`);
      return { offer, body };
    });
    c.header('location', `/v1/offers/${result.offer.id}`);
    c.header('etag', offerEtag(result.offer));
    return c.json(result.body, 201);
  })
  .get('/:id', describeRoute({ operationId: 'getOffer', summary: 'One offer', tags: ['offers'], answers: { 200: OfferSchema }, etag: true }), idParam, (c) => {
    const { actor } = c.var.auth;
    const offer = findOffer(c.var.deps.db, actor.tenantId, c.req.valid('param').id);
    const today = todayOf(c.var.deps.clock.now());
    if (!offer || !can(actor, 'offer.read', seenOffer(offer, today))) throw notFound('offer.notFound');
    c.header('etag', offerEtag(offer));
    return c.json(offerView(actor, offer, today), 200);
  })
  /**
   * Edits an offer (If-Match). Authors keep their offer until it is
   * published; a published offer changed by someone who may not publish it
   * goes back to moderation.
   */
  .patch('/:id', describeRoute({ operationId: 'updateOffer', summary: 'Edit an offer; a published one edited by a non-moderator goes back to moderation', tags: ['offers'], answers: { 200: OfferSchema }, ifMatch: true, etag: true, problems: [409] }), idParam, jsonBody(OfferPatchSchema), (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    const patch = c.req.valid('json');
    const id = c.req.valid('param').id;
    const ifMatch = c.req.header('if-match');
    const today = todayOf(clock.now());
    const who = auditOrigin(c);
    const updated = db.transaction((tx) => {
      const offer = offerFor(tx, actor, id);
      if (!can(actor, 'offer.read', seenOffer(offer, today))) throw notFound('offer.notFound');
      authorize(actor, 'offer.edit', offerResource(offer));
      if (!ifMatch) throw new ProblemError('preconditionRequired', 'offer.ifMatchRequired');
      if (ifMatch !== offerEtag(offer) && ifMatch !== `W/${offerEtag(offer)}`) {
        throw new ProblemError('preconditionFailed', 'offer.changed');
      }
      const current = effectiveStatus(offer, today);
      if (closedOfferStatuses.includes(current)) throw new ProblemError('conflict', 'offer.closed', { status: current }, { members: { currentStatus: current } });
      const before = fieldsOf(offer);
      const next: Fields = { ...before };
      for (const [key, value] of Object.entries(patch) as [keyof Fields, unknown][]) {
        if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
      }
      if (patch.targetEntityIds) next.targetEntityIds = [...new Set(patch.targetEntityIds)];
      throwIfAny(referenceErrors(tx, actor.tenantId, next));
      if (next.companyId !== before.companyId || patch.targetEntityIds) {
        // Moving an offer is posting it anew: the new company and targets must be the editor's to post for.
        authorize(actor, 'offer.create', { kind: 'offer', tenantId: actor.tenantId, companyId: next.companyId, targetEntityIds: next.targetEntityIds });
        authorize(actor, 'offer.edit', offerResource({ ...offer, companyId: next.companyId, targetEntityIds: next.targetEntityIds }));
      }
      throwIfAny(contentErrors(next, today, offer.status !== 'draft', c.var.deps.config.parameters.internship));
      const backToModeration = offer.status === 'published' && moderationOutcome(actor, offerResource({ ...offer, companyId: next.companyId, targetEntityIds: next.targetEntityIds })) !== 'published';
      updateOffer(tx, offer.id, { ...columnsOf(next), version: offer.version + 1, updatedAt: who.at, ...(backToModeration ? { status: 'submitted' as const, submittedAt: who.at } : {}) });
      if (patch.targetEntityIds) replaceOfferTargets(tx, actor.tenantId, offer.id, next.targetEntityIds);
      writeAudit(tx, who, {
        action: 'offer.edit',
        objectType: 'offer',
        objectId: offer.id,
        entityIds: next.targetEntityIds,
        subjectId: offer.authorId,
        detail: { fields: Object.keys(patch), ...(backToModeration ? { status: 'submitted' } : {}) },
      });
      if (backToModeration) recordEvent(tx, who, { type: 'offer.submitted', offerId: offer.id });
      return findOffer(tx, actor.tenantId, offer.id)!;
    });
    c.header('etag', offerEtag(updated));
    return c.json(offerView(actor, updated, today), 200);
  })
  /** Sends a draft (or an offer sent back) to moderation; takes an `Idempotency-Key`. */
  .post('/:id/submit', describeRoute({ operationId: 'submitOffer', summary: 'Send an offer to moderation (published at once by staff of every target)', tags: ['offers'], answers: { 200: OfferSchema }, idempotencyKey: true, etag: true, problems: [409] }), idempotent(), idParam, (c) =>
    transition(c, {
      audit: 'offer.submit', verb: 'submit',
      check: (offer, today) => throwIfAny(contentErrors(fieldsOf(offer), today, true, c.var.deps.config.parameters.internship)),
      remember: true,
    }),
  )
  /** Staff of a targeted entity, or an admin, publish a submitted offer. */
  .post('/:id/publish', describeRoute({ operationId: 'publishOffer', summary: 'Publish a submitted offer (moderators)', tags: ['offers'], answers: { 200: OfferSchema }, etag: true, problems: [409] }), idParam, (c) =>
    transition(c, {
      audit: 'offer.publish', verb: 'publish',
      check: (offer, today) => throwIfAny(contentErrors(fieldsOf(offer), today, true, c.var.deps.config.parameters.internship)),
    }),
  )
  /** Rejects with a reason the author reads. */
  .post('/:id/reject', describeRoute({ operationId: 'rejectOffer', summary: 'Reject an offer with a reason its author reads (moderators)', tags: ['offers'], answers: { 200: OfferSchema }, etag: true, problems: [409] }), idParam, jsonBody(ModerationReasonSchema), (c) =>
    transition(c, { audit: 'offer.reject', verb: 'reject', reason: c.req.valid('json').reason }),
  )
  /** Sends the offer back to its author with what to change. */
  .post('/:id/request-changes', describeRoute({ operationId: 'requestOfferChanges', summary: 'Send an offer back to its author with what to change (moderators)', tags: ['offers'], answers: { 200: OfferSchema }, etag: true, problems: [409] }), idParam, jsonBody(ModerationReasonSchema), (c) =>
    transition(c, { audit: 'offer.request_changes', verb: 'requestChanges', reason: c.req.valid('json').reason }),
  )
  /** The author (until published), the company's representatives, staff of a target or an admin withdraw it. */
  .post('/:id/withdraw', describeRoute({ operationId: 'withdrawOffer', summary: 'Withdraw an offer', tags: ['offers'], answers: { 200: OfferSchema }, etag: true, problems: [409] }), idParam, (c) =>
    transition(c, { audit: 'offer.withdraw', verb: 'withdraw' }),
  )
  /** The position is filled: the offer leaves the listings. */
  .post('/:id/fill', describeRoute({ operationId: 'fillOffer', summary: 'Mark an offer filled: it leaves the listings', tags: ['offers'], answers: { 200: OfferSchema }, etag: true, problems: [409] }), idParam, (c) => transition(c, { audit: 'offer.fill', verb: 'fill' }));

