/**
 * The words of a consent proof as a PDF (`GET /v1/consents/people/:personId/events/:eventId/proof?format=pdf`), in
 * French and English: the document an administrator or the data protection officer hands to an auditor. Typed, so a
 * label missing in one language fails the type-check.
 */
import type { ConsentChannel, ConsentProofStatus, LegalBasis } from '../../consents/index.ts';
import type { Language } from '../format.ts';

export interface ConsentProofWords {
  title: string;
  intro: (institution: string) => string;
  generated: (at: string, by: string) => string;
  person: string;
  personId: string;
  name: string;
  email: string;
  event: string;
  eventId: string;
  purpose: string;
  channel: string;
  choice: string;
  granted: string;
  refused: string;
  at: string;
  checkedOrigin: string;
  noOrigin: string;
  claimedPage: string;
  component: string;
  claimed: string;
  actor: string;
  self: string;
  staff: (reason: string | null) => string;
  text: string;
  textIntro: string;
  versionHash: string;
  versionDate: string;
  legalBasis: string;
  channels: string;
  titleIn: (language: string) => string;
  descriptionIn: (language: string) => string;
  integrity: string;
  integrityOk: (hash: string) => string;
  integrityBroken: (recorded: string, recomputed: string) => string;
  status: string;
  statuses: Record<ConsentProofStatus, string>;
  expiresAt: (at: string) => string;
  later: string;
  noLater: string;
  laterLine: (at: string, granted: boolean, hash: string) => string;
  basis: Record<LegalBasis, string>;
  channelNames: Record<ConsentChannel, string>;
  none: string;
  page: (n: number, of: number) => string;
}

const fr: ConsentProofWords = {
  title: 'Preuve de consentement',
  intro: (institution) => `Document établi par ${institution} à partir du registre des consentements de Passerelle, qui n’est jamais modifié ni effacé.`,
  generated: (at, by) => `Établi le ${at} par ${by}.`,
  person: 'Personne concernée',
  personId: 'Identifiant',
  name: 'Nom',
  email: 'Adresse électronique',
  event: 'Le choix',
  eventId: 'Identifiant de l’événement',
  purpose: 'Finalité',
  channel: 'Canal',
  choice: 'Choix',
  granted: 'accord donné',
  refused: 'accord retiré ou opposition',
  at: 'Date et heure (UTC)',
  checkedOrigin: 'Origine vérifiée par le serveur',
  noOrigin: 'aucune (requête sans navigateur)',
  claimedPage: 'Page indiquée par le client',
  component: 'Composant indiqué par le client',
  claimed: 'déclaré, non vérifié',
  actor: 'Enregistré par',
  self: 'la personne elle-même',
  staff: (reason) => `le personnel, pour la personne${reason ? ` (motif : ${reason})` : ''}`,
  text: 'Le texte exact présenté',
  textIntro: 'Le texte de la finalité tel que la personne l’a lu, dans la version enregistrée avec son choix.',
  versionHash: 'Empreinte de la version (SHA-256)',
  versionDate: 'Version publiée le',
  legalBasis: 'Base légale',
  channels: 'Canaux proposés',
  titleIn: (language) => `Titre (${language})`,
  descriptionIn: (language) => `Texte (${language})`,
  integrity: 'Intégrité',
  integrityOk: (hash) => `Le texte ci-dessus, recalculé sous sa forme canonique, donne bien l’empreinte enregistrée (${hash}).`,
  integrityBroken: (recorded, recomputed) => `Attention : le texte ci-dessus donne l’empreinte ${recomputed}, différente de l’empreinte enregistrée ${recorded}.`,
  status: 'Situation à la date du document',
  statuses: {
    inForce: 'Consentement en vigueur, pour le texte actuel.',
    renewalNeeded: 'Consentement en vigueur pour une version antérieure du texte : il est à renouveler.',
    withdrawn: 'Consentement retiré depuis.',
    expired: 'Consentement expiré : sa durée de conservation est écoulée.',
    superseded: 'Remplacé depuis par un nouveau consentement.',
    refusal: 'Ce choix est un retrait ou une opposition.',
  },
  expiresAt: (at) => `Fin de validité : ${at}.`,
  later: 'Choix suivants pour cette finalité et ce canal',
  noLater: 'Aucun.',
  laterLine: (at, granted, hash) => `${at} — ${granted ? 'accord donné' : 'accord retiré ou opposition'} (version ${hash})`,
  basis: { consent: 'consentement', legitimate_interest: 'intérêt légitime' },
  channelNames: { email: 'courriel', sms: 'SMS', post: 'courrier', phone: 'téléphone' },
  none: '—',
  page: (n, of) => `Page ${n} sur ${of}`,
};

const en: ConsentProofWords = {
  title: 'Proof of consent',
  intro: (institution) => `Document issued by ${institution} from Passerelle’s consent register, which is never changed nor erased.`,
  generated: (at, by) => `Issued on ${at} by ${by}.`,
  person: 'Person concerned',
  personId: 'Identifier',
  name: 'Name',
  email: 'Email address',
  event: 'The choice',
  eventId: 'Event identifier',
  purpose: 'Purpose',
  channel: 'Channel',
  choice: 'Choice',
  granted: 'consent given',
  refused: 'consent withdrawn or objection',
  at: 'Date and time (UTC)',
  checkedOrigin: 'Origin checked by the server',
  noOrigin: 'none (a request without a browser)',
  claimedPage: 'Page named by the client',
  component: 'Component named by the client',
  claimed: 'claimed, not checked',
  actor: 'Recorded by',
  self: 'the person themself',
  staff: (reason) => `staff, on the person’s behalf${reason ? ` (reason: ${reason})` : ''}`,
  text: 'The exact text shown',
  textIntro: 'The purpose’s text as the person read it, in the version recorded with their choice.',
  versionHash: 'Version hash (SHA-256)',
  versionDate: 'Version published on',
  legalBasis: 'Legal basis',
  channels: 'Channels offered',
  titleIn: (language) => `Title (${language})`,
  descriptionIn: (language) => `Text (${language})`,
  integrity: 'Integrity',
  integrityOk: (hash) => `The text above, hashed again in its canonical form, gives the recorded hash (${hash}).`,
  integrityBroken: (recorded, recomputed) => `Warning: the text above gives the hash ${recomputed}, not the recorded hash ${recorded}.`,
  status: 'Standing on the day of this document',
  statuses: {
    inForce: 'Consent in force, for the current text.',
    renewalNeeded: 'Consent in force for an earlier version of the text: it is to be renewed.',
    withdrawn: 'Consent withdrawn since.',
    expired: 'Consent expired: its retention period is over.',
    superseded: 'Replaced since by a new consent.',
    refusal: 'This choice is a withdrawal or an objection.',
  },
  expiresAt: (at) => `Valid until: ${at}.`,
  later: 'Later choices for this purpose and channel',
  noLater: 'None.',
  laterLine: (at, granted, hash) => `${at} — ${granted ? 'consent given' : 'consent withdrawn or objection'} (version ${hash})`,
  basis: { consent: 'consent', legitimate_interest: 'legitimate interest' },
  channelNames: { email: 'email', sms: 'SMS', post: 'post', phone: 'phone' },
  none: '—',
  page: (n, of) => `Page ${n} of ${of}`,
};

export const consentProofWords: Readonly<Record<Language, ConsentProofWords>> = { fr, en };
