/**
 * Shared French strings (the reference: `en` must have exactly these keys).
 * Components keep their own strings in their folder's `translations.ts`.
 */
export const fr = {
  signIn: {
    title: 'Connexion',
    intro: 'Recevez un code de connexion par e-mail.',
    email: 'Adresse e-mail',
    emailHint: 'Nous vous enverrons un code à 6 chiffres.',
    sendCode: 'Recevoir un code',
    code: 'Code reçu par e-mail',
    codeHint: (email: string) => `Saisissez le code envoyé à ${email}.`,
    verify: 'Se connecter',
    otherEmail: 'Utiliser une autre adresse',
    signingIn: 'Connexion en cours…',
    expired: 'Votre session a expiré. Reconnectez-vous.',
  },
  session: {
    signedInAs: 'Connecté·e en tant que',
    signOut: 'Se déconnecter',
    signOutEverywhere: 'Se déconnecter partout',
    signOutEverywhereFailed: 'Vos autres sessions n’ont pas pu être fermées. Réessayez.',
    roles: 'Rôles',
  },
  roles: {
    student: 'Étudiant·e',
    alumnus: 'Diplômé·e',
    staff: 'Personnel',
    admin: 'Administration',
    company_rep: 'Représentant·e d’entreprise',
    dpo: 'Délégué·e à la protection des données',
  },
  form: {
    summaryTitle: 'Le formulaire contient des erreurs',
    summaryIntro: (count: number) => (count === 1 ? 'Corrigez le champ suivant :' : `Corrigez les ${count} champs suivants :`),
    fieldError: (label: string, message: string) => `${label} : ${message}`,
    problemTitle: 'L’envoi n’a pas abouti',
    busy: 'Envoi en cours…',
    required: 'obligatoire',
    optional: 'facultatif',
    choose: 'Choisir…',
  },
};

export type Translation = typeof fr;
