/** Words of the desk's retention panel (retention.ts), French first; English with the same keys. Fetched with the panel. */
import type { RetentionActivity } from '@passerelle/schema';

const years = (n: number, fr: boolean) => (fr ? (n === 1 ? '1 an' : `${n} ans`) : n === 1 ? '1 year' : `${n} years`);

export const frRetention = {
  title: 'Personnes inactives à examiner',
  rule: (since: string, n: number, isDefault: boolean) =>
    `Sont présentées les personnes de vos écoles sans aucun signe de vie depuis le ${since}, soit ${years(n, true)}${isDefault ? ' (durée par défaut)' : ', durée fixée par l’établissement'} : ni connexion, ni profil confirmé ou modifié, ni don, ni choix de consentement, ni appartenance nouvelle.`,
  cnil: 'La CNIL recommande de conserver les données d’un fichier de prospects (et, par analogie, d’anciens élèves) trois ans à compter du dernier contact venu de la personne, puis de les supprimer ou de les anonymiser.',
  excluded: 'Les comptes du personnel, des administrateurs et du délégué à la protection des données ne sont pas concernés ; une personne qui a demandé son effacement se traite parmi les demandes d’effacement.',
  empty: 'Aucune personne inactive dans vos écoles.',
  count: (n: number, more: boolean) => (more ? `${n} personnes affichées ; il y en a d’autres.` : n === 1 ? '1 personne inactive.' : `${n} personnes inactives.`),
  erased: 'Nom non renseigné',
  roles: { student: 'étudiant·e', alumnus: 'diplômé·e', company_rep: 'représentant·e d’entreprise' } as Record<string, string>,
  last: (kind: RetentionActivity, date: string) =>
    `Dernier signe de vie : ${{ signIn: 'connexion', profile: 'profil confirmé ou modifié', gift: 'don ou promesse', consent: 'choix de consentement', membership: 'appartenance', recorded: 'enregistrement dans Passerelle' }[kind]}, le ${date}.`,
  anonymise: 'Anonymiser',
  anonymiseLabel: (name: string) => `Anonymiser ${name}`,
  cancel: 'Annuler',
  confirmTitle: 'Anonymiser cette personne ?',
  confirmBody:
    'Comme pour une demande d’effacement : le profil est supprimé, les dons et promesses anonymisés (les données fiscales sont gardées le temps que la loi l’exige), les consentements retirés, le nom, l’adresse et les rôles retirés. Une demande d’effacement traitée est enregistrée en son nom et journalisée. Aucun message ne lui est envoyé. C’est définitif.',
  confirm: (name: string) => `Anonymiser ${name}`,
  anonymised: (name: string) => `${name} est anonymisé·e.`,
  more: 'Afficher plus',
};

export const enRetention: typeof frRetention = {
  title: 'Inactive people to review',
  rule: (since: string, n: number, isDefault: boolean) =>
    `Listed: the people of your schools with no sign of life since ${since}, that is ${years(n, false)}${isDefault ? ' (the default)' : ', as the institution set it'}: no sign-in, no profile confirmed or changed, no gift, no consent choice, no new membership.`,
  cnil: 'The CNIL recommends keeping the data of a file of prospects (and, by analogy, of alumni) three years from the last contact that came from the person, then deleting or anonymising it.',
  excluded: 'Staff, administrator and data protection officer accounts are left out; a person who asked to be erased is handled among the erasure requests.',
  empty: 'No inactive person in your schools.',
  count: (n: number, more: boolean) => (more ? `${n} people shown; there are more.` : n === 1 ? '1 inactive person.' : `${n} inactive people.`),
  erased: 'Name not given',
  roles: { student: 'student', alumnus: 'alumnus', company_rep: 'company representative' },
  last: (kind: RetentionActivity, date: string) =>
    `Last sign of life: ${{ signIn: 'signed in', profile: 'profile confirmed or changed', gift: 'gift or pledge', consent: 'consent choice', membership: 'membership', recorded: 'recorded in Passerelle' }[kind]}, on ${date}.`,
  anonymise: 'Anonymise',
  anonymiseLabel: (name: string) => `Anonymise ${name}`,
  cancel: 'Cancel',
  confirmTitle: 'Anonymise this person?',
  confirmBody:
    'As for an erasure request: the profile is deleted, gifts and pledges anonymised (tax data is kept as long as the law requires), consents withdrawn, the name, address and roles removed. A processed erasure request is recorded on their behalf and audited. No message is sent to them. This cannot be undone.',
  confirm: (name: string) => `Anonymise ${name}`,
  anonymised: (name: string) => `${name} is anonymised.`,
  more: 'Show more',
};
