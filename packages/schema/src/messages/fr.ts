/**
 * French words of every message code — the default language. The
 * `Catalogue` type makes a missing or misspelt code a type error;
 * messages.test.ts checks the same at runtime, and that no English slipped in.
 */
import type { PledgeStatus } from '../pledges/pledge.ts';
import type { Action, OfferStatus } from '../policy/types.ts';
import type { AddressRange, Catalogue, ExpectedType, ProblemTitleKind } from './codes.ts';
import { essentials } from './essentials.ts';
import { count, euros, oneOf } from './format.ts';

const titles: Record<ProblemTitleKind, string> = {
  validation: 'Requête invalide',
  malformed: 'JSON mal formé',
  unauthenticated: 'Connexion requise',
  forbidden: 'Action non autorisée',
  notFound: 'Introuvable',
  methodNotAllowed: 'Méthode non autorisée',
  conflict: 'Conflit',
  preconditionFailed: 'Modifié depuis votre lecture',
  preconditionRequired: 'En-tête If-Match requis',
  tooLarge: 'Requête trop volumineuse',
  unsupportedMediaType: 'Type de contenu non pris en charge',
  idempotencyMismatch: 'Clé d’idempotence réutilisée',
  tooManyRequests: 'Trop de requêtes',
  internal: 'Erreur interne',
  unavailable: 'Service momentanément indisponible',
  storageFull: 'Stockage plein',
};

const expected: Record<ExpectedType, string> = {
  text: 'Saisissez un texte.',
  number: 'Saisissez un nombre.',
  boolean: 'Répondez par oui ou non (true ou false).',
  list: 'Une liste est attendue.',
  object: 'Un groupe de champs est attendu.',
  value: 'Cette valeur n’est pas du type attendu.',
};

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
  'solicitation.record':
    'Seuls le personnel de l’entité expéditrice et les administrateurs peuvent enregistrer un message envoyé en son nom. Connectez-vous avec un compte de cette entité, ou adressez-vous à son service.',
  'solicitation.check':
    'Seuls le personnel, pour ses propres entités, et les administrateurs peuvent vérifier qui peut être sollicité. Adressez-vous au service de votre école.',
  'solicitation.read':
    'Seuls la personne concernée, le personnel de l’une de ses entités et les administrateurs peuvent voir qui l’a sollicitée. Adressez-vous à la personne ou au service de son école.',
};

const ranges: Record<AddressRange, string> = {
  loopback: 'le serveur lui-même (boucle locale)',
  private: 'une adresse de réseau privé',
  'link-local': 'une adresse de lien local (comme un service de métadonnées cloud)',
  shared: 'une adresse partagée de NAT d’opérateur (100.64.0.0/10)',
  unspecified: 'l’adresse non spécifiée',
  multicast: 'une adresse de multidiffusion',
  reserved: 'une adresse réservée ou à usage spécial',
};

const offerStatuses: Record<OfferStatus, string> = {
  draft: 'un brouillon',
  submitted: 'en relecture',
  changes_requested: 'à modifier',
  published: 'publiée',
  rejected: 'refusée',
  filled: 'pourvue',
  expired: 'expirée',
  withdrawn: 'retirée',
};
const offerVerbs = {
  submit: 'envoyée en relecture',
  publish: 'publiée',
  reject: 'refusée',
  requestChanges: 'renvoyée pour modification',
  withdraw: 'retirée',
  fill: 'marquée pourvue',
  renew: 'prolongée',
} as const;
const pledgeStatuses: Record<PledgeStatus, string> = { promised: 'promise', allocated: 'affectée', received: 'reçue', cancelled: 'annulée' };
const submissionNeeds = {
  description: 'Une description est nécessaire pour envoyer l’offre.',
  location: 'Un lieu est nécessaire pour envoyer l’offre.',
  remote: 'Choisissez sur site, hybride ou à distance pour envoyer l’offre.',
  startDate: 'Une date de début est nécessaire pour envoyer l’offre.',
  duration: 'Une durée est nécessaire pour envoyer l’offre.',
  weeklyHours: 'Les heures par semaine sont nécessaires pour envoyer l’offre.',
  apply: 'Indiquez comment postuler pour envoyer l’offre.',
  expiresOn: 'Une date d’expiration est nécessaire pour envoyer l’offre.',
} as const;
const quoted = (items: readonly string[]) => items.map((o) => `« ${o} »`);
const offerIs = (status: OfferStatus) => `Cette offre est ${offerStatuses[status]}`;

