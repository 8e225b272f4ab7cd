/**
 * What happens to each kind of data, told to the person when they ask, so
 * they know what is kept and why, in the reader's language (the element shows
 * the same, translated).
 */
import type { Language } from '@passerelle/schema/messages';

interface Notice {
  atOnce: string[];
  whenProcessed: string[];
  kept: { what: string; why: string; legalBasis: string }[];
}

export const erasureNotices: Record<Language, Notice> = {
  en: {
    atOnce: [
      'Your directory entry is hidden: nobody can find or read your profile any more.',
      'Every optional use of your data (newsletters, events, job offers) is withdrawn and you object to fundraising messages: nobody may contact you for them.',
    ],
    whenProcessed: [
      'Staff process your request within one month (GDPR art. 12(3)), after checking nothing must legally be kept longer.',
      'Your profile and marketing data are deleted; your name, email and sign-in identity are removed from your account; your sessions end.',
      'Your pledges stay in the accounts without your name (anonymised).',
      'A gift you promised and that is not yet received keeps your name and address until it is received or cancelled: its tax receipt needs them. Once received, its receipt is issued in your name and the gift is anonymised; once cancelled, it is anonymised.',
    ],
    kept: [
      {
        what: 'The data of the tax receipts issued for your donations (amount, date, receipt number, the donor’s identity printed on the receipt).',
        why: 'The institution must be able to show them to the tax administration for 6 years.',
        legalBasis: 'Art. L102 B du Livre des procédures fiscales (6 years); GDPR art. 17(3)(b), legal obligation.',
      },
      {
        what: 'The record of your consent choices (dates, texts you agreed to), under an anonymous id.',
        why: 'The institution must be able to prove the consents it relied on.',
        legalBasis: 'GDPR art. 7(1) and 5(2) (accountability).',
      },
      {
        what: 'This request and the audit log of changes, under an anonymous id.',
        why: 'To show that your request was handled.',
        legalBasis: 'GDPR art. 5(2) and 12 (accountability).',
      },
    ],
  },
  fr: {
    atOnce: [
      'Votre fiche d’annuaire est masquée : plus personne ne peut trouver ni lire votre profil.',
      'Tous les usages facultatifs de vos données (lettres d’information, événements, offres d’emploi) sont retirés et vous vous opposez aux appels aux dons : plus personne ne peut vous contacter pour ces usages.',
    ],
    whenProcessed: [
      'Le personnel traite votre demande sous un mois (RGPD art. 12-3), après avoir vérifié que rien ne doit légalement être conservé plus longtemps.',
      'Votre profil et vos données de prospection sont supprimés ; vos nom, adresse e-mail et identifiant de connexion sont effacés de votre compte ; vos sessions sont fermées.',
      'Vos promesses restent dans les comptes, sans votre nom (anonymisées).',
      'Un don promis et pas encore reçu garde vos nom et adresse jusqu’à sa réception ou son annulation : son reçu fiscal en a besoin. Une fois reçu, son reçu est émis à votre nom et le don est anonymisé ; une fois annulé, il est anonymisé.',
    ],
    kept: [
      {
        what: 'Les données des reçus fiscaux émis pour vos dons (montant, date, numéro du reçu, identité du donateur imprimée sur le reçu).',
        why: 'L’établissement doit pouvoir les présenter à l’administration fiscale pendant 6 ans.',
        legalBasis: 'Art. L102 B du Livre des procédures fiscales (6 ans) ; RGPD art. 17-3-b, obligation légale.',
      },
      {
        what: 'La trace de vos choix de consentement (dates, textes acceptés), sous un identifiant anonyme.',
        why: 'L’établissement doit pouvoir prouver les consentements sur lesquels il s’est appuyé.',
        legalBasis: 'RGPD art. 7-1 et 5-2 (responsabilité).',
      },
      {
        what: 'Cette demande et le journal des modifications, sous un identifiant anonyme.',
        why: 'Pour montrer que votre demande a été traitée.',
        legalBasis: 'RGPD art. 5-2 et 12 (responsabilité).',
      },
    ],
  },
};

/** The notice in the reader's language. */
export const erasureNotice = (language: Language): Notice => erasureNotices[language];
