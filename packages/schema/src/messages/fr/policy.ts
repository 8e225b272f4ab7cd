/** French words of the policy.* codes: an area of ../fr.ts (../areas.ts). */
import type { Action } from '../../policy/types.ts';
import type { CatalogueArea } from '../areas.ts';

const refusals: Record<Action, string> = {
  'profile.read': 'Connectez-vous à cet établissement pour consulter les profils de ses membres, puis réessayez.',
  'profile.edit':
    'Seuls la personne elle-même, le personnel de l’une de ses entités ou un administrateur peuvent modifier ce profil. Demandez la modification à la personne ou au service de son école.',
  'consent.read':
    'Seuls la personne concernée, le personnel de l’une de ses entités, un administrateur ou le délégué à la protection des données peuvent consulter ses consentements. Adressez-vous à la personne ou au service de son école.',
  'consent.edit': 'Seule la personne concernée peut donner ou retirer son consentement. Demandez-lui de le faire depuis son centre de consentements.',
  'consent.proof':
    'Seuls les administrateurs et le délégué à la protection des données peuvent lire l’historique complet des consentements d’une personne et exporter la preuve d’un consentement. Adressez-vous au délégué à la protection des données de votre établissement.',
  'data.export':
    'Seule la personne concernée peut exporter ou effacer ses données. Demandez-lui d’en faire la demande depuis son centre de consentements.',
  'company.search': 'Connectez-vous à cet établissement pour rechercher ses entreprises, puis réessayez.',
  'company.create':
    'Seuls le service des relations entreprises et les administrateurs peuvent ajouter une entreprise. Demandez-lui de l’ajouter, puis publiez votre offre pour elle.',
  'company.request': 'Connectez-vous à cet établissement pour demander l’ajout d’une entreprise, puis réessayez.',
  'company.edit':
    'Seuls les représentants de l’entreprise, le personnel et les administrateurs peuvent la modifier. Demandez à représenter l’entreprise, ou demandez la modification au service des relations entreprises.',
  'company.moderate':
    'Seuls le personnel et les administrateurs vérifient les entreprises et les demandes de représentation. Demandez au service des relations entreprises de l’examiner.',
  'offer.create':
    'Vous pouvez publier une offre en tant qu’étudiant·e ou diplômé·e, en tant que représentant·e de cette entreprise, ou en tant que personnel pour vos propres entités. Demandez à représenter l’entreprise, ou demandez au service des relations entreprises de l’école visée de la publier.',
  'offer.edit':
    'Seuls l’auteur (jusqu’à la publication), les représentants de l’entreprise, le personnel d’une entité visée ou un administrateur peuvent modifier cette offre. Demandez la modification au service des relations entreprises de l’école visée.',
  'offer.moderate':
    'Seuls le personnel d’une entité visée par l’offre ou un administrateur peuvent la publier ou la refuser. Demandez au service des relations entreprises de l’école visée de l’examiner.',
  'pledge.donate':
    'Seul un représentant de cette entreprise peut s’engager en son nom. Engagez-vous à titre personnel, ou demandez d’abord à représenter l’entreprise.',
  'pledge.tax':
    'Seuls un représentant de l’entreprise, le personnel qui l’enregistre pour ses propres entités ou un administrateur peuvent promettre la taxe d’apprentissage. Demandez au service RH ou financier de l’entreprise de s’engager, ou demandez à représenter l’entreprise.',
  'pledge.readAmount':
    'Le montant d’une promesse n’est visible que de son auteur, de l’entreprise qui s’engage, du personnel de l’entité bénéficiaire et des administrateurs. Adressez-vous au service bénéficiaire si vous en avez besoin.',
  'audit.read':
    'Seuls le personnel, pour ses propres entités, et les administrateurs peuvent consulter le journal d’audit. Demandez à un administrateur les entrées dont vous avez besoin.',
  'webhook.manage':
    'Seuls les administrateurs peuvent gérer les webhooks, car ils envoient les données de l’établissement à d’autres systèmes. Demandez à un administrateur de votre établissement d’en créer un.',
  'records.export':
    'Seuls le personnel, pour ses propres entités, et les administrateurs peuvent exporter les personnes, les offres et les promesses. Demandez la liste dont vous avez besoin au service de votre école.',
  'offer.read':
    'Seuls l’auteur, les représentants de l’entreprise, le personnel d’une entité visée ou un administrateur peuvent lire une offre qui n’est pas publiée. Attendez sa publication.',
  'offer.publishDirectly':
    'Seuls le personnel de chaque entité visée et les administrateurs publient une offre sans modération. Elle sera publiée après examen par le service des relations entreprises.',
  'offer.queue': 'Seuls le personnel et les administrateurs ont une file de modération. Vos propres offres sont à ?mine=true.',
  'offer.browse': 'Connectez-vous pour lire les offres : cet établissement les réserve à ses membres.',
  'offer.companyList':
    'Seuls les représentants de l’entreprise et les administrateurs voient toutes ses offres. Demandez à représenter l’entreprise ; vos propres offres sont à ?mine=true.',
  'company.representatives': 'Seuls les représentants de l’entreprise, le personnel et les administrateurs voient qui la représente. Demandez à représenter l’entreprise.',
  'pledge.read':
    'Seuls l’auteur d’une promesse, les représentants de l’entreprise, le personnel de l’entité bénéficiaire ou un administrateur peuvent la consulter. Adressez-vous au service de l’entité bénéficiaire.',
  'pledge.receive':
    'Seuls le personnel de l’entité bénéficiaire ou un administrateur peuvent enregistrer la réception d’une promesse. Adressez-vous au service de l’entité bénéficiaire.',
  'pledge.queryAmounts':
    'Trier ou filtrer par montant n’est possible que sur les montants que vous pouvez lire. Choisissez l’une de vos entités.',
  'pledge.totals':
    'Seuls le personnel et les administrateurs consultent les totaux par entité. Adressez-vous au service de votre école.',
  'pledge.import': 'Seuls le personnel d’une entité bénéficiaire ou un administrateur peuvent importer un relevé de versements.',
  'profile.editSchoolData':
    'Seuls la personne elle-même, le personnel de l’une de ses entités ou un administrateur peuvent modifier sa formation, et seul le personnel une fois qu’il l’a enregistrée. Demandez la correction au service de son école.',
  'profile.setVisibility': 'Seule la personne choisit qui voit chaque champ de son profil. Demandez-lui de le modifier.',
  'profile.listDuplicates': 'Seuls le personnel et les administrateurs examinent les doublons possibles. Adressez-vous au service des diplômés.',
  'profile.resolveDuplicate':
    'Seul le personnel de l’école de la personne (ou un administrateur) examine les doublons possibles. Demandez-leur de s’en charger.',
  'purpose.manage': 'Seuls les administrateurs gèrent les finalités de consentement. Demandez à un administrateur de l’établissement.',
  'consent.setDefaults':
    'Seuls les administrateurs règlent les valeurs par défaut des consentements. Demandez à un administrateur de l’établissement.',
  'consent.export': 'Seuls les administrateurs exportent les consentements vers le CRM. Demandez à un administrateur de l’établissement.',
  'erasure.process':
    'Les demandes d’effacement sont traitées par le personnel de l’école de la personne ou par un administrateur. Demandez-leur de la traiter.',
  'receipt.read':
    'Seuls le donateur, les représentants de l’entreprise donatrice, le personnel de l’entité bénéficiaire et les administrateurs peuvent télécharger ce reçu fiscal. Adressez-vous au service bénéficiaire.',
  'receipt.list':
    'Seuls le personnel, pour ses propres entités, et les administrateurs consultent les reçus fiscaux émis. Vos propres reçus sont dans « Mes dons et promesses ».',
  'receipt.correct': 'Seuls le personnel de l’entité bénéficiaire ou un administrateur peuvent corriger un reçu fiscal. Demandez-leur la correction.',
  'receipt.setIssuer':
    'Seuls les administrateurs règlent au nom de qui l’établissement émet ses reçus fiscaux. Adressez-vous à un administrateur de votre établissement.',
  'pledge.setCalendar': 'Seuls les administrateurs fixent le calendrier SOLTéA. Adressez-vous à un administrateur de votre établissement.',
  'pledge.setPaymentPages': 'Seuls les administrateurs choisissent les pages de paiement des dons. Adressez-vous à un administrateur de votre établissement.',
  'mail.configure': 'Seuls les administrateurs règlent le nom, les couleurs et les pages des messages de l’établissement. Adressez-vous à un administrateur de votre établissement.',
  'solicitation.record':
    'Seuls le personnel de l’entité expéditrice et les administrateurs peuvent enregistrer un message envoyé en son nom. Connectez-vous avec un compte de cette entité, ou adressez-vous à son service.',
  'solicitation.check':
    'Seuls le personnel, pour ses propres entités, et les administrateurs peuvent vérifier qui peut être sollicité. Adressez-vous au service de votre école.',
  'solicitation.read':
    'Seuls la personne concernée, le personnel de l’une de ses entités et les administrateurs peuvent voir qui l’a sollicitée. Adressez-vous à la personne ou au service de son école.',
  'retention.review': 'Seuls le personnel, pour ses propres entités, et les administrateurs examinent les personnes inactives depuis la durée de conservation. Adressez-vous au service de votre école.',
  'retention.setRule': 'Seuls les administrateurs fixent le nombre d’années sans activité qu’attend la règle de conservation. Adressez-vous à un administrateur de votre établissement.',
};

