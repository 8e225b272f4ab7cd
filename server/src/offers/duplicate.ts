/**
 * Duplicating an offer: a new draft of the caller's with the same text,
 * company and targets, for the next intake. Dates already past (start,
 * expiry) are left out, to be chosen again; the draft is the caller's to
 * edit and submit like any other.
 */
import { can } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { notFound } from '../http/problem.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { findOffer, insertOffer, replaceOfferTargets } from './queries/offers.ts';
import { offerFor, offerView, seenOffer, todayOf, type OfferAnswer } from './offer-view.ts';
import { columnsOf, contentErrors, fieldsOf, referenceErrors, throwIfAny } from './fields.ts';
import { offerLocation } from './create.ts';

/**
 * Reads the offer as the caller may (404 otherwise), checks that they may
 * post it (`offer.create` for its company and targets) and that the copy is
 * within the rules, then writes the draft, its targets, the audit entry
 * (`offer.duplicate`, naming the original) and the remembered answer for the
 * `Idempotency-Key` in one transaction.
 */
export function duplicateOffer(deps: Deps, call: Call, { id }: { id: string }): Promise<OfferAnswer> {
  const { actor, who } = call;
  const today = todayOf(deps.clock.now());
  return withTransaction({ db: deps.db }, async (tx) => {
    const source = await offerFor(tx, actor, id);
    if (!can(actor, 'offer.read', seenOffer(source, today))) throw notFound('offer.notFound');
    const fields = fieldsOf(source);
    if (fields.startDate !== null && fields.startDate < today) fields.startDate = null;
    if (fields.expiresOn !== null && fields.expiresOn < today) fields.expiresOn = null;
    throwIfAny(await referenceErrors(tx, actor.tenantId, fields));
    authorize(actor, 'offer.create', { kind: 'offer', tenantId: actor.tenantId, companyId: fields.companyId, targetEntityIds: fields.targetEntityIds });
    throwIfAny(contentErrors(fields, today, false, deps.config.parameters.internship));
    const copy = await insertOffer(tx, {
      tenantId: actor.tenantId,
      authorId: actor.personId,
      ...columnsOf(fields),
      status: 'draft',
      createdAt: who.at,
      updatedAt: who.at,
      submittedAt: null,
      publishedAt: null,
    });
    await replaceOfferTargets(tx, actor.tenantId, copy, fields.targetEntityIds);
    await writeAudit(tx, who, { action: 'offer.duplicate', objectType: 'offer', objectId: copy, entityIds: fields.targetEntityIds, subjectId: actor.personId, detail: { from: source.id, companyId: fields.companyId, title: fields.title } });
    const offer = (await findOffer(tx, actor.tenantId, copy))!;
    const body = offerView(actor, offer, today);
    await call.remember?.(tx, 201, body, offerLocation(copy));
    return { offer, body };
  });
}
