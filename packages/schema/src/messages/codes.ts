/**
 * Every message a person can see — a field error, a policy refusal, the
 * detail and title of a problem document — is a stable code with typed
 * parameters, declared here once. The words live in one catalogue per
 * language (`fr.ts`, `en.ts`), each typed so that a missing code fails the
 * type-check. Codes are dotted identifiers, never sentences: the server
 * answers `code` and `params` beside the localised text, and the elements
 * translate the code in their own language.
 */
import type { CompletionField } from '../offers/submission.ts';
import type { PledgeStatus } from '../pledges/pledge.ts';
import type { Action, OfferStatus } from '../policy/types.ts';

declare const paramsOf: unique symbol;
/** The type of a code's parameters, carried by the type only: the value is an empty object. */
export interface Params<P> {
  readonly [paramsOf]?: P;
}
/* @__NO_SIDE_EFFECTS__ */
const takes = <P extends Record<string, unknown>>(): Params<P> => ({});
/* @__NO_SIDE_EFFECTS__ */
const none = (): Params<Record<never, never>> => ({});

/** What a value should have been, in a wrong-type error. */
export type ExpectedType = 'text' | 'number' | 'boolean' | 'list' | 'object' | 'value';
/** Why an address may not receive webhooks (server/src/webhooks/address.ts). */
export type AddressRange = 'loopback' | 'private' | 'link-local' | 'shared' | 'unspecified' | 'multicast' | 'reserved';
/** A problem document's kind, whose title is a code too. */
export type ProblemTitleKind =
  | 'validation' | 'malformed' | 'unauthenticated' | 'forbidden' | 'notFound' | 'methodNotAllowed' | 'conflict' | 'preconditionFailed'
  | 'preconditionRequired' | 'tooLarge' | 'unsupportedMediaType' | 'idempotencyMismatch' | 'tooManyRequests' | 'internal' | 'unavailable' | 'storageFull';

