/** English words of the offer.* codes: an area of ../en.ts (../areas.ts). */
import type { OfferStatus } from '../../policy/types.ts';
import { euros } from '../format.ts';
import type { CatalogueArea } from '../areas.ts';

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

export const offers: CatalogueArea<'offers'> = {
  'offer.kind.choice': () => 'Choose the kind of contract.',
  'offer.remote.choice': () => 'Choose on site, hybrid or remote.',
  'offer.duration.unit': () => 'Choose months or weeks.',
  'offer.targets.atLeastOne': () => 'Choose at least one school or programme.',

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
  'offer.submit.required': ({ field }) => submissionNeeds[field],
  'offer.duration.tooLong': ({ months }) => `An internship lasts at most ${months} months.`,
  'offer.stipend.owed': ({ minimumMonthlyCents, hourlyRateCents, rateYear, givenCents }) =>
    `A stipend of at least ${euros('en', minimumMonthlyCents)} per month is owed for this duration (${euros('en', hourlyRateCents)} per hour in ${rateYear}, over 2 months of presence). ${
      givenCents === 0 ? 'Enter a monthly stipend.' : `${euros('en', givenCents)} is below it.`
    }`,
  'offer.expiry.tooFar': ({ latest }) => `An offer expires at most a year ahead: choose ${latest} or earlier.`,
  'offer.expiry.past': () => 'The expiry date is in the past: choose today or a later date.',
};
