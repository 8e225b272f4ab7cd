/** What an element needs to word messages in English, in one file fetched when it has one to show (`dist/messages/en.js`). */
export { en as catalogue } from '@passerelle/schema/messages/en';
export { issueMessage } from '@passerelle/schema/messages';
