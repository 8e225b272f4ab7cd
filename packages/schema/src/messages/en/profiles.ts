/** English words of the profile.* codes: an area of ../en.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const profiles: CatalogueArea<'profiles'> = {
  'profile.language.choice': () => 'Choose French or English.',

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
};
