import { Hono, type Context } from 'hono';
import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import {
  IdSchema,
  ModerationReasonSchema,
  OfferCreateSchema,
  OfferListQuerySchema,
  OfferPatchSchema,
  missingForSubmission,
  offerRuleErrors,
  selfAndAncestors,
  type Actor,
  type FieldError,
  type OfferKind,
  type OfferStatus,
  type RemotePolicy,
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import type { DbOrTx } from '../db/open.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { authorize } from '../auth/authorize.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { ProblemError, notFound, validationProblem } from '../http/problem.ts';
import { idempotent, rememberReply } from '../http/idempotency.ts';
import { companies, entities, offers, offerTargets } from '../db/tables/index.ts';
import { auditOrigin, writeAudit } from '../db/audit.ts';
import { internshipParameters } from '../config/internship.ts';
import { decodeCursor, encodeCursor } from '../offers/cursor.ts';
import {
  canRead,
  effectiveStatus,
  loadOffer,
  loadTargets,
  offerColumns,
  offerEtag,
  offerResource,
  offerView,
  publishesDirectly,
  todayOf,
  type LoadedOffer,
} from '../offers/offer-view.ts';

// Read at import, so that a bad configuration file stops the boot.
const parameters = internshipParameters();

/** The typed fields of an offer, as stored (null = not given yet). */
interface Fields {
  companyId: string;
  title: string;
  description: string | null;
  kind: OfferKind;
  targetEntityIds: string[];
  location: string | null;
  remote: RemotePolicy | null;
  startDate: string | null;
  duration: { amount: number; unit: 'months' | 'weeks' } | null;
  weeklyHours: number | null;
  stipend: { amountCents: number } | null;
  apply: string | null;
  expiresOn: string | null;
}

function fieldsOf(o: LoadedOffer): Fields {
  return {
    companyId: o.companyId,
    title: o.title,
    description: o.description,
    kind: o.kind,
    targetEntityIds: o.targetEntityIds,
    location: o.location,
    remote: o.remote,
    startDate: o.startDate,
    duration: o.durationAmount !== null && o.durationUnit !== null ? { amount: o.durationAmount, unit: o.durationUnit } : null,
    weeklyHours: o.weeklyHours,
    stipend: o.stipendCents !== null ? { amountCents: o.stipendCents } : null,
    apply: o.apply,
    expiresOn: o.expiresOn,
  };
}

function columnsOf(f: Fields) {
  return {
    companyId: f.companyId,
    title: f.title,
    description: f.description || null,
    kind: f.kind,
    location: f.location || null,
    remote: f.remote,
    startDate: f.startDate,
    durationAmount: f.duration?.amount ?? null,
    durationUnit: f.duration?.unit ?? null,
    weeklyHours: f.weeklyHours,
    stipendCents: f.stipend?.amountCents ?? null,
    apply: f.apply,
    expiresOn: f.expiresOn,
  };
}

/** The company must be an active one of the tenant; targets must be its entities. */
function referenceErrors(db: DbOrTx, tenantId: string, f: Fields): FieldError[] {
  const errors: FieldError[] = [];
  const company = db.select({ status: companies.status }).from(companies).where(and(eq(companies.tenantId, tenantId), eq(companies.id, f.companyId))).get();
  if (!company) {
    errors.push({ path: 'companyId', message: 'Choose a company from the list. If yours is missing, ask your careers office to add it.' });
  } else if (company.status !== 'active') {
    errors.push({ path: 'companyId', message: 'This company is waiting for the careers office to verify it; you can post for it once it is verified.' });
  }
  const unique = [...new Set(f.targetEntityIds)];
  const found = db.select({ id: entities.id }).from(entities).where(and(eq(entities.tenantId, tenantId), inArray(entities.id, unique))).all();
  if (found.length !== unique.length) errors.push({ path: 'targetEntityIds', message: 'Choose schools or programmes from the list.' });
  return errors;
}

/** Rules always; completeness too when the offer is (or is going) beyond draft. */
function contentErrors(f: Fields, today: string, complete: boolean): FieldError[] {
  const ruleInput = {
    kind: f.kind,
    startDate: f.startDate ?? undefined,
    duration: f.duration ?? undefined,
    weeklyHours: f.weeklyHours ?? undefined,
    stipend: f.stipend,
    expiresOn: f.expiresOn ?? undefined,
  };
  return [...(complete ? missingForSubmission(f) : []), ...offerRuleErrors(ruleInput, parameters, today)];
}

function throwIfAny(errors: FieldError[]): void {
  if (errors.length > 0) throw validationProblem(errors);
}

function setTargets(tx: DbOrTx, tenantId: string, offerId: string, targetEntityIds: string[]): void {
  tx.delete(offerTargets).where(eq(offerTargets.offerId, offerId)).run();
  for (const entityId of new Set(targetEntityIds)) tx.insert(offerTargets).values({ tenantId, offerId, entityId }).run();
}

/** Entities a staff member looks after: theirs and everything below. */
function coveredEntityIds(actor: Actor): string[] {
  const staff = new Set(actor.memberships.flatMap((m) => (m.role === 'staff' ? [m.entityId] : [])));
  return Object.keys(actor.entityParents).filter((id) => selfAndAncestors(actor.entityParents, id).some((a) => staff.has(a)));
}

const isAdmin = (actor: Actor) => actor.memberships.some((m) => m.role === 'admin');

/** Loads the offer for a verb: 404 if the caller cannot know it exists. */
function offerFor(db: DbOrTx, actor: Actor, id: string): LoadedOffer {
  const offer = loadOffer(db, actor.tenantId, id);
  if (!offer) throw notFound('This offer');
  return offer;
}

function reply(c: Context<AppEnv>, actor: Actor, id: string, status: 200 | 201 = 200) {
  const today = todayOf(c.var.deps.clock.now());
  const offer = loadOffer(c.var.deps.db, actor.tenantId, id)!;
  c.header('etag', offerEtag(offer));
  return c.json(offerView(actor, offer, today), status);
}

const idParam = pathParams(v.object({ id: IdSchema }));

/**
 * A moderation or lifecycle verb: checks the policy and the current status,
 * moves the offer, writes the audit entry, all in one transaction.
 */
function transition(
  c: Context<AppEnv>,
  options: { action: 'offer.edit' | 'offer.moderate'; audit: string; verb: string; from: readonly OfferStatus[]; to: (actor: Actor, offer: LoadedOffer) => OfferStatus; reason?: string; check?: (offer: LoadedOffer, today: string) => void; remember?: boolean },
) {
  const { db, clock } = c.var.deps;
  const { actor } = c.var.auth;
  const id = (c.req.param() as { id: string }).id;
  const who = auditOrigin(c);
  const today = todayOf(clock.now());
  const result = db.transaction((tx) => {
    const offer = offerFor(tx, actor, id);
    const current = effectiveStatus(offer, today);
    authorize(actor, options.action, offerResource({ ...offer, status: offer.status }));
    if (!options.from.includes(current)) {
      throw new ProblemError('conflict', `This offer is ${current.replace('_', ' ')}; it cannot be ${options.verb} now.`, { status: current });
    }
    options.check?.(offer, today);
    const to = options.to(actor, offer);
    const now = who.at;
    tx.update(offers)
      .set({
        status: to,
        version: offer.version + 1,
        updatedAt: now,
        moderationReason: options.reason ?? (to === 'published' ? null : offer.moderationReason),
        ...(to === 'submitted' ? { submittedAt: now } : {}),
        ...(to === 'published' ? { publishedAt: now, submittedAt: offer.submittedAt ?? now } : {}),
      })
      .where(eq(offers.id, offer.id))
      .run();
    writeAudit(tx, who, {
      action: options.audit,
      objectType: 'offer',
      objectId: offer.id,
      entityIds: offer.targetEntityIds,
      subjectId: offer.authorId,
      detail: { from: current, to, ...(options.reason ? { reason: options.reason } : {}) },
    });
    const updated = loadOffer(tx, actor.tenantId, offer.id)!;
    const body = offerView(actor, updated, today);
    if (options.remember) rememberReply(tx, c, 200, body);
    return { updated, body };
  });
  c.header('etag', offerEtag(result.updated));
  return c.json(result.body, 200);
}

export const offerRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  /** The yearly legal parameters, for the form's live hints, and the entities an offer can be aimed at. */
  .get('/parameters', (c) => {
    const { actor } = c.var.auth;
    const targets = c.var.deps.db
      .select({ id: entities.id, name: entities.name, kind: entities.kind, parentId: entities.parentId })
      .from(entities)
      .where(eq(entities.tenantId, actor.tenantId))
      .orderBy(asc(entities.name))
      .all();
    return c.json({ ...parameters, targets }, 200);
  })
  /**
   * Published, live offers (default); the caller's own in any state
   * (`mine=true`); or the staff's moderation queue (`queue=true`: submitted
   * offers aimed at their entities). Filters: kind, entity, company, remote, startFrom.
   */
  .get('/', queryParams(OfferListQuerySchema), (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    const q = c.req.valid('query');
    const today = todayOf(clock.now());
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
    const after = decodeCursor(q.cursor);
    if (after) {
      const beyond = ascending ? gt : lt;
      where.push(or(beyond(sortColumn, after.sortKey), and(eq(sortColumn, after.sortKey), beyond(offers.id, after.id))));
    }
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
    return c.json({ items, nextCursor: rows.length > q.limit && last && lastKey ? encodeCursor(lastKey, last.id) : null }, 200);
  })
  /**
   * Creates a draft, or submits at once with `submit: true` (moderated for
   * students, alumni and representatives; published directly for staff of
   * every target and admins). Takes an `Idempotency-Key`: a retried or
   * double-clicked submit creates one offer and answers the same.
   */
  .post('/', idempotent(), jsonBody(OfferCreateSchema), (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    const { submit, ...input } = c.req.valid('json');
    const today = todayOf(clock.now());
    const fields: Fields = {
      companyId: input.companyId,
      title: input.title,
      description: input.description ?? null,
      kind: input.kind,
      targetEntityIds: [...new Set(input.targetEntityIds)],
      location: input.location ?? null,
      remote: input.remote ?? null,
      startDate: input.startDate ?? null,
      duration: input.duration ?? null,
      weeklyHours: input.weeklyHours ?? null,
      stipend: input.stipend ?? null,
      apply: input.apply ?? null,
      expiresOn: input.expiresOn ?? null,
    };
    throwIfAny(referenceErrors(db, actor.tenantId, fields));
    authorize(actor, 'offer.create', { kind: 'offer', tenantId: actor.tenantId, companyId: fields.companyId, targetEntityIds: fields.targetEntityIds });
    throwIfAny(contentErrors(fields, today, submit === true));
    const status: OfferStatus = submit ? (publishesDirectly(actor, fields.targetEntityIds) ? 'published' : 'submitted') : 'draft';
    const who = auditOrigin(c);
    const result = db.transaction((tx) => {
      const id = tx
        .insert(offers)
        .values({
          tenantId: actor.tenantId,
          authorId: actor.personId,
          ...columnsOf(fields),
          status,
          createdAt: who.at,
          updatedAt: who.at,
          submittedAt: status === 'draft' ? null : who.at,
          publishedAt: status === 'published' ? who.at : null,
        })
        .returning({ id: offers.id })
        .get().id;
      setTargets(tx, actor.tenantId, id, fields.targetEntityIds);
      writeAudit(tx, who, { action: 'offer.create', objectType: 'offer', objectId: id, entityIds: fields.targetEntityIds, subjectId: actor.personId, detail: { status, companyId: fields.companyId, title: fields.title } });
      const offer = loadOffer(tx, actor.tenantId, id)!;
      const body = offerView(actor, offer, today);
      rememberReply(tx, c, 201, body, `/v1/offers/${id}`);
      return { offer, body };
    });
    c.header('location', `/v1/offers/${result.offer.id}`);
    c.header('etag', offerEtag(result.offer));
    return c.json(result.body, 201);
  })
  .get('/:id', idParam, (c) => {
    const { actor } = c.var.auth;
    const offer = loadOffer(c.var.deps.db, actor.tenantId, c.req.valid('param').id);
    const today = todayOf(c.var.deps.clock.now());
    if (!offer || !canRead(actor, offer, today)) throw notFound('This offer');
    c.header('etag', offerEtag(offer));
    return c.json(offerView(actor, offer, today), 200);
  })
  /**
   * Edits an offer (If-Match). Authors keep their offer until it is
   * published; a published offer changed by someone who may not publish it
   * goes back to moderation.
   */
  .patch('/:id', idParam, jsonBody(OfferPatchSchema), (c) => {
    const { db, clock } = c.var.deps;
    const { actor } = c.var.auth;
    const patch = c.req.valid('json');
    const id = c.req.valid('param').id;
    const ifMatch = c.req.header('if-match');
    const today = todayOf(clock.now());
    const who = auditOrigin(c);
    const updated = db.transaction((tx) => {
      const offer = offerFor(tx, actor, id);
      if (!canRead(actor, offer, today)) throw notFound('This offer');
      authorize(actor, 'offer.edit', offerResource(offer));
      if (!ifMatch) throw new ProblemError('preconditionRequired', 'Send If-Match with the ETag you read, so that nobody’s change is overwritten.');
      if (ifMatch !== offerEtag(offer) && ifMatch !== `W/${offerEtag(offer)}`) {
        throw new ProblemError('preconditionFailed', 'This offer was changed since you loaded it. Reload it, then apply your change again.');
      }
      const current = effectiveStatus(offer, today);
      if (current === 'withdrawn' || current === 'filled') throw new ProblemError('conflict', `This offer is ${current}; it can no longer be edited.`, { status: current });
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
      throwIfAny(contentErrors(next, today, offer.status !== 'draft'));
      const backToModeration = offer.status === 'published' && !publishesDirectly(actor, next.targetEntityIds);
      tx.update(offers)
        .set({ ...columnsOf(next), version: offer.version + 1, updatedAt: who.at, ...(backToModeration ? { status: 'submitted' as const, submittedAt: who.at } : {}) })
        .where(eq(offers.id, offer.id))
        .run();
      if (patch.targetEntityIds) setTargets(tx, actor.tenantId, offer.id, next.targetEntityIds);
      writeAudit(tx, who, {
        action: 'offer.edit',
        objectType: 'offer',
        objectId: offer.id,
        entityIds: next.targetEntityIds,
        subjectId: offer.authorId,
        detail: { fields: Object.keys(patch), ...(backToModeration ? { status: 'submitted' } : {}) },
      });
      return loadOffer(tx, actor.tenantId, offer.id)!;
    });
    c.header('etag', offerEtag(updated));
    return c.json(offerView(actor, updated, today), 200);
  })
  /** Sends a draft (or an offer sent back) to moderation; takes an `Idempotency-Key`. */
  .post('/:id/submit', idempotent(), idParam, (c) =>
    transition(c, {
      action: 'offer.edit',
      audit: 'offer.submit', verb: 'submitted',
      from: ['draft', 'changes_requested', 'rejected'],
      to: (actor, offer) => (publishesDirectly(actor, offer.targetEntityIds) ? 'published' : 'submitted'),
      check: (offer, today) => throwIfAny(contentErrors(fieldsOf(offer), today, true)),
      remember: true,
    }),
  )
  /** Staff of a targeted entity, or an admin, publish a submitted offer. */
  .post('/:id/publish', idParam, (c) =>
    transition(c, {
      action: 'offer.moderate',
      audit: 'offer.publish', verb: 'published',
      from: ['submitted'],
      to: () => 'published',
      check: (offer, today) => throwIfAny(contentErrors(fieldsOf(offer), today, true)),
    }),
  )
  /** Rejects with a reason the author reads. */
  .post('/:id/reject', idParam, jsonBody(ModerationReasonSchema), (c) =>
    transition(c, { action: 'offer.moderate', audit: 'offer.reject', verb: 'rejected', from: ['submitted', 'published'], to: () => 'rejected', reason: c.req.valid('json').reason }),
  )
  /** Sends the offer back to its author with what to change. */
  .post('/:id/request-changes', idParam, jsonBody(ModerationReasonSchema), (c) =>
    transition(c, { action: 'offer.moderate', audit: 'offer.request_changes', verb: 'sent back for changes', from: ['submitted', 'published'], to: () => 'changes_requested', reason: c.req.valid('json').reason }),
  )
  /** The author (until published), the company's representatives, staff of a target or an admin withdraw it. */
  .post('/:id/withdraw', idParam, (c) =>
    transition(c, { action: 'offer.edit', audit: 'offer.withdraw', verb: 'withdrawn', from: ['draft', 'submitted', 'changes_requested', 'rejected', 'published'], to: () => 'withdrawn' }),
  )
  /** The position is filled: the offer leaves the listings. */
  .post('/:id/fill', idParam, (c) => transition(c, { action: 'offer.edit', audit: 'offer.fill', verb: 'marked filled', from: ['published'], to: () => 'filled' }));

