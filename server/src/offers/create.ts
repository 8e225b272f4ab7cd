/**
 * Creating an offer: a draft, or submitted at once (moderated for students,
 * alumni and representatives; published directly for staff of every target
 * and admins).
 */
import { moderationOutcome, type OfferCreate, type OfferStatus } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { writeAudit } from '../audit/audit.ts';
import { recordEvent } from '../webhooks/record.ts';
import { findOffer, insertOffer, replaceOfferTargets } from './queries/offers.ts';
import { offerView, todayOf, type OfferAnswer } from './offer-view.ts';
import { columnsOf, contentErrors, fieldsOfCreate, referenceErrors, throwIfAny } from './fields.ts';
import { withTransaction } from '../db/transaction.ts';
import { recordFormConsents, type FormConsentChoice } from '../consents/form-consents.ts';

/**
 * Checks the references, the policy and the rules, then writes the offer,
 * its targets, the audit entry, the webhook event, the author's consents
 * asked by the form and the remembered answer in one transaction.
 */
export async function createOffer(deps: Deps, call: Call, { submit, ...input }: OfferCreate, consents: readonly FormConsentChoice[] = []): Promise<OfferAnswer> {
  const { db, clock } = deps;
  const { actor, who } = call;
  const today = todayOf(clock.now());
  const fields = fieldsOfCreate(input);
  throwIfAny(await referenceErrors(db, actor.tenantId, fields));
  const resource = { kind: 'offer', tenantId: actor.tenantId, companyId: fields.companyId, targetEntityIds: fields.targetEntityIds } as const;
  authorize(actor, 'offer.create', resource);
  throwIfAny(contentErrors(fields, today, submit === true, deps.config.parameters.internship));
  const status: OfferStatus = submit ? moderationOutcome(actor, resource) : 'draft';
  return withTransaction({ db }, async (tx) => {
    await recordFormConsents(tx, call, actor.personId, consents, new Date(who.at));
    const id = await insertOffer(tx, {
      tenantId: actor.tenantId,
      authorId: actor.personId,
      ...columnsOf(fields),
      status,
      createdAt: who.at,
      updatedAt: who.at,
      submittedAt: status === 'draft' ? null : who.at,
      publishedAt: status === 'published' ? who.at : null,
    });
    await replaceOfferTargets(tx, actor.tenantId, id, fields.targetEntityIds);
    await writeAudit(tx, who, { action: 'offer.create', objectType: 'offer', objectId: id, entityIds: fields.targetEntityIds, subjectId: actor.personId, detail: { status, companyId: fields.companyId, title: fields.title } });
    if (status !== 'draft') await recordEvent(tx, who, { type: status === 'published' ? 'offer.published' : 'offer.submitted', offerId: id });
    const offer = (await findOffer(tx, actor.tenantId, id))!;
    const body = offerView(actor, offer, today);
    await call.remember?.(tx, 201, body, offerLocation(id));
    return { offer, body };
  });
}

/** Where an offer is read: the `Location` of a created one. */
export function offerLocation(id: string): string {
  return `/v1/offers/${id}`;
}
