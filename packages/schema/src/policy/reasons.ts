/**
 * Every refusal as a message code: why, and what to do instead, worded in
 * each language by the catalogues (messages/fr.ts, messages/en.ts). The
 * server puts the words in the problem document's `detail`, in the
 * reader's language, with the code beside them.
 */
import type { Message } from '../messages/codes.ts';
import type { Action } from './types.ts';

/** Another tenant's object: the server answers 404, so the reason reveals nothing. */
export const NOT_FOUND: Message = { code: 'policy.notFound', params: {} };

const refused = (action: Action): Message => ({ code: 'policy.refused', params: { action } });

/** Why each action is refused, when the actor's roles do not allow it. */
export const refusalReasons: Readonly<Record<Action, Message>> = {
  'profile.read': refused('profile.read'),
  'profile.edit': refused('profile.edit'),
  'consent.read': refused('consent.read'),
  'consent.edit': refused('consent.edit'),
  'consent.proof': refused('consent.proof'),
  'data.export': refused('data.export'),
  'company.search': refused('company.search'),
  'company.create': refused('company.create'),
  'company.request': refused('company.request'),
  'company.edit': refused('company.edit'),
  'company.moderate': refused('company.moderate'),
  'offer.create': refused('offer.create'),
  'offer.edit': refused('offer.edit'),
  'offer.moderate': refused('offer.moderate'),
  'pledge.donate': refused('pledge.donate'),
  'pledge.tax': refused('pledge.tax'),
  'pledge.readAmount': refused('pledge.readAmount'),
  'audit.read': refused('audit.read'),
  'webhook.manage': refused('webhook.manage'),
  'records.export': refused('records.export'),
  'offer.read': refused('offer.read'),
  'offer.publishDirectly': refused('offer.publishDirectly'),
  'offer.queue': { code: 'policy.moderationQueue', params: {} },
  'offer.browse': { code: 'policy.offerBoardSignIn', params: {} },
  'offer.companyList': refused('offer.companyList'),
  'company.representatives': refused('company.representatives'),
  'pledge.read': refused('pledge.read'),
  'pledge.receive': { code: 'policy.pledgeReceive', params: {} },
  'pledge.queryAmounts': { code: 'policy.pledgeAmountQuery', params: {} },
  'pledge.totals': { code: 'policy.pledgeTotals', params: {} },
  'pledge.import': { code: 'policy.pledgeReportImport', params: {} },
  'profile.editSchoolData': refused('profile.editSchoolData'),
  'profile.setVisibility': { code: 'policy.visibilityOwnerOnly', params: {} },
  'profile.listDuplicates': { code: 'policy.duplicatesStaffOnly', params: {} },
  'profile.resolveDuplicate': { code: 'policy.reviewStaffOnly', params: {} },
  'purpose.manage': { code: 'policy.adminOnly', params: { task: 'purposes' } },
  'consent.setDefaults': { code: 'policy.adminOnly', params: { task: 'consentDefaults' } },
  'consent.export': { code: 'policy.adminOnly', params: { task: 'consentExport' } },
  'erasure.process': { code: 'policy.erasureStaffOnly', params: {} },
  'receipt.read': refused('receipt.read'),
  'receipt.list': refused('receipt.list'),
  'receipt.correct': refused('receipt.correct'),
  'receipt.setIssuer': refused('receipt.setIssuer'),
  'pledge.setCalendar': { code: 'policy.adminOnly', params: { task: 'solteaCalendar' } },
  'pledge.setPaymentPages': { code: 'policy.adminOnly', params: { task: 'paymentPages' } },
  'mail.configure': { code: 'policy.adminOnly', params: { task: 'mailSettings' } },
  'solicitation.record': refused('solicitation.record'),
  'solicitation.check': refused('solicitation.check'),
  'solicitation.read': refused('solicitation.read'),
  'retention.review': refused('retention.review'),
  'retention.setRule': refused('retention.setRule'),
};

/** School-owned profile fields recorded by staff: the person asks them to correct them. */
export const EDUCATION_LOCKED: Message = { code: 'policy.educationLocked', params: {} };

/** The author of an offer may edit it only until it is published. */
export const OFFER_LOCKED_FOR_AUTHOR: Message = { code: 'policy.offer.lockedForAuthor', params: {} };

/** Staff may only post offers aimed at entities they look after. */
export const OFFER_OUTSIDE_STAFF_SCOPE: Message = { code: 'policy.offer.outsideStaffScope', params: {} };

/** A representative may only post offers for the company they represent. */
export const OFFER_OWN_COMPANY_ONLY: Message = { code: 'policy.offer.ownCompanyOnly', params: {} };

/** Someone who may not add a company directly may still ask for it. */
export const COMPANY_REQUEST_INSTEAD: Message = { code: 'policy.company.requestInstead', params: {} };

/** A representative pledges apprenticeship tax only for a company they represent, and its own establishments (same SIREN). */
export const PLEDGE_OWN_COMPANY_ONLY: Message = { code: 'policy.pledge.ownCompanyOnly', params: {} };
