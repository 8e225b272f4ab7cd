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
  /**
   * French wording of the shared schema's (English) messages, keyed by the
   * English text. A message missing here is shown as the schema wrote it.
   */
  issues: {
    'Enter a valid email address, such as name@example.org.': 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
    'An email address is at most 254 characters.': 'Une adresse e-mail compte au plus 254 caractères.',
    'The code is the 6 digits, or the 12 characters, from the email.': 'Le code est composé des 6 chiffres, ou des 12 caractères, reçus par e-mail.',
    'This code is wrong or has expired. Ask for a new one.': 'Ce code est erroné ou a expiré. Demandez-en un nouveau.',
    'This identity token is not valid: it may be expired, already used, or signed with a key this institution has not registered.':
      'Votre identité n’a pas pu être vérifiée (jeton expiré, déjà utilisé ou signé par une clé inconnue). Connectez-vous par e-mail ou rechargez la page.',
    'This person is not known to Passerelle yet. The institution must add them before they can sign in.':
      'Vous n’êtes pas encore connu·e de Passerelle. L’établissement doit vous ajouter avant que vous puissiez vous connecter.',
    'Too many codes were asked for. Wait 15 minutes and try again.': 'Trop de codes ont été demandés. Patientez 15 minutes et réessayez.',
    'Too many wrong codes were entered from your network. Wait 15 minutes and try again.': 'Trop de codes erronés ont été saisis depuis votre réseau. Patientez 15 minutes et réessayez.',
    'Sign-in by email code is turned off on this server. Sign in through your institution’s website.':
      'La connexion par code envoyé par e-mail est désactivée sur ce serveur. Connectez-vous depuis le site de votre établissement.',
    'Your session has expired or was signed out. Sign in again.': 'Votre session a expiré ou a été fermée. Reconnectez-vous.',
    'The service could not be reached. Check your connection and try again.': 'Le service est injoignable. Vérifiez votre connexion et réessayez.',
  } as Record<string, string>,
};

export type Translation = typeof fr;