export const fr: Catalogue = {
  'problem.title': ({ kind }) => titles[kind],
  'problem.unknown': () => essentials.fr.unknown,
  'network.unreachable': () => essentials.fr.network,

  'validation.invalid': () => 'Cette valeur n’est pas valide.',
  'validation.required': () => 'Ce champ est obligatoire.',
  'validation.unknownKey': () => 'Ce champ n’est pas attendu ici.',
  'validation.tooLong': ({ max }) => `${count('fr', max)} caractères au plus.`,
  'validation.tooShort': ({ min }) => `${count('fr', min)} caractères au moins.`,
  'validation.tooMany': ({ max }) => `${count('fr', max)} éléments au plus.`,
  'validation.tooFew': ({ min }) => (min === 1 ? 'Au moins un élément.' : `${count('fr', min)} éléments au moins.`),
  'validation.tooSmall': ({ min }) => `Saisissez ${count('fr', min)} ou plus.`,
  'validation.tooBig': ({ max }) => `Saisissez ${count('fr', max)} au plus.`,
  'validation.outOfRange': ({ min, max }) => `Saisissez une valeur de ${count('fr', min)} à ${count('fr', max)}.`,
  'validation.integer': () => 'Saisissez un nombre entier.',
  'validation.email': () => 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.',
  'validation.url': () => 'Saisissez une adresse complète, par exemple https://www.exemple.fr.',
  'validation.date': () => 'Saisissez une date au format AAAA-MM-JJ.',
  'validation.dateNotReal': () => 'Cette date n’existe pas.',
  'validation.dateTime': () => 'Saisissez une heure au format ISO 8601, par exemple 2026-03-02T09:00:00Z.',
  'validation.id': () => 'Choisissez un élément dans la liste.',
  'validation.format': () => 'Cette valeur n’a pas le format attendu.',
  'validation.wrongType': ({ expected: e }) => expected[e],
  'validation.notOneOf': ({ options }) => (options.length === 1 ? `Seule la valeur ${quoted(options)[0]} est acceptée.` : `Choisissez ${oneOf('fr', quoted(options))}.`),
  'validation.slug': () => 'Utilisez de 1 à 40 lettres minuscules, chiffres ou tirets.',
  'validation.origin': () => 'Une origine se compose d’un schéma, d’un hôte et d’un port facultatif, par exemple https://www.exemple.fr (sans chemin ni barre finale).',
  'validation.siret': () => 'Un SIRET compte 14 chiffres, dont une clé de contrôle valide.',
  'validation.siren': () => 'Un SIREN compte 9 chiffres, dont une clé de contrôle valide.',
  'validation.uai': () => 'Un UAI (anciennement RNE) compte 7 chiffres suivis d’une lettre de contrôle, par exemple 0751717J.',
  'validation.website': () => 'Une adresse de site commence par https:// ou http://.',
  'validation.emptyChange': () => 'Envoyez au moins un champ à modifier.',
  // Fields of particular schemas.
  'validation.phone': () => 'Saisissez un numéro de téléphone, par exemple +33 6 12 34 56 78.',
  'validation.country': () => 'Utilisez le code pays à deux lettres, par exemple FR ou DE.',
  'validation.postalCode': () => 'Saisissez un code postal, par exemple 69007.',
  'validation.year': () => 'Saisissez une année de 1900 à 2100, par exemple 2019.',
  'offer.kind.choice': () => 'Choisissez le type de contrat.',
  'offer.remote.choice': () => 'Choisissez sur site, hybride ou à distance.',
  'offer.duration.unit': () => 'Choisissez des mois ou des semaines.',
  'offer.targets.atLeastOne': () => 'Choisissez au moins une école ou formation.',
  'pledge.amount.range': () => `Saisissez un montant en euros, de 0,01 à ${count('fr', 100_000_000)}.`,
  'pledge.figure.range': () => `Saisissez un montant en euros, de 0 à ${count('fr', 1_000_000_000_000)}, ou laissez vide.`,
  'pledge.frequency.choice': () => 'Choisissez une fois, chaque mois ou chaque année.',
  'pledge.donor.kind': () => 'Indiquez au nom de qui vous donnez : vous-même ou votre entreprise.',
  'pledge.designation.kind': () => 'Choisissez l’affectation du don : la fondation, l’un de ses fonds, ou une école ou un service.',
  'pledge.share.range': () => 'La part est un pourcentage de 0,01 à 100.',
  'pledge.share.decimals': () => 'La part a au plus deux décimales.',
  'pledge.campaignYear.range': () => 'Choisissez une année de campagne de 2020 à 2100.',
  'profile.language.choice': () => 'Choisissez le français ou l’anglais.',
  'consent.messagesPerMonth.range': () => 'Indiquez un nombre entier de messages par mois, de 0 à 30.',
  'company.siren.ofSiret': () => 'Le SIREN doit correspondre aux 9 premiers chiffres du SIRET.',
  'tenant.keyId.format': () => 'Un identifiant de clé compte de 1 à 64 lettres, chiffres, points, tirets ou tirets bas.',
  'tenant.key.algorithm': () => 'L’algorithme est HS256, EdDSA, RS256 ou ES256.',
  'tenant.key.tooShort': () => 'Une clé compte au moins 32 caractères (un secret HS256 ou une clé publique PEM).',
  'import.year.format': () => 'Une année s’écrit avec quatre chiffres, par exemple 2019.',
  'import.mapping.object': () => 'Une correspondance de colonnes est un objet, par exemple { "Nom": "familyName" }.',
  'import.mapOption.format': () => 'Une option --map s’écrit « En-tête=champ », par exemple --map "Nom=familyName".',

  'request.invalid': () => 'Certains champs ne sont pas valides : voir errors.',
  'request.malformedJson': () => 'Le corps de la requête n’est pas un JSON valide.',
  'request.tooLarge': ({ maxKiB }) => `Le corps de la requête dépasse ${maxKiB} Kio.`,
  'request.notJson': () => 'Envoyez le corps au format application/json.',
  'request.methodNotAllowed': ({ method, allowed }) => `La méthode ${method} n’est pas acceptée ici. Méthodes acceptées : ${allowed.join(', ')}.`,
  'request.noRoute': ({ method, path }) => `Rien ne répond à ${method} ${path}.`,
  'request.tenantMismatch': () => 'L’établissement indiqué n’est pas celui de votre session : ne le précisez pas une fois connecté.',
  'list.cursor': () => 'Curseur invalide : utilisez le nextCursor de la page précédente, ou repartez de la première page.',
  'list.limit': ({ max }) => `limit est un nombre entier de 1 à ${max}.`,
  'server.internal': () => 'Un problème est survenu de notre côté. Rien n’a été enregistré ; veuillez réessayer.',
  'server.storageFull': () => 'La base de données est pleine ; rien n’a été enregistré. Réessayez plus tard : l’équipe d’exploitation est prévenue.',
  'server.busy': ({ seconds }) => `La base de données est occupée ; rien n’a été enregistré. Réessayez dans ${seconds} secondes.`,
  'idempotency.raced': () => 'Une requête portant la même Idempotency-Key vient d’aboutir. Renvoyez-la pour lire son résultat.',
  'idempotency.reused': () =>
    'Cette Idempotency-Key a déjà servi pour une autre requête. Envoyez une nouvelle clé pour une nouvelle requête ; ne réutilisez une clé que pour renvoyer exactement la même.',
  'idempotency.keyMissing': () => 'L’en-tête Idempotency-Key est obligatoire pour cette requête.',
  'idempotency.keyHowTo': () =>
    'Envoyez un en-tête Idempotency-Key : une valeur aléatoire (un UUID par exemple) créée une fois par formulaire, et renvoyée telle quelle en cas de nouvel essai.',
  'idempotency.keyInvalid': () => 'L’en-tête Idempotency-Key n’est pas valide.',
  'idempotency.keyFormat': () => 'Idempotency-Key compte de 1 à 200 caractères parmi les lettres, les chiffres et _ - : .',
  'resource.notFound': () => 'Cette ressource n’existe pas, ou vous ne pouvez pas la voir.',

  'auth.required': () => 'Connectez-vous pour continuer.',
  'auth.sessionEnded': () => 'Votre session a expiré ou a été fermée. Reconnectez-vous.',
  'auth.originUnregistered': ({ origin }) => `L’origine ${origin} n’est pas enregistrée pour cet établissement. Demandez à son administrateur de l’ajouter.`,
  'auth.tokenInvalid': () =>
    'Votre identité n’a pas pu être vérifiée (jeton expiré, déjà utilisé ou signé par une clé inconnue). Connectez-vous par e-mail ou rechargez la page.',
  'auth.personUnknown': () => 'Vous n’êtes pas encore connu·e de Passerelle. L’établissement doit vous ajouter avant que vous puissiez vous connecter.',
  'auth.emailSignInOff': () => 'La connexion par code envoyé par e-mail est désactivée sur ce serveur. Connectez-vous depuis le site de votre établissement.',
  'auth.code.format': () => 'Le code est composé des 6 chiffres, ou des 12 caractères, reçus par e-mail.',
  'auth.code.wrong': () => 'Ce code est erroné ou a expiré. Demandez-en un nouveau.',
  'auth.code.tooManyAsked': ({ minutes }) => `Trop de codes ont été demandés. Patientez ${minutes} minutes et réessayez.`,
  'auth.code.tooManyWrong': ({ minutes }) => `Trop de codes erronés ont été saisis depuis votre réseau. Patientez ${minutes} minutes et réessayez.`,
  'session.notFound': () => 'Cette session n’existe pas, ou vous ne pouvez pas la voir.',
  'person.notFound': () => 'Cette personne n’existe pas, ou vous ne pouvez pas la voir.',

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
    `Seuls les administrateurs peuvent ${{ purposes: 'gérer les finalités', consentDefaults: 'modifier les réglages de consentement par défaut', consentExport: 'exporter l’état des consentements', solteaCalendar: 'fixer le calendrier SOLTéA', paymentPages: 'choisir les pages de paiement des dons' }[task]}. Adressez-vous à un administrateur de votre établissement.`,
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

  'company.notFound': () => 'Cette entreprise n’existe pas, ou vous ne pouvez pas la voir.',
  'company.siretExists': ({ name, represent }) =>
    `Une entreprise avec ce SIRET existe déjà : ${name}.${represent ? ' Demandez plutôt à la représenter (envoyez son companyId).' : ''}`,
  'company.alreadyRepresented': ({ name }) => `Vous représentez déjà ${name}.`,
  'company.alreadyAsked': ({ name }) => `Vous avez déjà demandé à représenter ${name} ; le service des relations entreprises va l’examiner.`,
  'company.requestOneOf': () => 'Envoyez soit companyId (pour représenter une entreprise existante), soit company (pour en demander une nouvelle).',
  'company.ifMatchRequired': () => 'Envoyez If-Match avec l’ETag lu, pour que personne ne perde sa modification.',
  'company.changed': () => 'Cette entreprise a été modifiée depuis votre lecture. Rechargez-la, puis refaites votre modification.',
  'companyRequest.notFound': () => 'Cette demande n’existe pas, ou vous ne pouvez pas la voir.',
  'companyRequest.decided': ({ status }) => `Cette demande a déjà été ${status === 'approved' ? 'acceptée' : 'refusée'}.`,

  'offer.notFound': () => 'Cette offre n’existe pas, ou vous ne pouvez pas la voir.',
  'offer.ifMatchRequired': () => 'Envoyez If-Match avec l’ETag lu, pour que personne ne perde sa modification.',
  'offer.changed': () => 'Cette offre a été modifiée depuis votre lecture. Rechargez-la, puis refaites votre modification.',
  'offer.closed': ({ status }) => `${offerIs(status)} ; elle ne peut plus être modifiée.`,
  'offer.wrongStatus': ({ status, verb }) => `${offerIs(status)} ; elle ne peut pas être ${offerVerbs[verb]} maintenant.`,
  'offer.company.fromList': () => 'Choisissez une entreprise dans la liste : tapez son nom, son SIRET ou son SIREN, puis sélectionnez une proposition.',
  'offer.company.pickOrAsk': () =>
    'Choisissez une entreprise dans la liste. Si la vôtre manque, demandez à votre service des relations entreprises de l’ajouter.',
  'offer.company.pending': () =>
    'Cette entreprise attend la vérification du service des relations entreprises ; vous pourrez publier pour elle une fois vérifiée.',
  'offer.targets.fromList': () => 'Choisissez des écoles ou des formations dans la liste.',
  'offer.apply.format': () => 'Saisissez une adresse web commençant par https:// ou une adresse e-mail.',
  'offer.list.mineOrQueue': () => 'Demandez mine ou queue, pas les deux.',
  'audit.list.action': () => 'Saisissez une action comme offer.create, ou son début terminé par un point, comme offer.',
  'audit.list.dateOrder': () => 'La date de fin précède la date de début : choisissez une date de fin égale ou postérieure.',
  'offer.submit.required': ({ field }) => submissionNeeds[field],
  'offer.duration.tooLong': ({ months }) => `Un stage dure au plus ${months} mois.`,
  'offer.stipend.owed': ({ minimumMonthlyCents, hourlyRateCents, rateYear, givenCents }) =>
    `Une gratification d’au moins ${euros('fr', minimumMonthlyCents)} par mois est due pour cette durée (${euros('fr', hourlyRateCents)} de l’heure en ${rateYear}, au-delà de 2 mois de présence). ${
      givenCents === 0 ? 'Saisissez une gratification mensuelle.' : `${euros('fr', givenCents)} est en dessous.`
    }`,
  'offer.expiry.tooFar': ({ latest }) => `Une offre expire au plus tard un an après aujourd’hui : choisissez le ${latest} ou une date antérieure.`,
  'offer.expiry.past': () => 'La date d’expiration est passée : choisissez aujourd’hui ou plus tard.',

  'pledge.notFound': () => 'Cette promesse n’existe pas, ou vous ne pouvez pas la voir.',
  'pledge.ifMatchRequired': () => 'Envoyez l’ETag de la promesse modifiée dans un en-tête If-Match, pour que personne ne perde sa modification.',
  'pledge.changed': () => 'Cette promesse a changé depuis votre lecture. Rechargez-la, vérifiez, puis réessayez.',
  'pledge.cancelled': () => 'Cette promesse a été annulée : faites plutôt une nouvelle promesse.',
  'pledge.amountLocked': ({ status }) =>
    `Cette promesse est ${pledgeStatuses[status]} : son montant ne peut plus changer. Annulez-la et faites une nouvelle promesse, ou adressez-vous au service bénéficiaire.`,
  'pledge.fieldNotForKind': ({ kind }) => `Ce champ ne s’applique pas ${kind === 'donation' ? 'à un don' : 'à une promesse de taxe d’apprentissage'}.`,
  'pledge.designation.entity': () => 'Choisissez l’une des écoles ou l’un des services de l’établissement.',
  'pledge.designation.fund': () => 'Choisissez l’un des fonds proposés.',
  'pledge.designation.noFoundation': () => 'Cet établissement n’a pas de fondation : choisissez plutôt une école.',
  'pledge.company.notVerified': () => 'Choisissez une entreprise vérifiée par l’établissement.',
  'pledge.company.noSiret': () => 'Cette entreprise n’a pas de SIRET enregistré, nécessaire au reçu fiscal : demandez à l’établissement de l’ajouter.',
  'pledge.tax.entity': () => 'Choisissez l’une des écoles de l’établissement.',
  'pledge.tax.noUai': () => 'Cette entité n’a pas d’UAI et ne peut donc pas recevoir la taxe d’apprentissage : choisissez une école.',
  'pledge.tax.noCampaign': () => 'Il n’y a pas de campagne de taxe d’apprentissage cette année : choisissez la campagne en cours.',
  'pledge.tax.campaignOver': ({ year }) =>
    `Les périodes de répartition de la campagne ${year} sont terminées : SOLTéA n’accepte plus de répartition pour cette campagne. Choisissez la campagne suivante.`,
  'pledge.tax.employerSiret': () => 'Saisissez le SIRET de l’établissement qui verse la taxe.',
  'pledge.allocate.notTax': () =>
    'Seule une promesse de taxe d’apprentissage s’affecte sur SOLTéA ; un don se règle sur la page de paiement de l’établissement.',
  'pledge.allocate.wrongStatus': ({ status }) => `Cette promesse est ${pledgeStatuses[status]} : seule une promesse en attente peut être marquée affectée.`,
  'pledge.receive.wrongStatus': ({ status }) => `Cette promesse est ${pledgeStatuses[status]} : seule une promesse en attente ou affectée peut être marquée reçue.`,
  'pledge.receive.amountNeeded': () => 'Saisissez le montant reçu : cette promesse n’a pas de montant estimé.',
  'pledge.cancel.wrongStatus': ({ status }) => `Cette promesse est ${pledgeStatuses[status]} : elle ne peut plus être annulée.`,
  'pledge.report.columns': ({ missing }) =>
    `La première ligne doit nommer les colonnes SIRET, UAI, montant (amount) et date ; il manque : ${missing.join(', ')}.`,
  'pledge.report.unreadable': ({ line }) => `Ligne ${line} : une cellule entre guillemets n’est jamais fermée (il manque un ").`,
  'pledge.report.line.siret': () => 'Le SIRET n’est pas valide.',
  'pledge.report.line.uai': () => 'L’UAI n’est pas valide.',
  'pledge.report.line.amount': () => 'Le montant n’est pas un montant positif en euros, comme 1234,56.',
  'pledge.report.line.date': () => 'La date n’est pas une date, comme 2026-06-15 ou 15/06/2026.',
  'receipt.issuer.status': () =>
    'Choisissez la qualité de l’organisme : d’intérêt général, reconnu d’utilité publique, ou établissement d’enseignement supérieur.',
  'receipt.paymentMethod.choice': () => 'Choisissez le mode de versement : virement, carte bancaire, chèque, prélèvement ou espèces.',
  'receipt.notFound': () => 'Ce reçu fiscal n’existe pas, ou vous ne pouvez pas le voir.',
  'receipt.cancelled': () => 'Ce reçu fiscal a déjà été annulé : corrigez plutôt le reçu qui l’a remplacé.',
  'receipt.noIssuer': () =>
    'L’établissement n’est pas réglé pour émettre des reçus fiscaux : un administrateur doit d’abord renseigner sa dénomination, son adresse, son objet, sa qualité, son SIREN et son signataire.',
  'soltea.period.inverted': () => 'Cette période ferme avant d’ouvrir : sa date de fermeture doit suivre sa date d’ouverture.',
  'soltea.period.overlap': ({ previousCloses }) => `Cette période s’ouvre avant la fin de la précédente (${previousCloses}) : les périodes se suivent sans se chevaucher.`,
  'soltea.period.transfersBeforeClose': ({ closes }) => `Les versements d’une période commencent après sa fermeture (${closes}) : choisissez une date postérieure.`,
  'soltea.period.wrongYear': ({ year }) => `Les périodes de la campagne ${year} s’ouvrent et ferment en ${year}.`,
  'soltea.unallocatedTooEarly': ({ closes }) => `Les fonds non affectés sont répartis après la fermeture de la dernière période (${closes}) : choisissez une date postérieure.`,
  'payment.page.placeholder': () =>
    'L’adresse ne peut contenir que les champs {amount} (montant en euros), {amountCents} (en centimes), {reference} (la référence du don) et {currency}.',
  'payment.page.https': () => 'L’adresse de la page de paiement commence par https:// et ne contient ni identifiant ni mot de passe.',
  'payment.page.unknownEntity': () => 'Cette entité n’existe pas dans votre établissement.',
  'payment.page.unknownFund': () => 'Ce fonds n’existe pas : les fonds sont ceux de la configuration des dons.',
  'payment.callback.tenant': () => 'Indiquez l’établissement dans l’adresse : ?tenant=<slug>.',
  'payment.callback.signature': () =>
    'Signature absente ou invalide : signez le corps avec le secret de l’établissement (en-têtes webhook-id, webhook-timestamp, webhook-signature).',
  'payment.callback.expired': ({ seconds }) =>
    `L’horodatage de la signature est à plus de ${seconds} secondes de l’heure du serveur : un message ancien n’est pas rejoué. Signez-le à nouveau.`,
  'payment.callback.unknownReference': () => 'Aucun don promis ne porte cette référence dans cet établissement.',
  'payment.callback.notGift': () => 'Cette référence est celle d’une promesse de taxe d’apprentissage : SOLTéA la verse, pas une page de paiement.',

  'profile.notFound': () => 'Ce profil n’existe pas, ou vous ne pouvez pas le voir.',
  'profile.ifMatchRequired': () => 'Envoyez l’ETag du profil modifié dans un en-tête If-Match, pour que personne ne perde ses modifications.',
  'profile.changed': () =>
    'Ce profil a changé depuis votre lecture. Rien n’a été enregistré : comparez avec la version actuelle, puis renvoyez vos modifications avec son ETag.',
  'profile.changedWhileSaving': () => 'Ce profil a changé pendant l’enregistrement. Rien n’a été enregistré : rechargez-le et réessayez.',
  'profile.educationEntity': () => 'Choisissez une école de cet établissement.',
  'profile.reviewFlag.notFound': () => 'Ce signalement n’existe pas, ou vous ne pouvez pas le voir.',
  'profile.reviewFlag.resolved': () => 'Ce doublon possible a déjà été traité.',
  'profile.linkedin': () => 'Saisissez l’adresse de votre profil LinkedIn, par exemple https://www.linkedin.com/in/votre-nom.',
  'profile.emails.onePrimary': () => 'Choisissez une seule adresse principale.',
  'profile.emails.unique': () => 'Chaque adresse e-mail ne doit apparaître qu’une fois.',
  'profile.field.notEditable': () => 'Ce champ du profil ne peut pas être modifié.',
  'profile.visibility.fieldsOnly': () => 'Seuls les champs du profil ont une visibilité.',

  'purpose.notFound': () => 'Cette finalité n’existe pas, ou vous ne pouvez pas la voir.',
  'purpose.entity': () => 'Choisissez l’une des entités de votre établissement.',
  'purpose.keyExists': ({ key }) => `Une finalité de clé ${key} existe déjà. Modifiez-la plutôt, ou choisissez une autre clé.`,
  'purpose.ifMatchRequired': () => 'Envoyez l’ETag lu dans If-Match, pour que personne ne perde sa modification.',
  'purpose.changed': () => 'Cette finalité a été modifiée depuis votre lecture. Rechargez-la, puis refaites votre modification.',
  'purpose.key.format': () => 'Une clé de finalité compte de 1 à 40 lettres minuscules, chiffres ou tirets, par exemple alumni-news.',
  'purpose.key.reserved': () => 'Cette clé est réservée ; choisissez-en une autre.',
  'purpose.channels.unique': () => 'Chaque canal ne doit apparaître qu’une fois.',
  'consent.channelUnused': ({ channel, channels }) => `Cette finalité n’utilise pas le canal ${channel} ; ses canaux sont ${channels.join(', ')}.`,
  'consent.textChanged': () => 'Le texte de cette finalité a changé depuis votre lecture. Lisez le nouveau texte, puis choisissez à nouveau.',
  'consent.channels.atLeastOne': () => 'Choisissez au moins un canal.',
  'consent.version.format': () => 'La version est l’empreinte du texte, en 64 caractères.',
  'erasure.notFound': () => 'Cette demande d’effacement n’existe pas, ou vous ne pouvez pas la voir.',
  'erasure.processed': () => 'Cette demande d’effacement a déjà été traitée.',
  'erasure.confirm': () => 'Cochez la case pour confirmer la suppression de votre compte.',
  'rights.recentSignIn': ({ task, minutes }) =>
    `Reconnectez-vous pour ${task === 'export' ? 'télécharger vos données' : 'supprimer votre compte'} : par sécurité, il faut une connexion de moins de ${minutes} minutes.`,

  'solicitation.people.range': () => 'Indiquez de 1 à 10 000 personnes à vérifier.',
  'solicitation.month.format': () => 'Indiquez le mois sous la forme AAAA-MM, par exemple 2026-12.',
  'solicitation.entity': () => 'Choisissez comme expéditeur une entité de cet établissement.',
  'solicitation.refused.unknownPerson': () => 'Cette personne n’existe pas dans cet établissement.',
  'solicitation.refused.outOfScope': () => 'Cette personne n’est pas membre des entités dont vous vous occupez.',
  'solicitation.refused.erased': () => 'Cette personne a demandé l’effacement de son compte : ne la sollicitez plus.',
  'solicitation.refused.objected': () => 'Cette personne s’est opposée à être sollicitée pour cette finalité sur ce canal.',
  'solicitation.refused.notGranted': () => 'Cette personne n’a pas accepté d’être sollicitée pour cette finalité sur ce canal, ou son consentement a été retiré ou a expiré.',
  'solicitation.refused.renewalNeeded': () => 'Cette personne a accepté un texte antérieur de cette finalité : demandez-lui d’abord de renouveler son consentement.',
  'solicitation.refused.capReached': () => 'Cette personne a reçu ce mois-ci tous les messages qu’elle accepte, tous services confondus.',

  'webhook.notFound': () => 'Cet abonnement webhook n’existe pas, ou vous ne pouvez pas le voir.',
  'webhook.entity': () => 'Choisissez une entité de cet établissement.',
  'webhook.ifMatchRequired': () => 'Envoyez l’ETag de l’abonnement modifié dans un en-tête If-Match, pour que personne ne perde sa modification.',
  'webhook.changed': () => 'Cet abonnement a changé depuis votre lecture. Rien n’a été enregistré : rechargez-le, puis refaites votre modification.',
  'webhook.changedWhileSaving': () => 'Cet abonnement a changé pendant l’enregistrement. Rien n’a été enregistré : rechargez-le et réessayez.',
  'webhook.url.format': () => 'Saisissez une adresse https absolue sans identifiants, par exemple https://crm.exemple.fr/hooks/passerelle.',
  'webhook.url.https': ({ localAllowed }) =>
    localAllowed
      ? 'Utilisez une adresse https (le http simple n’est accepté que pour localhost).'
      : 'Utilisez une adresse https : les envois contiennent des données personnelles et ne circulent jamais en clair.',
  'webhook.url.internalHost': ({ host, range }) => `Les webhooks ne vont qu’à des adresses publiques d’Internet : ${host} est ${ranges[range]}.`,
  'webhook.url.internalAnswer': ({ host, address, range }) =>
    `Les webhooks ne vont qu’à des adresses publiques d’Internet : ${host} pointe vers ${address}, ${ranges[range]}.`,
  'webhook.url.unresolvable': ({ host }) =>
    `${host} n’a pas pu être résolu (DNS) : impossible de vérifier où il mène. Corrigez l’adresse, ou réessayez plus tard.`,
  'webhook.events.unique': () => 'Nommez chaque événement une seule fois.',
  'webhook.delivery.notFound': () => 'Cet envoi n’existe pas, ou vous ne pouvez pas le voir.',
  'webhook.delivery.id': () => 'Un identifiant d’envoi commence par msg_ suivi d’un UUID.',
  'webhook.delivery.delivered': () => 'Ce message a déjà été remis ; le destinataire l’a reçu.',
  'mail.preference.kind': () => 'Seuls les rappels et récapitulatifs peuvent être désactivés : offer.digest, offer.expiresSoon ou consent.expiresSoon.',
  'mail.unsubscribe.token': () => 'Ce lien de désinscription est incomplet : ouvrez le lien du message tel quel.',
  'mail.unsubscribe.unknown': () => 'Ce lien de désinscription est inconnu (ou ne l’est plus) : changez vos préférences depuis votre compte.',
  'mail.person.notFound': () => 'Cette personne n’existe pas, ou vous ne pouvez pas la voir.',
  'mail.freshness.months': () => 'Un nombre entier de mois, de 1 à 120.',
  'mail.freshness.notConfigured': () => 'La campagne de mise à jour a besoin de la finalité à laquelle les personnes consentent (settings.freshness.purpose) : demandez à un administrateur de la définir.',
  'link.token': () => 'Ce lien est incomplet : ouvrez-le depuis le message tel quel.',
  'link.unknown': () => 'Ce lien ne fonctionne pas (ou plus) : connectez-vous autrement.',
  'link.used': ({ address }) => `Ce lien a déjà servi. Nous pouvons en envoyer un nouveau à ${address}.`,
  'link.expired': ({ address }) => `Ce lien a expiré (un lien vaut 7 jours). Nous pouvons en envoyer un nouveau à ${address}.`,
};
