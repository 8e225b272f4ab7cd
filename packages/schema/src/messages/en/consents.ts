/** English words of the purpose.*, consent.*, erasure.* and rights.* codes: an area of ../en.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const consents: CatalogueArea<'consents'> = {
  'consent.messagesPerMonth.range': () => 'Enter a whole number of messages per month, from 0 to 30.',

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
};
