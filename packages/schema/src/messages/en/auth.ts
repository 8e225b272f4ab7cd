/** English words of the auth.*, session.*, person.* and link.* codes: an area of ../en.ts (../areas.ts). */
import type { CatalogueArea } from '../areas.ts';

export const auth: CatalogueArea<'auth'> = {
  'auth.required': () => 'Sign in to continue.',
  'auth.sessionEnded': () => 'Your session has expired or was signed out. Sign in again.',
  'auth.originUnregistered': ({ origin }) => `The origin ${origin} is not registered for this institution. Ask its administrator to add it.`,
  'auth.tokenInvalid': () =>
    'This identity token is not valid: it may be expired, already used, or signed with a key this institution has not registered.',
  'auth.personUnknown': () => 'This person is not known to Passerelle yet. The institution must add them before they can sign in.',
  'auth.emailSignInOff': () => 'Sign-in by email code is turned off on this server. Sign in through your institution’s website.',
  'auth.code.format': () => 'The code is the 6 digits, or the 12 characters, from the email.',
  'auth.code.wrong': () => 'This code is wrong or has expired. Ask for a new one.',
  'auth.code.tooManyAsked': ({ minutes }) => `Too many codes were asked for. Wait ${minutes} minutes and try again.`,
  'auth.code.tooManyWrong': ({ minutes }) => `Too many wrong codes were entered from your network. Wait ${minutes} minutes and try again.`,
  'session.notFound': () => 'This session does not exist, or you cannot see it.',
  'person.notFound': () => 'This person does not exist, or you cannot see them.',
  'person.address.taken': () => 'This address belongs to someone else at this institution. Use another one, or ask the institution’s staff.',
  'person.address.yours': () => 'This address is already yours: you can sign in with it.',
  'person.address.notFound': () => 'This address is not among yours.',
  'link.token': () => 'This link is incomplete: open it from the email as it is.',
  'link.unknown': () => 'This link does not work (or no longer): sign in another way.',
  'link.used': ({ address }) => `This link was already used. We can send a fresh one to ${address}.`,
  'link.expired': ({ address }) => `This link has expired (links last 7 days). We can send a fresh one to ${address}.`,
};
