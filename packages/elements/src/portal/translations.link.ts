/**
 * Words of what src/portal/link.ts draws (a link from a message that no
 * longer signs in), fetched with it: a page opened without a link never
 * downloads them. English: `enLink` in translations.en.ts. What happened to
 * the link is the API's problem code (`link.used`, `link.expired`), worded by
 * the message catalogues.
 */
export const frLink = {
  title: 'Lien de connexion',
  resend: 'Recevoir un nouveau lien',
  sent: (address: string) => `Un nouveau lien vient d’être envoyé à ${address}. Il vous connecte une seule fois, pendant 7 jours.`,
};