export const codes = {
  // Titles of problem documents, one per kind.
  'problem.title': takes<{ kind: ProblemTitleKind }>(),
  /** Any code the reader's catalogue does not know (an older element, a newer server). */
  'problem.unknown': none(),
  'network.unreachable': none(),

  // Field errors any schema may give (issues.ts maps valibot's issues to them).
  'validation.invalid': none(),
  'validation.required': none(),
  'validation.unknownKey': none(),
  'validation.tooLong': takes<{ max: number }>(),
  'validation.tooShort': takes<{ min: number }>(),
  'validation.tooMany': takes<{ max: number }>(),
  'validation.tooFew': takes<{ min: number }>(),
  'validation.tooSmall': takes<{ min: number }>(),
  'validation.tooBig': takes<{ max: number }>(),
  'validation.outOfRange': takes<{ min: number; max: number }>(),
  'validation.integer': none(),
  'validation.email': none(),
  'validation.url': none(),
  'validation.date': none(),
  'validation.dateNotReal': none(),
  'validation.dateTime': none(),
  'validation.id': none(),
  'validation.format': none(),
  'validation.wrongType': takes<{ expected: ExpectedType }>(),
  'validation.notOneOf': takes<{ options: string[] }>(),
  'validation.slug': none(),
  'validation.origin': none(),
  'validation.siret': none(),
  'validation.siren': none(),
  'validation.uai': none(),
  'validation.website': none(),
  'validation.emptyChange': none(),
  // Fields of particular schemas, where the generic words would say less (a format with an example, a choice, a domain rule).
  'validation.phone': none(),
  'validation.country': none(),
  'validation.postalCode': none(),
  'validation.year': none(),
  'offer.kind.choice': none(),
  'offer.remote.choice': none(),
  'offer.duration.unit': none(),
  'offer.targets.atLeastOne': none(),
  'pledge.amount.range': none(),
  'pledge.figure.range': none(),
  'pledge.frequency.choice': none(),
  'pledge.donor.kind': none(),
  'pledge.designation.kind': none(),
  'pledge.share.range': none(),
  'pledge.share.decimals': none(),
  'pledge.campaignYear.range': none(),
  'profile.language.choice': none(),
  'consent.messagesPerMonth.range': none(),
  'company.siren.ofSiret': none(),
  'tenant.keyId.format': none(),
  'tenant.key.algorithm': none(),
  'tenant.key.tooShort': none(),
  'import.year.format': none(),
  'import.mapping.object': none(),
  'import.mapOption.format': none(),

  // The request itself.
  'request.invalid': none(),
  'request.malformedJson': none(),
  'request.tooLarge': takes<{ maxKiB: number }>(),
  'request.notJson': none(),
  'request.methodNotAllowed': takes<{ method: string; allowed: string[] }>(),
  'request.noRoute': takes<{ method: string; path: string }>(),
  'request.tenantMismatch': none(),
  'list.cursor': none(),
  'list.limit': takes<{ max: number }>(),
  'server.internal': none(),
  'server.storageFull': none(),
  'server.busy': takes<{ seconds: number }>(),
  'server.databaseUnreachable': takes<{ seconds: number }>(),
  'idempotency.raced': none(),
  'idempotency.reused': none(),
  'idempotency.keyMissing': none(),
  'idempotency.keyHowTo': none(),
  'idempotency.keyInvalid': none(),
  'idempotency.keyFormat': none(),
  'resource.notFound': none(),

  // Signing in.
  'auth.required': none(),
  'auth.sessionEnded': none(),
  'auth.originUnregistered': takes<{ origin: string }>(),
  'auth.tokenInvalid': none(),
  'auth.personUnknown': none(),
  'auth.emailSignInOff': none(),
  'auth.code.format': none(),
  'auth.code.wrong': none(),
  'auth.code.tooManyAsked': takes<{ minutes: number }>(),
  'auth.code.tooManyWrong': takes<{ minutes: number }>(),
  'session.notFound': none(),
  'person.notFound': none(),
  'person.address.taken': none(),
  'person.address.yours': none(),
  'person.address.notFound': none(),

  // The role policy (policy/reasons.ts): one refusal per action, and the particular ones.
  'policy.refused': takes<{ action: Action }>(),
  'policy.notFound': none(),
  'policy.wrongResource': takes<{ action: Action; expected: string; actual: string }>(),
  'policy.emailSessionWithholdsStaff': none(),
  'policy.company.requestInstead': none(),
  'policy.offer.ownCompanyOnly': none(),
  'policy.pledge.ownCompanyOnly': none(),
  'policy.offer.lockedForAuthor': none(),
  'policy.offer.outsideStaffScope': none(),
  'policy.adminOnly': takes<{ task: 'purposes' | 'consentDefaults' | 'consentExport' | 'solteaCalendar' | 'paymentPages' | 'mailSettings' }>(),
  'policy.moderationQueue': none(),
  'policy.offerBoardSignIn': none(),
  'policy.duplicatesStaffOnly': none(),
  'policy.reviewStaffOnly': none(),
  'policy.erasureStaffOnly': none(),
  'policy.pledgeTotals': none(),
  'policy.pledgeReportImport': none(),
  'policy.pledgeChange': none(),
  'policy.pledgeReceive': none(),
  'policy.pledgeAmountQuery': none(),
  'policy.educationLocked': none(),
  'policy.visibilityOwnerOnly': none(),

  // Companies.
  'company.notFound': none(),
  'company.siretExists': takes<{ name: string; represent: boolean }>(),
  'company.alreadyRepresented': takes<{ name: string }>(),
  'company.alreadyAsked': takes<{ name: string }>(),
  'company.requestOneOf': none(),
  'company.ifMatchRequired': none(),
  'company.changed': none(),
  'companyRequest.notFound': none(),
  'companyRequest.decided': takes<{ status: 'approved' | 'refused' }>(),

  // Offers.
  'offer.notFound': none(),
  'offer.ifMatchRequired': none(),
  'offer.changed': none(),
  'offer.closed': takes<{ status: OfferStatus }>(),
  'offer.wrongStatus': takes<{ status: OfferStatus; verb: 'submit' | 'publish' | 'reject' | 'requestChanges' | 'withdraw' | 'fill' | 'renew' }>(),
  'offer.company.fromList': none(),
  'offer.company.pickOrAsk': none(),
  'offer.company.pending': none(),
  'offer.targets.fromList': none(),
  'offer.apply.format': none(),
  'offer.list.mineOrQueue': none(),
  'audit.list.action': none(),
  'audit.list.dateOrder': none(),
  'offer.submit.required': takes<{ field: CompletionField }>(),
  'offer.duration.tooLong': takes<{ months: number }>(),
  'offer.stipend.owed': takes<{ minimumMonthlyCents: number; hourlyRateCents: number; rateYear: number; givenCents: number }>(),
  'offer.expiry.tooFar': takes<{ latest: string }>(),
  'offer.expiry.past': none(),

  // Pledges.
  'pledge.notFound': none(),
  'pledge.ifMatchRequired': none(),
  'pledge.changed': none(),
  'pledge.cancelled': none(),
  'pledge.amountLocked': takes<{ status: PledgeStatus }>(),
  'pledge.fieldNotForKind': takes<{ kind: 'donation' | 'apprenticeship_tax' }>(),
  'pledge.designation.entity': none(),
  'pledge.designation.fund': none(),
  'pledge.designation.noFoundation': none(),
  'pledge.company.notVerified': none(),
  'pledge.company.noSiret': none(),
  'pledge.tax.entity': none(),
  'pledge.tax.noUai': none(),
  'pledge.tax.noCampaign': none(),
  'pledge.tax.campaignOver': takes<{ year: number }>(),
  'pledge.tax.employerSiret': none(),
  'pledge.allocate.notTax': none(),
  'pledge.allocate.wrongStatus': takes<{ status: PledgeStatus }>(),
  'pledge.receive.wrongStatus': takes<{ status: PledgeStatus }>(),
  'pledge.receive.amountNeeded': none(),
  'pledge.cancel.wrongStatus': takes<{ status: PledgeStatus }>(),
  'pledge.report.columns': takes<{ missing: string[] }>(),
  'pledge.report.unreadable': takes<{ line: number }>(),
  // A line of the transfer report that cannot be read: POST /v1/pledges/import's `lines[].code`.
  'pledge.report.line.siret': none(),
  'pledge.report.line.uai': none(),
  'pledge.report.line.amount': none(),
  'pledge.report.line.date': none(),
  'pledge.transfer.notFound': none(),
  'pledge.transfer.matched': none(),
  'pledge.transfer.notCandidate': none(),

  // Tax receipts.
  'receipt.issuer.status': none(),
  'receipt.paymentMethod.choice': none(),
  'receipt.notFound': none(),
  'receipt.cancelled': none(),
  'receipt.noIssuer': none(),
  // The SOLTéA calendar an administrator sets (PUT /v1/pledges/campaigns/:year).
  'soltea.period.inverted': none(),
  'soltea.period.overlap': takes<{ previousCloses: string }>(),
  'soltea.period.transfersBeforeClose': takes<{ closes: string }>(),
  'soltea.period.wrongYear': takes<{ year: number }>(),
  'soltea.unallocatedTooEarly': takes<{ closes: string }>(),
  // The payment hand-off: the pages' templates, the signed callback.
  'payment.page.placeholder': none(),
  'payment.page.https': none(),
  'payment.page.unknownEntity': none(),
  'payment.page.unknownFund': none(),
  'payment.callback.tenant': none(),
  'payment.callback.signature': none(),
  'payment.callback.expired': takes<{ seconds: number }>(),
  'payment.callback.unknownReference': none(),
  'payment.callback.notGift': none(),

  // Profiles.
  'profile.notFound': none(),
  'profile.ifMatchRequired': none(),
  'profile.changed': none(),
  'profile.changedWhileSaving': none(),
  'profile.educationEntity': none(),
  'profile.reviewFlag.notFound': none(),
  'profile.reviewFlag.resolved': none(),
  'profile.linkedin': none(),
  'profile.emails.onePrimary': none(),
  'profile.emails.unique': none(),
  'profile.field.notEditable': none(),
  'profile.visibility.fieldsOnly': none(),

  // Consents, purposes and the rights of the person.
  'purpose.notFound': none(),
  'purpose.entity': none(),
  'purpose.keyExists': takes<{ key: string }>(),
  'purpose.ifMatchRequired': none(),
  'purpose.changed': none(),
  'purpose.key.format': none(),
  'purpose.key.reserved': none(),
  'purpose.channels.unique': none(),
  'consent.channelUnused': takes<{ channel: string; channels: string[] }>(),
  'consent.textChanged': none(),
  'consent.channels.atLeastOne': none(),
  'consent.version.format': none(),
  'erasure.notFound': none(),
  'erasure.processed': none(),
  'erasure.confirm': none(),
  'rights.recentSignIn': takes<{ task: 'export' | 'erase'; minutes: number }>(),

  // The solicitation ledger (solicitations/index.ts): bad input, and why a person may not be contacted now.
  'solicitation.people.range': none(),
  'solicitation.month.format': none(),
  'solicitation.entity': none(),
  'solicitation.refused.unknownPerson': none(),
  'solicitation.refused.outOfScope': none(),
  'solicitation.refused.erased': none(),
  'solicitation.refused.objected': none(),
  'solicitation.refused.notGranted': none(),
  'solicitation.refused.renewalNeeded': none(),
  'solicitation.refused.capReached': none(),

  // Retention (retention/index.ts): the number of years, and why someone is not anonymised by the rule.
  'retention.years.range': none(),
  /** `since`: the day (YYYY-MM-DD) of their last activity, within the rule's years. */
  'retention.active': takes<{ since: string }>(),
  'retention.excluded': takes<{ reason: 'institutionAccount' | 'erasureRequested' }>(),

  // Webhooks.
  'webhook.notFound': none(),
  'webhook.entity': none(),
  'webhook.ifMatchRequired': none(),
  'webhook.changed': none(),
  'webhook.changedWhileSaving': none(),
  'webhook.url.format': none(),
  'webhook.url.https': takes<{ localAllowed: boolean }>(),
  'webhook.url.internalHost': takes<{ host: string; range: AddressRange }>(),
  'webhook.url.internalAnswer': takes<{ host: string; address: string; range: AddressRange }>(),
  'webhook.url.unresolvable': takes<{ host: string }>(),
  'webhook.events.unique': none(),
  'webhook.delivery.notFound': none(),
  'webhook.delivery.id': none(),
  'webhook.delivery.delivered': none(),
  'mail.preference.kind': none(),
  'mail.unsubscribe.token': none(),
  'mail.unsubscribe.unknown': none(),
  'mail.person.notFound': none(),
  'link.token': none(),
  'mail.freshness.months': none(),
  'mail.freshness.notConfigured': none(),
  'mail.branding.name': none(),
  'mail.branding.colour': none(),
  'mail.branding.contrast': none(),
  'mail.pages.https': none(),
  'mail.pages.unregisteredOrigin': takes<{ origin: string }>(),
  'link.unknown': none(),
  'link.used': takes<{ address: string }>(),
  'link.expired': takes<{ address: string }>(),
} as const;

export type MessageCode = keyof typeof codes;
export type ParamsOf<C extends MessageCode> = (typeof codes)[C] extends Params<infer P> ? P : never;

/** Every code, for runtime checks (catalogue completeness, a code received from the wire). */
export const messageCodes = Object.keys(codes) as MessageCode[];

/** A code with its parameters: what a message is before it is put in words. */
export type Message = { [C in MessageCode]: { code: C; params: ParamsOf<C> } }[MessageCode];

/** A catalogue: the words of every code in one language. */
export type Catalogue = { readonly [C in MessageCode]: (params: ParamsOf<C>) => string };
