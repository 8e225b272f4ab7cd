/** English words of the policy.* codes: an area of ../en.ts (../areas.ts). */
import type { Action } from '../../policy/types.ts';
import type { CatalogueArea } from '../areas.ts';

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
  'mail.configure': 'Only administrators set the name, colours and pages of the institution’s messages. Ask an administrator of your institution.',
  'solicitation.record':
    'Only staff of the sending entity, or an administrator, can record a message sent in its name. Sign in with an account of that entity, or ask its office.',
  'solicitation.check': 'Only staff, for their own entities, and administrators can check who may be contacted. Ask your school’s office.',
  'solicitation.read':
    'Only the person concerned, staff of one of their entities or an administrator can see who contacted them. Ask the person or their school’s office.',
  'retention.review': 'Only staff, for their own entities, and administrators review the people inactive for the retention period. Ask your school’s office.',
  'retention.setRule': 'Only administrators set how many years without activity the retention rule waits. Ask an administrator of your institution.',
};

export const policy: CatalogueArea<'policy'> = {
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
    `Only administrators can ${{ purposes: 'manage purposes', consentDefaults: 'change the consent defaults', consentExport: 'export consent states', solteaCalendar: 'set the SOLTéA calendar', paymentPages: 'choose the gifts’ payment pages', mailSettings: 'set the name, colours and pages of the institution’s messages' }[task]}. Ask an administrator of your institution.`,
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
};
