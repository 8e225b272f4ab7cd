/** Aide du CLI en français : `pnpm passerelle --help`, et un texte par commande (`help <commande>`, `<commande> --help`). */
import type { HelpCatalogue } from './codes.ts';

const keyAdd = `tenant key add <slug> --kid <kid> --alg <HS256|EdDSA|RS256|ES256> (--key <secret> | --key-file <pem>)`;

export const frHelp: HelpCatalogue = {
  'cli.usage': () => `Utilisation : pnpm passerelle <commande> [options]    (pnpm passerelle help <commande> en dit plus sur l’une d’elles)

  migrate                                  applique les migrations de la base de données
  seed --demo                              ajoute les établissements de démonstration (idempotent)
  tenant list [--json]                     les établissements, avec leur nombre d’origines et de clés
  tenant add <slug> <nom>                  enregistre un établissement
  tenant origin list|add|remove <slug> [<origine>]
                                           les origines des sites autorisés à appeler l’API (CORS)
  tenant key list <slug> [--json]          les clés de signature du site hôte
  ${keyAdd}
                                           enregistre une clé de signature du site hôte
  tenant key remove <slug> --kid <kid>     révoque une clé de signature du site hôte
  entity siret <slug> "<nom de l’entité>" <siret>
                                           fixe le SIRET d’une école (affiché avec son UAI pour SOLTéA)
  institution set-staff-email-sign-in <slug> <on|off>
                                           le personnel et les administrateurs gardent leurs droits après un code par e-mail (off par défaut)
  institution set-offers-open-to-visitors <slug> <on|off>
                                           les offres publiées se lisent sans connexion (off par défaut)
  institution set-receipt-issuer <slug> --legal-name … --address … --postal-code … --city … --object …
      --status general_interest|public_utility|higher_education --siren … --signatory-name … --signatory-title …
                                           au nom de qui sont émis les reçus fiscaux des dons (aucun tant que non réglé)
  institution set-payment-page <slug> <url|none> [--entity "<nom>"] [--fund <code>]
                                           où se paient les dons : https://…?amount={amount}&ref={reference}
  institution rotate-payment-secret <slug> le secret qui signe le rappel de la page de paiement (affiché une fois)
  institution set-branding <slug> [--name "…"] [--primary-color #rrggbb] [--text-color #rrggbb] [--background-color #rrggbb]
                                           le nom et les couleurs des messages envoyés aux personnes
  institution set-pages <slug> [--profile URL] [--consents URL] [--offers URL] [--pledges URL] [--company URL]
                                           les pages qu’ouvrent les liens des messages, connecté (aucune : pas de lien)
  institution set-retention <slug> <années|default>
                                           années sans activité avant de présenter une personne pour anonymisation (3 par défaut)
  soltea calendar | set-calendar <année> … | reset-calendar <année>
                                           le calendrier SOLTéA national, sans redéploiement
  import <people|companies> FICHIER.csv --tenant <slug> [--map "En-tête=champ"]... [--dry-run]
  backup <fichier-cible> [--json]          copie de la base en service, vérifiée (sans arrêter le serveur)
  restore <fichier-sauvegarde> [--json]    remplace la base par une sauvegarde vérifiée (arrêtez d’abord le serveur)
  copy <fichier-sqlite> <url-postgres>     fait passer le fichier SQLite d’un établissement dans une base PostgreSQL vide
  help [<commande>]                        cette aide, ou celle d’une commande
  --version                                la version du serveur

Environnement : DATABASE_URL (par défaut ./data/passerelle.db ; postgres://… pour PostgreSQL) ; PASSERELLE_LANG=fr|en, la langue de ces textes (sinon celle de la locale, sinon le français).`,
  'cli.help.migrate': () => `Utilisation : pnpm passerelle migrate

Applique les migrations qui manquent à la base de données (toute autre commande le fait aussi avant de s’exécuter). Le serveur les applique aussi au démarrage.`,
  'cli.help.seed': () => `Utilisation : pnpm passerelle seed --demo

Ajoute les établissements de démonstration demo et other, avec leurs données d’exemple. La relancer ne change rien à ce qui existe déjà.`,
  'cli.help.tenant': () => `Utilisation : pnpm passerelle tenant <list|add|origin|key> …

  tenant list [--json]                     chaque établissement : slug, nom, nombre d’origines et de clés en service
  tenant add <slug> <nom>                  enregistre un établissement
  tenant origin list <slug> [--json]       les origines des sites autorisés à appeler l’API (CORS)
  tenant origin add <slug> <origine>       autorise une origine, comme https://www.univ-exemple.fr
  tenant origin remove <slug> <origine>    retire une origine autorisée
  tenant key list <slug> [--json]          les clés de signature du site hôte : kid, algorithme, ajout, révocation (jamais la clé elle-même)
  ${keyAdd}
                                           enregistre une clé avec laquelle le site de l’établissement signe les jetons d’identité
                                           (un kid révoqué ajouté de nouveau est remplacé et remis en service)
  tenant key remove <slug> --kid <kid>     révoque une clé : les jetons qu’elle signe sont refusés aussitôt`,
  'cli.help.entity': () => `Utilisation : pnpm passerelle entity siret <slug> "<nom de l’entité>" <siret>

Fixe le SIRET d’une école ou faculté de l’établissement, nommée exactement comme dans Passerelle ; les entreprises le recopient dans SOLTéA avec l’UAI.`,
  'cli.help.institution': () => `Utilisation : pnpm passerelle institution set-staff-email-sign-in <slug> <on|off>

on : le personnel et les administrateurs qui se connectent avec un code par e-mail gardent leurs droits ; off (par défaut) : ils se connectent par le site de l’établissement. S’applique aussitôt, aux sessions déjà ouvertes aussi, et est journalisé.

              pnpm passerelle institution set-offers-open-to-visitors <slug> <on|off>

on : les offres publiées de l’établissement se lisent sans connexion (<passerelle-offer-board open-to-visitors>), depuis ses origines enregistrées seulement ; off (par défaut) : les lire demande une connexion. Journalisé.

              pnpm passerelle institution set-payment-page <slug> <url|none> [--entity "<nom de l’entité>"] [--fund <code>]

Où se paient les dons : la page de l’établissement, ou celle d’une entité (et des entités en dessous) ou d’un fonds de la configuration des dons. L’adresse est en https et peut contenir {amount} (en euros, 50.00), {amountCents}, {reference} (la référence du don, que le rappel renvoie) et {currency} ; chaque don y renvoie avec les siens. none la retire. Journalisé.

              pnpm passerelle institution rotate-payment-secret <slug>

Un nouveau secret pour le rappel signé de la page de paiement (POST /v1/pledges/payment-callback?tenant=<slug>, signé comme les webhooks), affiché une seule fois ; l’ancien reste accepté 24 heures. Journalisé.

              pnpm passerelle institution set-branding <slug> [--name "<nom>"] [--primary-color #rrggbb] [--text-color #rrggbb] [--background-color #rrggbb]

Ce que montrent les messages envoyés aux personnes : le nom en tête et dans l’objet (par défaut : le nom de l’établissement), la couleur de l’en-tête et des boutons (texte blanc dessus), celle du texte (sur blanc) et celle du fond autour du message. Les deux doivent se lire avec un contraste d’au moins 4,5:1. Ce qui est omis revient à sa valeur par défaut. Le même réglage que PUT /v1/mail/branding. Journalisé.

              pnpm passerelle institution set-pages <slug> [--profile URL] [--consents URL] [--offers URL] [--pledges URL] [--company URL]

Les pages du site de l’établissement (en https, d’une origine enregistrée, avec <passerelle-portal>) qu’ouvrent les liens des messages, en connectant la personne : son profil, ses consentements, ses offres, ses dons et promesses, son espace entreprise. Une page omise : pas de lien. Le même réglage que PUT /v1/mail/pages. Journalisé.

              pnpm passerelle institution set-retention <slug> <années|default>

Combien d’années (de 1 à 10) sans signe de vie (connexion, profil confirmé ou modifié, don, choix de consentement, appartenance) avant qu’une personne soit présentée au personnel de ses entités pour examen et anonymisation. default : 3 ans, la recommandation de la CNIL pour les fichiers de prospects, à compter du dernier contact venu de la personne. Le même réglage que PUT /v1/retention/rule. Journalisé.`,
  'cli.help.soltea': () => `Utilisation : pnpm passerelle soltea calendar
              pnpm passerelle soltea set-calendar <année> --period <ouverture:fermeture:versements> [--period …] --unallocated <date> [--source "<texte>"]
              pnpm passerelle soltea set-calendar <année> --unpublished
              pnpm passerelle soltea reset-calendar <année>

Le calendrier SOLTéA est national : ce qui est fixé ici vaut pour tous les établissements, à la place de l’année du fichier de configuration, dès la requête suivante et sans redéploiement. Une période par --period, dans l’ordre (dates AAAA-MM-JJ : ouverture, fermeture, début des versements) ; --unallocated : le début de la répartition des fonds non affectés ; --unpublished : l’année dont les dates ne sont pas encore publiées. Des périodes inversées ou qui se chevauchent, des versements avant la fermeture sont refusés. reset-calendar rend l’année au fichier. Journalisé dans chaque établissement.`,
};
