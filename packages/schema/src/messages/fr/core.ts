/**
 * French words of the problem.*, network.*, validation.*, request.*, list.*, server.*, idempotency.*,
 * resource.*, tenant.* and import.* codes: an area of ../fr.ts (../areas.ts).
 */
import type { ExpectedType, ProblemTitleKind } from '../codes.ts';
import { essentials } from '../essentials.ts';
import { count, oneOf } from '../format.ts';
import type { CatalogueArea } from '../areas.ts';

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

const quoted = (items: readonly string[]) => items.map((o) => `« ${o} »`);

export const core: CatalogueArea<'core'> = {
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
  'server.databaseUnreachable': ({ seconds }) => `La base de données est injoignable pour le moment ; rien n’a été enregistré. Réessayez dans ${seconds} secondes.`,
  'idempotency.raced': () => 'Une requête portant la même Idempotency-Key vient d’aboutir. Renvoyez-la pour lire son résultat.',
  'idempotency.reused': () =>
    'Cette Idempotency-Key a déjà servi pour une autre requête. Envoyez une nouvelle clé pour une nouvelle requête ; ne réutilisez une clé que pour renvoyer exactement la même.',
  'idempotency.keyMissing': () => 'L’en-tête Idempotency-Key est obligatoire pour cette requête.',
  'idempotency.keyHowTo': () =>
    'Envoyez un en-tête Idempotency-Key : une valeur aléatoire (un UUID par exemple) créée une fois par formulaire, et renvoyée telle quelle en cas de nouvel essai.',
  'idempotency.keyInvalid': () => 'L’en-tête Idempotency-Key n’est pas valide.',
  'idempotency.keyFormat': () => 'Idempotency-Key compte de 1 à 200 caractères parmi les lettres, les chiffres et _ - : .',
  'resource.notFound': () => 'Cette ressource n’existe pas, ou vous ne pouvez pas la voir.',
};
