/**
 * The two sentences a client must be able to say without its catalogue:
 * when the catalogue itself cannot be fetched (offline), and for a code it
 * does not know. The catalogues take them from here, so they are written once.
 */
import type { Language } from './format.ts';

export const essentials: Readonly<Record<Language, { readonly unknown: string; readonly network: string }>> = {
  fr: {
    unknown: 'L’opération n’a pas abouti. Réessayez, ou contactez votre établissement si le problème persiste.',
    network: 'Le service est injoignable. Vérifiez votre connexion et réessayez.',
  },
  en: {
    unknown: 'That did not work. Try again, or contact your institution if it keeps happening.',
    network: 'The service could not be reached. Check your connection and try again.',
  },
};