export const policy: CatalogueArea<'policy'> = {
  'policy.refused': ({ action }) => refusals[action],
  'policy.notFound': () => 'Introuvable.',
  'policy.wrongResource': ({ action, expected: kind, actual }) => `L’action ${action} porte sur un objet de type ${kind}, pas ${actual}.`,
  'policy.emailSessionWithholdsStaff': () =>
    'Cette session a été ouverte avec un code reçu par e-mail, qui ne donne pas les droits du personnel ni des administrateurs. Connectez-vous depuis le site de votre établissement pour agir en tant que personnel.',
  'policy.company.requestInstead': () =>
    'Seuls le service des relations entreprises et les administrateurs peuvent ajouter directement une entreprise. Faites-en plutôt la demande : elle sera disponible une fois vérifiée par le personnel.',
  'policy.offer.ownCompanyOnly': () =>
    'Vous ne pouvez publier des offres que pour l’entreprise que vous représentez. Demandez à représenter cette entreprise, ou demandez au service des relations entreprises de publier l’offre.',
  'policy.pledge.ownCompanyOnly': () =>
    'Vous ne pouvez promettre la taxe d’apprentissage que pour l’entreprise que vous représentez : le SIRET de l’établissement qui verse doit être l’un des siens (même SIREN). Demandez à représenter l’autre entreprise, ou adressez-vous au service des relations entreprises.',
  'policy.offer.lockedForAuthor': () =>
    'Une fois publiée ou close, cette offre n’est plus modifiable par son auteur. Demandez au service des relations entreprises de l’école visée de la modifier ou de la retirer.',
  'policy.offer.outsideStaffScope': () =>
    'En tant que personnel, vous ne pouvez publier des offres que pour vos propres entités et celles qui en dépendent. Choisissez des cibles dans votre périmètre, ou demandez au service des relations entreprises de cette école de publier l’offre.',
  'policy.adminOnly': ({ task }) =>
    `Seuls les administrateurs peuvent ${{ purposes: 'gérer les finalités', consentDefaults: 'modifier les réglages de consentement par défaut', consentExport: 'exporter l’état des consentements', solteaCalendar: 'fixer le calendrier SOLTéA', paymentPages: 'choisir les pages de paiement des dons', mailSettings: 'régler le nom, les couleurs et les pages des messages de l’établissement' }[task]}. Adressez-vous à un administrateur de votre établissement.`,
  'policy.moderationQueue': () => 'Seuls le personnel et les administrateurs ont une file de modération. Vos propres offres sont à ?mine=true.',
  'policy.offerBoardSignIn': () => 'Connectez-vous pour lire les offres : cet établissement les réserve à ses membres.',
  'policy.duplicatesStaffOnly': () => 'Seuls le personnel et les administrateurs examinent les doublons possibles. Adressez-vous au service des diplômés.',
  'policy.reviewStaffOnly': () => 'Seul le personnel de l’école de la personne (ou un administrateur) examine les doublons possibles. Demandez-leur de s’en charger.',
  'policy.erasureStaffOnly': () =>
    'Les demandes d’effacement sont traitées par le personnel de l’école de la personne ou par un administrateur. Demandez-leur de la traiter.',
  'policy.pledgeTotals': () =>
    'Les totaux par entité sont réservés au personnel des entités bénéficiaires et aux administrateurs. Vos propres promesses sont dans GET /v1/pledges.',
  'policy.pledgeReportImport': () => 'Seuls le personnel d’une entité bénéficiaire ou un administrateur peuvent importer un relevé de versements.',
  'policy.pledgeChange': () =>
    'Seuls l’auteur d’une promesse, les représentants de l’entreprise qui s’engage, le personnel de l’entité bénéficiaire ou un administrateur peuvent la modifier. Adressez-vous au service bénéficiaire.',
  'policy.pledgeReceive': () =>
    'Seuls le personnel de l’entité bénéficiaire ou un administrateur peuvent enregistrer la réception d’une promesse. Adressez-vous au service bénéficiaire.',
  'policy.pledgeAmountQuery': () =>
    'Trier ou filtrer par montant n’est possible que parmi les promesses dont vous pouvez voir le montant. Ajoutez à la requête entityId= l’une de vos propres entités.',
  'policy.educationLocked': () =>
    'Votre formation (programme, école, année de diplôme) est enregistrée par l’établissement : vous ne pouvez pas la modifier ici. Demandez au service des diplômés de la corriger.',
  'policy.visibilityOwnerOnly': () => 'Seule la personne choisit qui voit chaque champ de son profil. Demandez-lui de le modifier.',
};
