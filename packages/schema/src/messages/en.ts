/**
 * English words of every message code. The `Catalogue` type makes a
 * missing or misspelt code a type error; messages.test.ts checks the same at
 * runtime and that none is empty.
 */
import type { Action, OfferStatus } from '../policy/types.ts';
import type { AddressRange, Catalogue, ExpectedType, ProblemTitleKind } from './codes.ts';
import { essentials } from './essentials.ts';
import { count, euros, oneOf } from './format.ts';

const titles: Record<ProblemTitleKind, string> = {
  validation: 'Invalid request',
  malformed: 'Malformed JSON',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  notFound: 'Not found',
  methodNotAllowed: 'Method not allowed',
  conflict: 'Conflict',
  preconditionFailed: 'Changed since you loaded it',
  preconditionRequired: 'If-Match required',
  tooLarge: 'Request too large',
  unsupportedMediaType: 'Unsupported media type',
  idempotencyMismatch: 'Idempotency key reused',
  tooManyRequests: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Temporarily unavailable',
  storageFull: 'Storage full',
};

const expected: Record<ExpectedType, string> = {
  text: 'Enter text.',
  number: 'Enter a number.',
  boolean: 'Answer yes or no (true or false).',
  list: 'A list is expected.',
  object: 'A group of fields is expected.',
  value: 'This value is not of the expected kind.',
};

