/** What an element needs to word messages in French, in one file fetched when it has one to show (`dist/messages/fr.js`). */
export { fr as catalogue } from '@passerelle/schema/messages/fr';
export { issueMessage } from '@passerelle/schema/messages';
