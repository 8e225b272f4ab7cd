/** English words of the pledge.*, soltea.* and payment.* codes: an area of ../en.ts (../areas.ts). */
import { count } from '../format.ts';
import type { CatalogueArea } from '../areas.ts';

export const pledges: CatalogueArea<'pledges'> = {
  'pledge.amount.range': () => `Enter an amount in euros, from 0.01 to ${count('en', 100_000_000)}.`,
  'pledge.figure.range': () => `Enter an amount in euros, from 0 to ${count('en', 1_000_000_000_000)}, or leave it empty.`,
  'pledge.frequency.choice': () => 'Choose once, monthly or yearly.',
  'pledge.donor.kind': () => 'Say who gives: yourself or your company.',
  'pledge.designation.kind': () => 'Choose where the gift goes: the foundation, one of its funds, or a school or service.',
  'pledge.share.range': () => 'A share is a percentage from 0.01 to 100.',
  'pledge.share.decimals': () => 'A share has at most two decimals.',
  'pledge.campaignYear.range': () => 'Choose a campaign year from 2020 to 2100.',

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
  'pledge.transfer.notFound': () => 'This transfer is not among those kept for your schools.',
  'pledge.transfer.matched': () => 'This transfer was already matched to a pledge: reload the list.',
  'pledge.transfer.notCandidate': () => 'Choose one of the open pledges this transfer could settle: same SIRET, same school.',
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
};
