/** English words of the mail.* codes: an area of ../en.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const mail: CatalogueArea<'mail'> = {
  'mail.preference.kind': () => 'Only reminders and digests can be turned off: offer.digest, offer.expiresSoon or consent.expiresSoon.',
  'mail.unsubscribe.token': () => 'This unsubscribe link is incomplete: open the link from the email as it is.',
  'mail.unsubscribe.unknown': () => 'This unsubscribe link is not known (or no longer): change your preferences from your account instead.',
  'mail.person.notFound': () => 'This person does not exist, or you cannot see them.',
  'mail.freshness.months': () => 'A whole number of months, from 1 to 120.',
  'mail.freshness.notConfigured': () => 'The freshness campaign needs the purpose people agree to (settings.freshness.purpose): ask an administrator to set it.',
  'mail.branding.name': () => 'The name at the top of messages: 1 to 120 characters, on one line.',
  'mail.branding.colour': () => 'A colour as # and six hexadecimal digits, such as #1f3a93.',
  'mail.branding.contrast': () => 'This colour is too light to read against white (at least 4.5:1 is needed): choose a darker one.',
  'mail.pages.https': () => 'A page of the institution’s site, starting with https://, such as https://www.univ-exemple.fr/mon-compte.',
  'mail.pages.unregisteredOrigin': ({ origin }) => `${origin} is not one of the institution’s registered origins, so the portal on this page could not sign people in: register it first, or choose a page of a registered origin.`,
};
