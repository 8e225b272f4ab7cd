import type { fr } from './addresses.words.ts';

export const en = {
  title: 'My sign-in addresses',
  intro: 'Add a personal address: you will be able to sign in with it by a code, even once your institution’s address is closed.',
  primary: (email: string) => `Institution address: ${email}`,
  none: 'No personal address yet.',
  remove: 'Remove',
  removeLabel: (email: string) => `Remove ${email}`,
  newAddress: 'New address',
  sendCode: 'Get a code',
  code: (email: string) => `Code received at ${email}`,
  verify: 'Verify',
  cancel: 'Cancel',
  sent: (email: string) => `A code was sent to ${email}.`,
  added: (email: string) => `${email} is added: you can sign in with it.`,
  removed: (email: string) => `${email} is removed.`,
} satisfies typeof fr;