const refusals: Record<Action, string> = {
  'profile.read': 'You need to be signed in to this institution to read its members’ profiles; sign in, then try again.',
  'profile.edit':
    'Only the owner of a profile, staff of one of their entities, or an administrator can edit it. Ask the owner or their school’s office to make the change.',
  'consent.read':
    'Only the person concerned, staff of one of their entities, an administrator or the data protection officer can read someone’s consents. Ask the person or their school’s office.',
  'consent.edit': 'Only the person concerned can give or withdraw their consent. Ask them to do it from their consent centre.',
  'consent.proof':
    'Only administrators and the data protection officer can read a person’s full consent history and export the proof of a consent. Ask your institution’s data protection officer.',
  'data.export': 'Only the person concerned can export or erase their data. Ask them to make the request from their consent centre.',
  'company.search': 'You need to be signed in to this institution to search its companies; sign in, then try again.',
  'company.create':
    'Only careers-office staff and administrators can add a company. Ask your careers office to add it, then post your offer for it.',
  'company.request': 'You need to be signed in to this institution to request a company; sign in, then try again.',
  'company.edit':
    'Only the company’s representatives, staff and administrators can edit a company. Ask to represent the company, or ask your careers office to make the change.',
  'company.moderate': 'Only staff and administrators can verify companies and representation requests. Ask your careers office to review it.',
  'offer.create':
    'You can post an offer as a student or alumnus, as the representative of that company, or as staff for your own entities. Ask to represent the company, or ask the careers office of the targeted school to post it.',
  'offer.edit':
    'Only the author (until it is published), the company’s representatives, staff of a targeted entity, or an administrator can edit this offer. Ask the careers office of the targeted school to change it.',
  'offer.moderate':
    'Only staff of an entity the offer is aimed at, or an administrator, can publish or reject it. Ask the careers office of the targeted school to review it.',
  'pledge.donate': 'Only a representative of that company can pledge on its behalf. Pledge in your own name, or ask to represent the company first.',
  'pledge.tax':
    'Only a company’s representative, staff recording for their own entities, or an administrator can pledge apprenticeship tax. Ask the company’s HR or finance team to pledge it, or ask to represent the company.',
  'pledge.readAmount':
    'A pledge amount is visible only to its author, the pledging company, staff of the beneficiary entity and administrators. Ask the beneficiary’s office if you need it.',
  'audit.read': 'Only staff, for their own entities, and administrators can read the audit log. Ask an administrator for the entries you need.',
  'webhook.manage':
    'Only administrators can manage webhooks, because they send the institution’s data to other systems. Ask an administrator of your institution to set one up.',
  'records.export':
    'Only staff, for their own entities, and administrators can export people, offers and pledges. Ask your school’s office for the list you need.',
  'offer.read':
    'Only the author, the company’s representatives, staff of a targeted entity or an administrator can read an offer that is not published. Wait until it is published.',
  'offer.publishDirectly':
    'Only staff of every targeted entity and administrators publish an offer without moderation. It will be published once the careers office has reviewed it.',
  'offer.queue': 'Only staff and administrators have a moderation queue. Your own offers are at ?mine=true.',
  'offer.browse': 'Sign in to read the offers: this institution shows them to its members only.',
  'offer.companyList':
    'Only the company’s representatives and administrators list all of its offers. Ask to represent the company; your own offers are at ?mine=true.',
  'company.representatives': 'Only the company’s representatives, staff and administrators see who represents it. Ask to represent the company.',
  'pledge.read':
    'Only the author of a pledge, the company’s representatives, staff of the beneficiary entity or an administrator can read it. Ask the beneficiary’s office.',
  'pledge.receive':
    'Only staff of the beneficiary entity or an administrator can record that a pledge was received. Ask the beneficiary’s office.',
  'pledge.queryAmounts': 'Sorting or filtering by amount is only possible over amounts you can read. Choose one of your entities.',
  'pledge.totals': 'Only staff and administrators read the totals per entity. Ask your school’s office.',
  'pledge.import': 'Only staff of a beneficiary entity or an administrator can import a transfer report.',
  'profile.editSchoolData':
    'Only the person, staff of one of their entities or an administrator can change their education, and only staff once they recorded it. Ask their school’s office to correct it.',
  'profile.setVisibility': 'Only the person chooses who sees each field of their profile. Ask them to change it.',
  'profile.listDuplicates': 'Only staff and administrators review possible duplicates. Ask the alumni office.',
  'profile.resolveDuplicate': 'Only staff of the person’s school (or an administrator) review possible duplicates. Ask them to do it.',
  'purpose.manage': 'Only administrators manage consent purposes. Ask an administrator of the institution.',
  'consent.setDefaults': 'Only administrators set the consent defaults. Ask an administrator of the institution.',
  'consent.export': 'Only administrators export consents to the CRM. Ask an administrator of the institution.',
  'erasure.process':
    'Erasure requests are processed by the staff of the person’s school or by an administrator. Ask them to process it.',
  'receipt.read':
    'Only the donor, the giving company’s representatives, staff of the beneficiary entity and administrators can download this tax receipt. Ask the beneficiary’s office.',
  'receipt.list': 'Only staff, for their own entities, and administrators read the tax receipts issued. Your own receipts are in “My gifts and pledges”.',
  'receipt.correct': 'Only staff of the beneficiary entity or an administrator can correct a tax receipt. Ask them for the correction.',
  'receipt.setIssuer': 'Only administrators set in whose name the institution issues its tax receipts. Ask an administrator of your institution.',
  'pledge.setCalendar': 'Only administrators set the SOLTéA calendar. Ask an administrator of your institution.',
  'pledge.setPaymentPages': 'Only administrators choose the gifts’ payment pages. Ask an administrator of your institution.',
  'solicitation.record':
    'Only staff of the sending entity, or an administrator, can record a message sent in its name. Sign in with an account of that entity, or ask its office.',
  'solicitation.check': 'Only staff, for their own entities, and administrators can check who may be contacted. Ask your school’s office.',
  'solicitation.read':
    'Only the person concerned, staff of one of their entities or an administrator can see who contacted them. Ask the person or their school’s office.',
};

const ranges: Record<AddressRange, string> = {
  loopback: 'the server itself (loopback)',
  private: 'a private network address',
  'link-local': 'a link-local address (such as a cloud metadata service)',
  shared: 'a shared address of a carrier-grade NAT (100.64.0.0/10)',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  reserved: 'a reserved or special-purpose address',
};

const offerStatus = (s: OfferStatus) => s.replace('_', ' ');
const offerVerbs = { submit: 'submitted', publish: 'published', reject: 'rejected', requestChanges: 'sent back for changes', withdraw: 'withdrawn', fill: 'marked filled', renew: 'renewed' } as const;
const submissionNeeds = {
  description: 'A description is required to submit.',
  location: 'A location is required to submit.',
  remote: 'Choose on site, hybrid or remote to submit.',
  startDate: 'A start date is required to submit.',
  duration: 'A duration is required to submit.',
  weeklyHours: 'Weekly hours are required to submit.',
  apply: 'Say how to apply to submit.',
  expiresOn: 'An expiry date is required to submit.',
} as const;
const quoted = (items: readonly string[]) => items.map((o) => `“${o}”`);

