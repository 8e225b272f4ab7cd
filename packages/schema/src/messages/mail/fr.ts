/** French words of every email sent to people. */
import { euros } from '../format.ts';
import type { MailCatalogue } from './index.ts';

/** 2026-05-15 → 15/05/2026. */
const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const requestKind = (kind: 'represent' | 'create') => (kind === 'create' ? 'd’ajout de l’entreprise' : 'pour représenter l’entreprise');
const pledgeWhat = (kind: 'donation' | 'apprenticeship_tax') => (kind === 'donation' ? 'votre don' : 'votre promesse de taxe d’apprentissage');

export const fr: MailCatalogue = {
  kinds: {
    'offer.published': ({ title }) => ({
      subject: `Votre offre est publiée : ${title}`,
      paragraphs: [`Votre offre « ${title} » a été validée et publiée. Les étudiants la voient dès maintenant.`],
      why: 'Vous recevez ce message parce que vous êtes l’auteur de cette offre.',
    }),
    'offer.rejected': ({ title, reason }) => ({
      subject: `Votre offre n’a pas été retenue : ${title}`,
      paragraphs: [`Votre offre « ${title} » n’a pas été publiée.`, `Motif : ${reason}`],
      why: 'Vous recevez ce message parce que vous êtes l’auteur de cette offre.',
    }),
    'offer.changesRequested': ({ title, reason }) => ({
      subject: `Des modifications sont demandées : ${title}`,
      paragraphs: [`Votre offre « ${title} » vous est renvoyée pour modification avant publication.`, `Ce qu’il faut changer : ${reason}`],
      why: 'Vous recevez ce message parce que vous êtes l’auteur de cette offre.',
    }),
    'offer.expiresSoon': ({ title, expiresOn, days }) => ({
      subject: `Votre offre expire dans ${days} jours : ${title}`,
      paragraphs: [`Votre offre « ${title} » ne sera plus visible après le ${day(expiresOn)}. Prolongez-la si le poste est encore à pourvoir.`],
      why: 'Vous recevez ce rappel parce que vous êtes l’auteur de cette offre.',
    }),
    'offer.expired': ({ title, expiresOn }) => ({
      subject: `Votre offre a expiré : ${title}`,
      paragraphs: [`Votre offre « ${title} » a expiré le ${day(expiresOn)} et n’est plus visible. Publiez-en une nouvelle si le poste est encore à pourvoir.`],
      why: 'Vous recevez ce message parce que vous êtes l’auteur de cette offre.',
    }),
    'offer.digest': ({ offers, total }) => ({
      subject: total === 1 ? '1 offre attend votre validation' : `${total} offres attendent votre validation`,
      paragraphs: [total === 1 ? 'Une offre destinée à vos entités attend d’être validée :' : `${total} offres destinées à vos entités attendent d’être validées :`],
      list: [...offers.map((o) => `${o.title} — ${o.company} (soumise le ${day(o.submittedAt)})`), ...(total > offers.length ? [`et ${total - offers.length} autres`] : [])],
      why: 'Vous recevez ce récapitulatif quotidien parce que vous validez les offres de vos entités. Vous pouvez le désactiver dans vos préférences.',
    }),
    'company.request.approved': ({ company, kind }) => ({
      subject: `Votre demande est acceptée : ${company}`,
      paragraphs: [`Votre demande ${requestKind(kind)} ${company} a été acceptée. Vous pouvez désormais publier des offres et faire des promesses au nom de l’entreprise.`],
      why: 'Vous recevez ce message parce que vous avez fait cette demande.',
    }),
    'company.request.refused': ({ company, kind, reason }) => ({
      subject: `Votre demande n’est pas acceptée : ${company}`,
      paragraphs: [`Votre demande ${requestKind(kind)} ${company} n’a pas été acceptée.`, `Motif : ${reason}`],
      why: 'Vous recevez ce message parce que vous avez fait cette demande.',
    }),
    'pledge.acknowledged': ({ reference, kind, beneficiary, amountCents, paymentUrl, soltea }) => ({
      subject: kind === 'donation' ? `Merci pour votre promesse de don (réf. ${reference})` : `Votre promesse de taxe d’apprentissage est enregistrée (réf. ${reference})`,
      paragraphs: [
        `Nous avons bien enregistré ${pledgeWhat(kind)} en faveur de ${beneficiary}${amountCents !== null ? ` (${euros('fr', amountCents)})` : ''}. Référence : ${reference}.`,
        ...(kind === 'donation'
          ? [paymentUrl ? 'Étape suivante : réglez votre don sur la page de paiement de l’établissement.' : 'Étape suivante : l’établissement vous indiquera comment régler votre don.']
          : soltea
            ? [`Étape suivante : affectez votre taxe sur SOLTéA (campagne ${soltea.campaignYear}) :`]
            : []),
      ],
      ...(soltea
        ? {
            list: [
              soltea.periods.length > 0
                ? `Connectez-vous à SOLTéA pendant une période d’affectation : ${soltea.periods.map((p) => `du ${day(p.opens)} au ${day(p.closes)}`).join(', ')}.`
                : `Connectez-vous à SOLTéA dès que le calendrier de la campagne ${soltea.campaignYear} est publié.`,
              `Cherchez l’établissement ${soltea.school} par son UAI ${soltea.uai}${soltea.schoolSiret ? ` (SIRET ${soltea.schoolSiret})` : ''}.`,
              soltea.sharePercent !== null ? `Affectez-lui ${soltea.sharePercent.toLocaleString('fr-FR')} % de votre solde, puis validez.` : 'Indiquez la part de votre solde que vous lui affectez, puis validez.',
            ],
          }
        : {}),
      ...(kind === 'donation' && paymentUrl ? { action: { label: 'Régler mon don', url: paymentUrl } } : {}),
      why: 'Vous recevez ce message parce que vous avez fait cette promesse.',
    }),
    'pledge.received': ({ reference, kind, beneficiary, receivedCents, receivedOn, receipt }) => ({
      subject: `Merci : ${kind === 'donation' ? 'votre don est bien arrivé' : 'votre taxe d’apprentissage est bien arrivée'} (réf. ${reference})`,
      paragraphs: [
        `${beneficiary} a bien reçu ${pledgeWhat(kind)}${receivedCents !== null ? ` (${euros('fr', receivedCents)})` : ''}${receivedOn ? ` le ${day(receivedOn)}` : ''}. Merci de votre soutien.`,
        `Référence : ${reference}.`,
        ...(receipt ? [`Votre reçu fiscal n° ${receipt.number} est établi.`] : []),
      ],
      ...(receipt
        ? {
            link: {
              label: 'Télécharger mon reçu fiscal',
              says: 'Ce lien vous connecte à vos dons et promesses, où vous téléchargez le reçu (PDF).',
              otherwise: 'Vous le téléchargez (PDF) depuis vos dons et promesses, sur le site de l’établissement.',
            },
          }
        : {}),
      why: 'Vous recevez ce message parce que vous avez fait cette promesse.',
    }),
    'pledge.solteaReminder': ({ moment, reference, period: { fr: period }, opens, closes, daysLeft, soltea }) => ({
      subject:
        moment === 'opens'
          ? `SOLTéA : la ${period.toLowerCase()} est ouverte jusqu’au ${day(closes)} (réf. ${reference})`
          : `SOLTéA : plus que ${daysLeft} ${daysLeft === 1 ? 'jour' : 'jours'} pour répartir votre taxe d’apprentissage (réf. ${reference})`,
      paragraphs: [
        moment === 'opens'
          ? `La ${period.toLowerCase()} de la campagne ${soltea.campaignYear} est ouverte depuis le ${day(opens)} et ferme le ${day(closes)}. Votre promesse en faveur de ${soltea.school} reste à répartir sur SOLTéA.`
          : `La ${period.toLowerCase()} de la campagne ${soltea.campaignYear} ferme le ${day(closes)} : plus que ${daysLeft} ${daysLeft === 1 ? 'jour' : 'jours'}, aujourd’hui compris. Votre promesse en faveur de ${soltea.school} reste à répartir sur SOLTéA.`,
      ],
      list: [
        `Connectez-vous à SOLTéA avec le compte de l’entreprise avant le ${day(closes)}.`,
        `Cherchez ${soltea.school} par son UAI ${soltea.uai}${soltea.schoolSiret ? ` (SIRET ${soltea.schoolSiret})` : ''}.`,
        soltea.sharePercent !== null ? `Affectez-lui ${soltea.sharePercent} % de votre solde, puis validez.` : 'Indiquez la part de votre solde que vous lui affectez, puis validez.',
      ],
      why: 'Vous recevez ce rappel parce que votre entreprise a promis sa taxe d’apprentissage et ne l’a pas encore répartie.',
    }),
    'erasure.requested': ({ requestedAt }) => ({
      subject: 'Votre demande d’effacement est enregistrée',
      paragraphs: [
        `Nous avons reçu votre demande d’effacement du ${day(requestedAt)}. Votre fiche est déjà retirée de l’annuaire et toutes vos sollicitations sont arrêtées.`,
        'Le reste de vos données sera effacé par l’établissement ; vous recevrez un dernier message une fois l’effacement fait.',
      ],
      why: 'Vous recevez ce message parce que vous avez demandé l’effacement de vos données.',
    }),
    'erasure.done': ({ processedAt }) => ({
      subject: 'Vos données ont été effacées',
      paragraphs: [`Vos données ont été effacées le ${day(processedAt)}. Seules restent celles que la loi nous oblige à garder (reçus fiscaux, preuves de consentement).`, 'Ce message est le dernier que vous recevrez de notre part.'],
      why: 'Vous recevez ce message parce que vous avez demandé l’effacement de vos données.',
    }),
    'consent.expiresSoon': ({ purpose: { fr: purpose }, expiresAt, renewal }) => {
      const open = 'Pour le renouveler, ouvrez votre centre de consentement et confirmez votre choix.';
      return {
        subject: `Votre accord « ${purpose} » prend fin bientôt`,
        paragraphs: [`Votre accord pour « ${purpose} » prend fin le ${day(expiresAt)}. Sans renouvellement, nous cesserons ces envois à cette date.`, ...(renewal ? [] : [open])],
        ...(renewal
          ? { link: { label: 'Renouveler mon accord', says: `Un clic sur ce lien renouvelle votre accord tel quel, pour le même texte, pour ${renewal.months} mois, et ouvre votre centre de consentement.`, otherwise: open } }
          : {}),
        why: 'Vous recevez ce rappel parce que vous aviez donné cet accord.',
      };
    },
    'consent.textChanged': ({ purpose: { fr: purpose } }) => ({
      subject: `Le texte de « ${purpose} » a changé : confirmez votre accord`,
      paragraphs: [`Le texte auquel vous aviez consenti pour « ${purpose} » a changé.`, 'Ouvrez votre centre de consentement pour lire le nouveau texte et confirmer, ou retirer, votre accord.'],
      why: 'Vous recevez ce message parce que vous aviez donné cet accord.',
    }),
    'auth.link': () => ({
      subject: 'Votre nouveau lien de connexion',
      paragraphs: ['Voici le nouveau lien que vous avez demandé : il vous connecte et vous mène où vous alliez.'],
      why: 'Vous recevez ce message parce qu’un nouveau lien a été demandé pour cette adresse. Si ce n’est pas vous, ignorez-le.',
    }),
    'profile.freshness': ({ months }) => ({
      subject: 'Vos informations sont-elles toujours à jour ?',
      paragraphs: [`Vous n’avez pas confirmé vos informations depuis ${months} mois. Un coup d’œil suffit : corrigez ce qui a changé, ou confirmez que tout est exact.`],
      why: 'Vous recevez ce message parce que vous avez accepté d’être contacté pour tenir votre fiche à jour. Vous pouvez le désactiver dans vos préférences.',
    }),
    'person.graduated': ({ address }) => ({
      subject: 'Félicitations : comment vous connecter désormais',
      paragraphs: [
        'Vous faites désormais partie de nos diplômés. Votre profil, vos consentements et votre historique restent tels quels.',
        `Désormais, connectez-vous avec cette adresse, ${address} : demandez un code de connexion sur le site de l’établissement, il arrivera ici, même une fois votre compte étudiant fermé.`,
      ],
      why: 'Vous recevez ce message parce que vous avez ajouté cette adresse à votre compte et que votre statut a changé.',
    }),
    'person.addressAdded': ({ address, addedAt }) => ({
      subject: 'Une nouvelle adresse de connexion a été ajoutée à votre compte',
      paragraphs: [
        `Le ${day(addedAt)}, l’adresse ${address} a été ajoutée à votre compte : elle vous permet désormais de vous connecter.`,
        'Si ce n’est pas vous, retirez-la de « Mes adresses de connexion » dans votre profil et prévenez l’établissement.',
      ],
      why: 'Vous recevez ce message parce que les adresses qui vous connectent ont changé.',
    }),
  },
  chrome: {
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    unsubscribeLabel: 'Ne plus recevoir ces messages',
    unsubscribe: (url) => `Ne plus recevoir ces messages : ${url}`,
    link: { profile: 'Mettre à jour mes informations', consents: 'Gérer mes consentements', offers: 'Voir mes offres', pledges: 'Voir mes dons et promesses', company: 'Ouvrir mon espace entreprise' },
    linkNote: (days) => `Ce lien vous connecte directement ; il sert une seule fois et vaut ${days} jours. Ne le transférez pas.`,
    sentBy: (institution) => `Message envoyé par ${institution} via Passerelle.`,
  },
};
