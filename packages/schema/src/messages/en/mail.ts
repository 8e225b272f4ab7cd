/** English words of the mail.* codes: an area of ../en.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const mail: CatalogueArea<'mail'> = {
  'mail.preference.kind': () => 'Only reminders and digests can be turned off: offer.digest, offer.expiresSoon or consent.expiresSoon.',
  'mail.unsubscribe.token': () => 'This unsubscribe link is incomplete: open the link from the email as it is.',
  'mail.unsubscribe.unknown': () => 'This unsubscribe link is not known (or no longer): change your preferences from your account instead.',
  'mail.person.notFound': () => 'This person does not exist, or you cannot see them.',
  'mail.freshness.months': () => 'A whole number of months, from 1 to 120.',
  'mail.freshness.notConfigured': () => 'The freshness campaign needs the purpose people agree to (settings.freshness.purpose): ask an administrator to set it.',
};