export const en: Catalogue = {
  'problem.title': ({ kind }) => titles[kind],
  'problem.unknown': () => essentials.en.unknown,
  'network.unreachable': () => essentials.en.network,

  'validation.invalid': () => 'This value is not valid.',
  'validation.required': () => 'This field is required.',
  'validation.unknownKey': () => 'This field is not expected here.',
  'validation.tooLong': ({ max }) => `At most ${count('en', max)} characters.`,
  'validation.tooShort': ({ min }) => `At least ${count('en', min)} characters.`,
  'validation.tooMany': ({ max }) => `At most ${count('en', max)} items.`,
  'validation.tooFew': ({ min }) => `At least ${count('en', min)} ${min === 1 ? 'item' : 'items'}.`,
  'validation.tooSmall': ({ min }) => `Enter ${count('en', min)} or more.`,
  'validation.tooBig': ({ max }) => `Enter ${count('en', max)} or less.`,
  'validation.outOfRange': ({ min, max }) => `Enter a value from ${count('en', min)} to ${count('en', max)}.`,
  'validation.integer': () => 'Enter a whole number.',
  'validation.email': () => 'Enter a valid email address, such as name@example.org.',
  'validation.url': () => 'Enter a full address, such as https://www.example.com.',
  'validation.date': () => 'Enter a date as YYYY-MM-DD.',
  'validation.dateNotReal': () => 'This date does not exist.',
  'validation.dateTime': () => 'Enter an ISO 8601 time, such as 2026-03-02T09:00:00Z.',
  'validation.id': () => 'Choose an item from the list.',
  'validation.format': () => 'This value is not in the expected format.',
  'validation.wrongType': ({ expected: e }) => expected[e],
  'validation.notOneOf': ({ options }) => (options.length === 1 ? `Only ${quoted(options)[0]} is accepted.` : `Choose ${oneOf('en', quoted(options))}.`),
  'validation.slug': () => 'Use 1 to 40 lowercase letters, digits or hyphens.',
  'validation.origin': () => 'An origin is a scheme, host and optional port, such as https://www.example.org (no path, no trailing slash).',
  'validation.siret': () => 'A SIRET is 14 digits with a valid check digit (Luhn).',
  'validation.siren': () => 'A SIREN is 9 digits with a valid check digit (Luhn).',
  'validation.uai': () => 'A UAI (formerly RNE) is 7 digits followed by a check letter, for example 0751717J.',
  'validation.website': () => 'A website address starts with https:// or http://.',
  'validation.emptyChange': () => 'Send at least one field to change.',
  // Fields of particular schemas.
  'validation.phone': () => 'Enter a phone number, such as +33 6 12 34 56 78.',
  'validation.country': () => 'Use the two-letter country code, such as FR or DE.',
  'validation.postalCode': () => 'Enter a postal code, such as 69007.',
  'validation.year': () => 'Enter a year from 1900 to 2100, such as 2019.',
  'offer.kind.choice': () => 'Choose the kind of contract.',
  'offer.remote.choice': () => 'Choose on site, hybrid or remote.',
  'offer.duration.unit': () => 'Choose months or weeks.',
  'offer.targets.atLeastOne': () => 'Choose at least one school or programme.',
  'pledge.amount.range': () => `Enter an amount in euros, from 0.01 to ${count('en', 100_000_000)}.`,
  'pledge.figure.range': () => `Enter an amount in euros, from 0 to ${count('en', 1_000_000_000_000)}, or leave it empty.`,
  'pledge.frequency.choice': () => 'Choose once, monthly or yearly.',
  'pledge.donor.kind': () => 'Say who gives: yourself or your company.',
  'pledge.designation.kind': () => 'Choose where the gift goes: the foundation, one of its funds, or a school or service.',
  'pledge.share.range': () => 'A share is a percentage from 0.01 to 100.',
  'pledge.share.decimals': () => 'A share has at most two decimals.',
  'pledge.campaignYear.range': () => 'Choose a campaign year from 2020 to 2100.',
  'profile.language.choice': () => 'Choose French or English.',
  'consent.messagesPerMonth.range': () => 'Enter a whole number of messages per month, from 0 to 30.',
  'company.siren.ofSiret': () => 'The SIREN must be the first 9 digits of the SIRET.',
  'tenant.keyId.format': () => 'A key id is 1 to 64 letters, digits, dots, hyphens or underscores.',
  'tenant.key.algorithm': () => 'The algorithm is HS256, EdDSA, RS256 or ES256.',
  'tenant.key.tooShort': () => 'A key is at least 32 characters (an HS256 secret or a PEM public key).',
  'import.year.format': () => 'A year is four digits, such as 2019.',
  'import.mapping.object': () => 'A mapping is an object such as { "Nom": "familyName" }.',
  'import.mapOption.format': () => 'A --map option is "Header=field", such as --map "Nom=familyName".',

  'request.invalid': () => 'Some fields are invalid: see errors.',
  'request.malformedJson': () => 'The request body is not valid JSON.',
  'request.tooLarge': ({ maxKiB }) => `The request body is larger than ${maxKiB} KiB.`,
  'request.notJson': () => 'Send the body as application/json.',
  'request.methodNotAllowed': ({ method, allowed }) => `${method} is not allowed here. Allowed: ${allowed.join(', ')}.`,
  'request.noRoute': ({ method, path }) => `There is nothing at ${method} ${path}.`,
  'request.tenantMismatch': () => 'The tenant named is not the one of your session: leave it out when signed in.',
  'list.cursor': () => 'Invalid cursor: use the nextCursor of the previous page, or start again from the first page.',
  'list.limit': ({ max }) => `limit is a whole number from 1 to ${max}.`,
  'server.internal': () => 'Something went wrong on our side. Nothing was saved; please try again.',
  'server.storageFull': () => 'The database is full; nothing was saved. Try again later — the operators have been told.',
  'server.busy': ({ seconds }) => `The database is busy; nothing was saved. Try again in ${seconds} seconds.`,
  'idempotency.raced': () => 'A request with the same Idempotency-Key was completed at the same time. Send it again to read its result.',
  'idempotency.reused': () =>
    'This Idempotency-Key was already used for a different request. Send a new key for a new request; reuse a key only to retry the very same request.',
  'idempotency.keyMissing': () => 'The Idempotency-Key header is required for this request.',
  'idempotency.keyHowTo': () => 'Send an Idempotency-Key header: a random value (such as a UUID) made once per form, and sent again unchanged on retry.',
  'idempotency.keyInvalid': () => 'The Idempotency-Key header is invalid.',
  'idempotency.keyFormat': () => 'Idempotency-Key is 1 to 200 characters among letters, digits and _ - : .',
  'resource.notFound': () => 'This resource does not exist, or you cannot see it.',

  'auth.required': () => 'Sign in to continue.',
  'auth.sessionEnded': () => 'Your session has expired or was signed out. Sign in again.',
  'auth.originUnregistered': ({ origin }) => `The origin ${origin} is not registered for this institution. Ask its administrator to add it.`,
  'auth.tokenInvalid': () =>
    'This identity token is not valid: it may be expired, already used, or signed with a key this institution has not registered.',
  'auth.personUnknown': () => 'This person is not known to Passerelle yet. The institution must add them before they can sign in.',
  'auth.emailSignInOff': () => 'Sign-in by email code is turned off on this server. Sign in through your institution’s website.',
  'auth.code.format': () => 'The code is the 6 digits, or the 12 characters, from the email.',
  'auth.code.wrong': () => 'This code is wrong or has expired. Ask for a new one.',
  'auth.code.tooManyAsked': ({ minutes }) => `Too many codes were asked for. Wait ${minutes} minutes and try again.`,
  'auth.code.tooManyWrong': ({ minutes }) => `Too many wrong codes were entered from your network. Wait ${minutes} minutes and try again.`,
  'session.notFound': () => 'This session does not exist, or you cannot see it.',
  'person.notFound': () => 'This person does not exist, or you cannot see them.',

  'policy.refused': ({ action }) => refusals[action],
  'policy.notFound': () => 'Not found.',
  'policy.wrongResource': ({ action, expected: kind, actual }) => `The action ${action} applies to a ${kind}, not to a ${actual}.`,
  'policy.emailSessionWithholdsStaff': () =>
    'This session was opened with an email code, which does not carry staff or administrator rights. Sign in through your institution’s website to act as staff.',
  'policy.company.requestInstead': () =>
    'Only careers-office staff and administrators can add a company directly. Request it instead: it becomes available once staff verify it.',
  'policy.offer.ownCompanyOnly': () =>
    'You can post offers only for the company you represent. Ask to represent this company, or ask your careers office to post the offer.',
  'policy.pledge.ownCompanyOnly': () =>
    'You can pledge apprenticeship tax only for the company you represent: the paying establishment’s SIRET must be one of its own (same SIREN). Ask to represent the other company, or contact the careers office.',
  'policy.offer.lockedForAuthor': () =>
    'This offer is no longer editable by its author once it has been published or closed. Ask the careers office of the targeted school to change or withdraw it.',
  'policy.offer.outsideStaffScope': () =>
    'As staff you can post offers only for your own entities and the ones below them. Choose targets within your scope, or ask the careers office of that school to post it.',
  'policy.adminOnly': ({ task }) =>
    `Only administrators can ${{ purposes: 'manage purposes', consentDefaults: 'change the consent defaults', consentExport: 'export consent states', solteaCalendar: 'set the SOLTéA calendar', paymentPages: 'choose the gifts’ payment pages' }[task]}. Ask an administrator of your institution.`,
  'policy.moderationQueue': () => 'Only staff and administrators have a moderation queue. Your own offers are at ?mine=true.',
  'policy.offerBoardSignIn': () => 'Sign in to read the offers: this institution shows them to its members only.',
  'policy.duplicatesStaffOnly': () => 'Only staff and administrators review possible duplicate profiles. Ask your alumni office.',
  'policy.reviewStaffOnly': () => 'Only the staff of the person’s school (or an administrator) review possible duplicates. Ask them to look at it.',
  'policy.erasureStaffOnly': () =>
    'Erasure requests are processed by the staff of the person’s school or by an administrator. Ask them to process it.',
  'policy.pledgeTotals': () =>
    'Totals per entity are for the staff of the beneficiary entities and administrators. Your own pledges are in GET /v1/pledges.',
  'policy.pledgeReportImport': () => 'Only staff of a beneficiary entity or an administrator can import a transfer report.',
  'policy.pledgeChange': () =>
    'Only the author of a pledge, the pledging company’s representatives, staff of the beneficiary entity or an administrator can change it. Ask the beneficiary’s office.',
  'policy.pledgeReceive': () =>
    'Only staff of the beneficiary entity or an administrator can record that a pledge was received. Ask the beneficiary’s office.',
  'policy.pledgeAmountQuery': () =>
    'Sorting or filtering by amount is possible only over pledges whose amount you may see. Add entityId= one of your own entities to the query.',
  'policy.educationLocked': () =>
    'Your education (programme, school, graduation year) is recorded by the institution, so you cannot change it here. Ask the alumni office to correct it.',
  'policy.visibilityOwnerOnly': () => 'Only the person chooses who sees each field of their profile. Ask them to change it.',

  'company.notFound': () => 'This company does not exist, or you cannot see it.',
  'company.siretExists': ({ name, represent }) =>
    `A company with this SIRET already exists: ${name}.${represent ? ' Ask to represent it instead (send its companyId).' : ''}`,
  'company.alreadyRepresented': ({ name }) => `You already represent ${name}.`,
  'company.alreadyAsked': ({ name }) => `You already asked to represent ${name}; the careers office will review it.`,
  'company.requestOneOf': () => 'Send either companyId (to represent an existing company) or company (to ask for a new one).',
  'company.ifMatchRequired': () => 'Send If-Match with the ETag you read, so that nobody’s change is overwritten.',
  'company.changed': () => 'This company was changed since you loaded it. Reload it, then apply your change again.',
  'companyRequest.notFound': () => 'This request does not exist, or you cannot see it.',
  'companyRequest.decided': ({ status }) => `This request was already ${status}.`,

  'offer.notFound': () => 'This offer does not exist, or you cannot see it.',
  'offer.ifMatchRequired': () => 'Send If-Match with the ETag you read, so that nobody’s change is overwritten.',
  'offer.changed': () => 'This offer was changed since you loaded it. Reload it, then apply your change again.',
  'offer.closed': ({ status }) => `This offer is ${offerStatus(status)}; it can no longer be edited.`,
  'offer.wrongStatus': ({ status, verb }) => `This offer is ${offerStatus(status)}; it cannot be ${offerVerbs[verb]} now.`,
  'offer.company.fromList': () => 'Pick a company from the list: type its name, SIRET or SIREN, then select a suggestion.',
  'offer.company.pickOrAsk': () => 'Choose a company from the list. If yours is missing, ask your careers office to add it.',
  'offer.company.pending': () => 'This company is waiting for the careers office to verify it; you can post for it once it is verified.',
  'offer.targets.fromList': () => 'Choose schools or programmes from the list.',
  'offer.apply.format': () => 'Enter a web address starting with https:// or an email address.',
  'offer.list.mineOrQueue': () => 'Ask for mine or queue, not both.',
  'audit.list.action': () => 'Enter an action such as offer.create, or the start of one ending with a dot, such as offer.',
  'audit.list.dateOrder': () => 'The end date comes before the start date: choose an end date on or after it.',
  'offer.submit.required': ({ field }) => submissionNeeds[field],
  'offer.duration.tooLong': ({ months }) => `An internship lasts at most ${months} months.`,
  'offer.stipend.owed': ({ minimumMonthlyCents, hourlyRateCents, rateYear, givenCents }) =>
    `A stipend of at least ${euros('en', minimumMonthlyCents)} per month is owed for this duration (${euros('en', hourlyRateCents)} per hour in ${rateYear}, over 2 months of presence). ${
      givenCents === 0 ? 'Enter a monthly stipend.' : `${euros('en', givenCents)} is below it.`
    }`,
  'offer.expiry.tooFar': ({ latest }) => `An offer expires at most a year ahead: choose ${latest} or earlier.`,
  'offer.expiry.past': () => 'The expiry date is in the past: choose today or a later date.',

  'pledge.notFound': () => 'This pledge does not exist, or you cannot see it.',
  'pledge.ifMatchRequired': () => 'Send the ETag of the pledge you edited in an If-Match header, so that nobody’s change is overwritten.',
  'pledge.changed': () => 'This pledge changed since you loaded it. Reload it, check, and try again.',
  'pledge.cancelled': () => 'This pledge was cancelled: make a new pledge instead.',
  'pledge.amountLocked': ({ status }) =>
    `This pledge is ${status}: its amount can no longer change. Cancel it and make a new pledge, or ask the beneficiary’s office.`,
  'pledge.fieldNotForKind': ({ kind }) => `This field does not apply to ${kind === 'donation' ? 'a donation' : 'an apprenticeship-tax pledge'}.`,
  'pledge.designation.entity': () => 'Choose one of the institution’s schools or services.',
  'pledge.designation.fund': () => 'Choose one of the funds offered.',
  'pledge.designation.noFoundation': () => 'This institution has no foundation: choose a school instead.',
  'pledge.company.notVerified': () => 'Choose a company verified by the institution.',
  'pledge.company.noSiret': () => 'This company has no SIRET on record, which the tax receipt needs: ask the institution to add it.',
  'pledge.tax.entity': () => 'Choose one of the institution’s schools.',
  'pledge.tax.noUai': () => 'This entity has no UAI, so it cannot receive apprenticeship tax: choose a school.',
  'pledge.tax.noCampaign': () => 'There is no apprenticeship-tax campaign for this year: choose the current campaign.',
  'pledge.tax.campaignOver': ({ year }) =>
    `The allocation periods of the ${year} campaign are over: SOLTéA no longer takes allocations for it. Choose the next campaign.`,
  'pledge.tax.employerSiret': () => 'Enter the SIRET of the establishment that pays the tax.',
  'pledge.allocate.notTax': () =>
    'Only an apprenticeship-tax pledge is allocated on SOLTéA; a gift is paid through the institution’s payment page.',
  'pledge.allocate.wrongStatus': ({ status }) => `This pledge is ${status}: only a promised pledge can be marked allocated.`,
  'pledge.receive.wrongStatus': ({ status }) => `This pledge is ${status}: only a promised or allocated pledge can be received.`,
  'pledge.receive.amountNeeded': () => 'Enter the amount received: this pledge has no estimated amount.',
  'pledge.cancel.wrongStatus': ({ status }) => `This pledge is ${status}: it can no longer be cancelled.`,
  'pledge.report.columns': ({ missing }) => `The first line must name the columns SIRET, UAI, amount (montant) and date; missing: ${missing.join(', ')}.`,
  'pledge.report.unreadable': ({ line }) => `Line ${line}: a quoted cell is never closed (a " is missing).`,
  'pledge.report.line.siret': () => 'The SIRET is not valid.',
  'pledge.report.line.uai': () => 'The UAI is not valid.',
  'pledge.report.line.amount': () => 'The amount is not a positive amount in euros, such as 1234,56.',
  'pledge.report.line.date': () => 'The date is not a date, such as 2026-06-15 or 15/06/2026.',
  'receipt.issuer.status': () => 'Choose the organisation’s status: of general interest, recognised as of public utility, or a higher-education institution.',
  'receipt.paymentMethod.choice': () => 'Choose how the money came: transfer, card, cheque, direct debit or cash.',
  'receipt.notFound': () => 'This tax receipt does not exist, or you cannot see it.',
  'receipt.cancelled': () => 'This tax receipt was already cancelled: correct the receipt that replaced it instead.',
  'receipt.noIssuer': () =>
    'The institution is not set up to issue tax receipts: an administrator must first enter its legal name, address, object, status, SIREN and signatory.',
  'soltea.period.inverted': () => 'This period closes before it opens: its closing date must come after its opening date.',
  'soltea.period.overlap': ({ previousCloses }) => `This period opens before the previous one closes (${previousCloses}): periods follow each other without overlapping.`,
  'soltea.period.transfersBeforeClose': ({ closes }) => `A period’s transfers start after it closes (${closes}): choose a later date.`,
  'soltea.period.wrongYear': ({ year }) => `The periods of the ${year} campaign open and close in ${year}.`,
  'soltea.unallocatedTooEarly': ({ closes }) => `Unallocated funds are shared out after the last period closes (${closes}): choose a later date.`,
  'payment.page.placeholder': () =>
    'The address may only contain the fields {amount} (amount in euros), {amountCents} (in cents), {reference} (the gift’s reference) and {currency}.',
  'payment.page.https': () => 'The payment page’s address starts with https:// and holds no user name or password.',
  'payment.page.unknownEntity': () => 'This entity does not exist in your institution.',
  'payment.page.unknownFund': () => 'This fund does not exist: the funds are those of the pledge configuration.',
  'payment.callback.tenant': () => 'Name the institution in the address: ?tenant=<slug>.',
  'payment.callback.signature': () =>
    'Missing or invalid signature: sign the body with the institution’s secret (headers webhook-id, webhook-timestamp, webhook-signature).',
  'payment.callback.expired': ({ seconds }) =>
    `The signature’s timestamp is more than ${seconds} seconds away from the server’s clock: an old message is not replayed. Sign it again.`,
  'payment.callback.unknownReference': () => 'No promised gift has this reference in this institution.',
  'payment.callback.notGift': () => 'This reference is an apprenticeship-tax pledge’s: SOLTéA pays it, not a payment page.',

  'profile.notFound': () => 'This profile does not exist, or you cannot see it.',
  'profile.ifMatchRequired': () => 'Send the ETag of the profile you edited in an If-Match header, so that nobody’s changes are overwritten.',
  'profile.changed': () =>
    'This profile changed since you loaded it. Nothing was saved: compare with the current version, then send your changes again with its ETag.',
  'profile.changedWhileSaving': () => 'This profile changed while saving. Nothing was saved: reload it and try again.',
  'profile.educationEntity': () => 'Choose a school of this institution.',
  'profile.reviewFlag.notFound': () => 'This review flag does not exist, or you cannot see it.',
  'profile.reviewFlag.resolved': () => 'This possible duplicate was already resolved.',
  'profile.linkedin': () => 'Enter your LinkedIn profile address, such as https://www.linkedin.com/in/your-name.',
  'profile.emails.onePrimary': () => 'Choose exactly one primary email address.',
  'profile.emails.unique': () => 'Each email address appears once.',
  'profile.field.notEditable': () => 'This is not a profile field you can change.',
  'profile.visibility.fieldsOnly': () => 'Only profile fields have a visibility.',

  'purpose.notFound': () => 'This purpose does not exist, or you cannot see it.',
  'purpose.entity': () => 'Choose one of your institution’s entities.',
  'purpose.keyExists': ({ key }) => `A purpose with the key ${key} already exists. Edit it instead, or choose another key.`,
  'purpose.ifMatchRequired': () => 'Send the ETag you read as If-Match, so that nobody’s edit is overwritten.',
  'purpose.changed': () => 'This purpose was changed since you loaded it. Reload it, then make your change again.',
  'purpose.key.format': () => 'A purpose key is 1 to 40 lowercase letters, digits or hyphens, such as alumni-news.',
  'purpose.key.reserved': () => 'This key is reserved; choose another one.',
  'purpose.channels.unique': () => 'Each channel appears once.',
  'consent.channelUnused': ({ channel, channels }) => `This purpose does not use ${channel}; its channels are ${channels.join(', ')}.`,
  'consent.textChanged': () => 'The text of this purpose has changed since you read it. Read the new text, then choose again.',
  'consent.channels.atLeastOne': () => 'Choose at least one channel.',
  'consent.version.format': () => 'The version is the 64-character hash of the text.',
  'erasure.notFound': () => 'This erasure request does not exist, or you cannot see it.',
  'erasure.processed': () => 'This erasure request was already processed.',
  'erasure.confirm': () => 'Confirm that you want your account and data deleted.',
  'rights.recentSignIn': ({ task, minutes }) =>
    `Sign in again to ${task === 'export' ? 'download your data' : 'delete your account'}: for your safety it needs a sign-in from the last ${minutes} minutes.`,

  'solicitation.people.range': () => `List from 1 to 10,000 people to check.`,
  'solicitation.month.format': () => 'Give the month as YYYY-MM, such as 2026-12.',
  'solicitation.entity': () => 'Choose an entity of this institution as the sender.',
  'solicitation.refused.unknownPerson': () => 'This person does not exist in this institution.',
  'solicitation.refused.outOfScope': () => 'This person is not a member of the entities you look after.',
  'solicitation.refused.erased': () => 'This person asked for their account to be erased: contact them no more.',
  'solicitation.refused.objected': () => 'This person objected to being contacted for this purpose on this channel.',
  'solicitation.refused.notGranted': () => 'This person has not agreed to be contacted for this purpose on this channel, or their consent was withdrawn or has expired.',
  'solicitation.refused.renewalNeeded': () => 'This person agreed to an older text of this purpose: ask them to renew their consent first.',
  'solicitation.refused.capReached': () => 'This person has received every message they accept this month, all services together.',

  'webhook.notFound': () => 'This webhook subscription does not exist, or you cannot see it.',
  'webhook.entity': () => 'Choose an entity of this institution.',
  'webhook.ifMatchRequired': () => 'Send the ETag of the subscription you edited in an If-Match header, so that nobody’s change is overwritten.',
  'webhook.changed': () => 'This subscription changed since you loaded it. Nothing was saved: reload it, then apply your change again.',
  'webhook.changedWhileSaving': () => 'This subscription changed while saving. Nothing was saved: reload it and try again.',
  'webhook.url.format': () => 'Enter an absolute https address without credentials, such as https://crm.example.org/hooks/passerelle.',
  'webhook.url.https': ({ localAllowed }) =>
    localAllowed ? 'Use an https address (plain http is accepted only for localhost).' : 'Use an https address: deliveries carry personal data and are never sent in clear.',
  'webhook.url.internalHost': ({ host, range }) => `Webhooks go only to public internet addresses: ${host} is ${ranges[range]}.`,
  'webhook.url.internalAnswer': ({ host, address, range }) => `Webhooks go only to public internet addresses: ${host} resolves to ${address}, ${ranges[range]}.`,
  'webhook.url.unresolvable': ({ host }) =>
    `${host} could not be resolved (DNS), so where it leads cannot be checked: correct the address, or try again later.`,
  'webhook.events.unique': () => 'Name each event once.',
  'webhook.delivery.notFound': () => 'This delivery does not exist, or you cannot see it.',
  'webhook.delivery.id': () => 'Must be a delivery id (msg_ and a UUID).',
  'webhook.delivery.delivered': () => 'This message was already delivered; the receiver has it.',
  'mail.preference.kind': () => 'Only reminders and digests can be turned off: offer.digest, offer.expiresSoon or consent.expiresSoon.',
  'mail.unsubscribe.token': () => 'This unsubscribe link is incomplete: open the link from the email as it is.',
  'mail.unsubscribe.unknown': () => 'This unsubscribe link is not known (or no longer): change your preferences from your account instead.',
  'mail.person.notFound': () => 'This person does not exist, or you cannot see them.',
  'mail.freshness.months': () => 'A whole number of months, from 1 to 120.',
  'mail.freshness.notConfigured': () => 'The freshness campaign needs the purpose people agree to (settings.freshness.purpose): ask an administrator to set it.',
  'link.token': () => 'This link is incomplete: open it from the email as it is.',
  'link.unknown': () => 'This link does not work (or no longer): sign in another way.',
  'link.used': ({ address }) => `This link was already used. We can send a fresh one to ${address}.`,
  'link.expired': ({ address }) => `This link has expired (links last 7 days). We can send a fresh one to ${address}.`,
};
