import type { fr } from './translations.ts';

export const en = {
  heading: 'Stay in touch',
  intro: 'Optional: nothing is ticked in advance, and you can change your mind at any time in “My consents”.',
  loading: 'Loading the contact choices…',
  loadError: 'The contact choices could not be loaded: the rest of the form can be sent without them.',
  retry: 'Try again',
  channels: { email: 'By email', sms: 'By text message', post: 'By post', phone: 'By phone' },
  owner: (entity: string) => `Controller: ${entity}`,
  recorded: 'Your contact choices are recorded.',
  notRecorded: 'Your contact choices could not be recorded.',
} satisfies typeof fr;
