/** French words of every staff code — the default language of the CLI, and the first half of the sign-in emails. */
import { fr as main } from '../fr.ts';
import type { ImportKind } from '../../import/mapping.ts';
import type { FieldIssue } from '../../core/problem.ts';
import { inWords } from '../index.ts';
import type { DatabaseParams, ImportSummaryParams, StaffCatalogue } from './codes.ts';
import { aligned, keyCells, separatorName, size, tableRows } from './fields.ts';
import { frHelp } from './fr-help.ts';

/** A field error in the main catalogue's words, by its code (never valibot's or a schema's own English). */
const field = (e: FieldIssue) => inWords(main, e);
const quoted = (items: readonly string[]) => items.map((s) => `« ${s} »`).join(', ');
const onOff = (on: boolean) => (on ? 'activée' : 'désactivée');
const kinds: Record<ImportKind, string> = { people: 'personnes', companies: 'entreprises' };
const decimal = (n: number) => n.toFixed(1).replace('.', ',');
const database = (d: DatabaseParams) => [`${d.path} (${size('fr', d.bytes)}), intégrité ${d.integrity}`, 'Lignes par table :', ...tableRows(d.tables)].join('\n');

function summary(s: ImportSummaryParams): string {
  const lines = [
    `${s.dryRun ? 'Essai d’import' : 'Import'} des ${kinds[s.kind]} : ${s.lines} lignes en ${decimal(s.seconds)} s (${s.perSecond} lignes/s), ${s.encoding}, séparateur ${separatorName('fr', s.separator)}.`,
    `  créées ${s.counts.created}, mises à jour ${s.counts.updated}, inchangées ${s.counts.unchanged}, signalées ${s.counts.flagged}, rejetées ${s.counts.rejected}`,
    `  colonnes : ${s.columns.map(([header, f]) => (header === f ? f : `${header} → ${f}`)).join(', ')}`,
  ];
  const ignored = [...s.ignored, ...(s.oneColumn ? [`(une seule colonne lue avec le séparateur ${separatorName('fr', s.oneColumn)} ; imposez-en un autre avec --delimiter)`] : [])];
  if (ignored.length) lines.push(`  colonnes ignorées : ${ignored.join(', ')}`);
  lines.push(`  rapport : ${s.report}`);
  if (s.dryRun) lines.push('Essai : rien n’a été écrit dans la base de données.');
  return lines.join('\n');
}

export const fr: StaffCatalogue = {
  ...frHelp,
  'cli.migrated': () => 'Base de données migrée.',
  'cli.seed.demoOnly': () => 'Seules les données de démonstration peuvent être ajoutées : pnpm passerelle seed --demo',
  'cli.seed.ready': ({ demo, other }) => `Données de démonstration prêtes : établissements demo (${demo}) et other (${other}).`,
  'cli.input.invalid': ({ errors }) => errors.map((e) => `${e.path || 'valeur'} : ${field(e)}`).join(' ; '),
  'cli.tenant.unknown': ({ slug }) => `Aucun établissement n’a le slug « ${slug} ». Ajoutez-le avec : pnpm passerelle tenant add ${slug} "<nom>"`,
  'cli.tenant.exists': ({ slug }) => `L’établissement « ${slug} » existe déjà.`,
  'cli.tenant.added': ({ slug, id }) => `Établissement ${slug} ajouté (${id}).`,
  'cli.tenant.origins': ({ slug, origins }) => (origins.length ? `Origines de ${slug} : ${origins.join(', ')}` : `${slug} n’autorise aucune origine : pnpm passerelle tenant origin add ${slug} <origine> en ajoute une.`),
  'cli.tenant.keyAdded': ({ slug, kid, alg }) => `Clé ${kid} (${alg}) ajoutée à ${slug}.`,
  'cli.entity.unknown': ({ slug, name }) => `Aucune entité ne s’appelle « ${name} » dans ${slug} (le nom doit correspondre exactement, guillemets compris).`,
  'cli.entity.siretSet': ({ slug, name, siret }) => `SIRET de ${name} (${slug}) : ${siret}.`,
  'cli.staffEmailSignIn.onOrOff': ({ slug }) => `Dites on ou off : pnpm passerelle institution set-staff-email-sign-in ${slug} on|off`,
  'cli.staffEmailSignIn.unchanged': ({ slug, on }) => `La connexion du personnel par e-mail pour ${slug} était déjà ${onOff(on)} : rien n’a changé.`,
  'cli.staffEmailSignIn.changed': ({ slug, before, after }) =>
    `Connexion du personnel par e-mail pour ${slug} : ${onOff(before)} → ${onOff(after)} ; ${
      after
        ? 'le personnel et les administrateurs qui se connectent avec un code par e-mail gardent désormais leurs droits.'
        : 'les sessions ouvertes avec un code par e-mail ne portent plus les droits du personnel ni des administrateurs.'
    }`,
  'cli.offersOpenToVisitors.onOrOff': ({ slug }) => `Dites on ou off : pnpm passerelle institution set-offers-open-to-visitors ${slug} on|off`,
  'cli.offersOpenToVisitors.unchanged': ({ slug, on }) => `Le tableau des offres de ${slug} était déjà ${on ? 'ouvert' : 'fermé'} aux visiteurs : rien n’a changé.`,
  'cli.offersOpenToVisitors.changed': ({ slug, after }) =>
    after
      ? `Le tableau des offres de ${slug} est désormais ouvert aux visiteurs : ses offres publiées se lisent sans connexion, depuis ses origines enregistrées.`
      : `Le tableau des offres de ${slug} est désormais fermé aux visiteurs : lire ses offres demande de nouveau une connexion.`,
  'cli.retention.years': ({ slug }) => `Indiquez un nombre entier d’années de 1 à 10, ou default (3 ans) : pnpm passerelle institution set-retention ${slug} <années|default>`,
  'cli.retention.unchanged': ({ slug, years, isDefault }) => `La règle de conservation de ${slug} était déjà de ${years} ans${isDefault ? ' (par défaut)' : ''} : rien n’a changé.`,
  'cli.retention.changed': ({ slug, before, years, isDefault, inactiveSince }) =>
    `La règle de conservation de ${slug} est désormais de ${years} ans${isDefault ? ' (par défaut)' : ''} (au lieu de ${before}) : les personnes sans activité depuis le ${inactiveSince} sont présentées au personnel pour examen et anonymisation.`,
  'cli.receiptIssuer.invalid': ({ fields }) =>
    `Vérifiez ${fields.join(', ')} : pnpm passerelle institution set-receipt-issuer <slug> --legal-name "<dénomination>" --address "<rue>" --postal-code <code> --city "<ville>" --object "<objet>" --status general_interest|public_utility|higher_education --siren <siren> --signatory-name "<nom>" --signatory-title "<qualité>"`,
  'cli.receiptIssuer.set': ({ slug, legalName }) => `${slug} émet désormais les reçus fiscaux des dons au nom de ${legalName} ; le prochain don marqué reçu prend le numéro suivant de l’année.`,
  'cli.receiptIssuer.unchanged': ({ slug }) => `Les reçus fiscaux de ${slug} nomment déjà cet émetteur : rien n’a changé.`,

  'cli.tenant.list': ({ tenants }) =>
    tenants.length === 0
      ? 'Aucun établissement pour l’instant : ajoutez-en un avec pnpm passerelle tenant add <slug> "<nom>".'
      : aligned([['slug', 'nom', 'origines', 'clés'], ...tenants.map((t) => [t.slug, t.name, String(t.origins), String(t.keys)])]).join('\n'),
  'cli.tenant.originUnknown': ({ slug, origin }) => `${origin} ne fait pas partie des origines de ${slug} : pnpm passerelle tenant origin list ${slug} les affiche.`,
  'cli.tenant.keys': ({ slug, keys }) =>
    keys.length === 0
      ? `${slug} n’a aucune clé du site hôte : ajoutez-en une avec pnpm passerelle tenant key add ${slug} --kid <kid> --alg <alg> --key-file <pem>.`
      : aligned([['kid', 'alg', 'ajoutée', 'révoquée'], ...keys.map(keyCells)]).join('\n'),
  'cli.tenant.keyExists': ({ slug, kid }) => `${slug} a déjà une clé ${kid} en service : choisissez un autre kid, ou retirez d’abord celle-ci avec pnpm passerelle tenant key remove ${slug} --kid ${kid}.`,
  'cli.tenant.keyUnknown': ({ slug, kid }) => `${slug} n’a aucune clé ${kid} en service : pnpm passerelle tenant key list ${slug} affiche ses clés.`,
  'cli.tenant.keyRemoved': ({ slug, kid }) => `Clé ${kid} de ${slug} révoquée : les jetons qu’elle signe sont refusés désormais.`,
  'cli.soltea.set': ({ year, periods, unallocatedFrom }) =>
    periods.length === 0
      ? `Campagne SOLTéA ${year} marquée « dates pas encore publiées », pour tous les établissements.`
      : `Calendrier SOLTéA ${year} enregistré pour tous les établissements : ${periods.map(([o, c, t], i) => `période ${i + 1} du ${o} au ${c} (versements dès le ${t})`).join(' ; ')} ; fonds non affectés dès le ${unallocatedFrom}.`,
  'cli.soltea.reset': ({ year, wasSet, fileHasYear }) =>
    !wasSet
      ? `Aucun calendrier SOLTéA ${year} n’était fixé par commande : rien n’a changé.`
      : `Calendrier SOLTéA ${year} fixé par commande retiré : ${fileHasYear ? 'celui du fichier de configuration s’applique de nouveau' : 'le fichier de configuration n’a pas cette année, elle n’est plus proposée'}.`,
  'cli.soltea.period': ({ value }) =>
    `« ${value} » n’est pas une période : --period ouverture:fermeture:versements, comme --period 2026-05-25:2026-06-26:2026-07-10 (pnpm passerelle help soltea).`,
  'cli.soltea.year': ({ value }) => `« ${value} » n’est pas une année de campagne (2020 à 2100) : pnpm passerelle soltea set-calendar 2026 …`,
  'cli.soltea.calendar': ({ years }) =>
    years
      .map((y) => `${y.year} (${y.origin === 'set' ? 'fixé par commande ou API' : 'fichier de configuration'}) : ${y.published ? y.periods.map(([o, c, t]) => `${o} → ${c}, versements dès le ${t}`).join(' ; ') : 'dates pas encore publiées'}`)
      .join('\n'),
  'cli.paymentPage.set': ({ slug, target, fund, url }) =>
    `Page de paiement ${fund ? `du fonds ${fund}` : target ? `de « ${target} » (et des entités en dessous)` : `de ${slug}`} ${url ? `: ${url}` : 'retirée'}.`,
  'cli.paymentSecret.rotated': ({ slug, secret, previousKeptUntil }) =>
    `Nouveau secret de rappel de paiement de ${slug} (affiché une seule fois, à donner à la page de paiement) :\n${secret}\n${previousKeptUntil ? `L’ancien secret reste accepté jusqu’au ${previousKeptUntil}.` : 'C’est le premier secret : le rappel signé POST /v1/pledges/payment-callback?tenant=' + slug + ' est désormais accepté.'}`,
  'cli.mailBranding.set': ({ slug, name, primaryColor, textColor, backgroundColor }) =>
    `Les messages de ${slug} portent désormais « ${name} » en tête, en ${textColor} sur blanc, avec ${primaryColor} pour l’en-tête et les boutons, sur ${backgroundColor}.`,
  'cli.mailBranding.unchanged': ({ slug }) => `Les messages de ${slug} ont déjà cette apparence : rien n’a changé.`,
  'cli.mailPages.set': ({ slug, pages, without }) =>
    `${pages.length ? `Les liens des messages de ${slug} ouvrent désormais : ${pages.map((p) => `${p.action} → ${p.page}`).join(', ')}.` : `Les messages de ${slug} ne portent plus aucun lien de connexion.`}${pages.length && without.length ? ` Pas de lien pour : ${without.join(', ')}.` : ''}`,
  'cli.mailPages.unchanged': ({ slug }) => `Les liens des messages de ${slug} ouvrent déjà ces pages : rien n’a changé.`,
  'cli.command.unknown': ({ command }) => `La commande « ${command} » n’existe pas : pnpm passerelle --help les énumère.`,
  'cli.command.misused': ({ command }) => `Ce n’est pas ainsi que s’utilise « ${command} » : pnpm passerelle help ${command} montre comment.`,
  'cli.option.invalid': ({ option, command }) => `L’option ${option} est inconnue ici ou il manque sa valeur : pnpm passerelle ${command ? `help ${command}` : '--help'} montre les options.`,
  'cli.failed': ({ command, reason }) => `pnpm passerelle ${command} a échoué : ${reason}`,
  'cli.import.usage': () => `Utilisation : pnpm passerelle import <people|companies> FICHIER.csv --tenant <slug> [options]

  --map "En-tête=champ"    associe une colonne à un champ (à répéter) ; un en-tête qui est un nom de champ s’associe seul
  --mapping FICHIER.json   l’association en JSON, comme { "Nom": "familyName", "Promo": "graduationYear" }
  --entity "<nom>"         personnes : l’école des lignes sans entité
  --encoding utf-8|windows-1252   impose l’encodage (par défaut : UTF-8 si le fichier est de l’UTF-8 valide)
  --delimiter ";"|","|tab  impose le séparateur (par défaut : celui de la ligne d’en-tête)
  --report CHEMIN          le rapport (par défaut : FICHIER.csv.report.csv)
  --dry-run                fait tout et écrit le rapport, sans rien changer dans la base de données

Champs des personnes : externalId email givenName familyName usageName graduationYear programme entity role
                       employer jobTitle sector phone workCity workCountry linkedinUrl
Champs des entreprises : name siret siren city website sector`,
  'cli.import.tenantMissing': () => 'Indiquez l’établissement : --tenant <slug>.',
  'cli.import.encoding': () => '--encoding vaut utf-8 ou windows-1252.',
  'cli.import.delimiter': () => '--delimiter vaut ";", "," ou tab.',
  'cli.import.nothingImported': () => 'Rien n’a été importé.',
  'cli.import.lines': () => 'lignes',
  'cli.import.summary': summary,

  'import.mapping.unreadable': ({ file }) => `Impossible de lire le fichier d’association ${file}.`,
  'import.mapping.notJson': ({ file }) => `Le fichier d’association ${file} n’est pas du JSON, comme { "Nom": "familyName" }.`,
  'import.mapping.option': ({ error }) => field(error),
  'import.mapping.invalid': ({ errors }) =>
    `Association de colonnes invalide :\n  ${errors.map((e) => (e.path ? `colonne « ${e.path} » : ${field(e)}` : field(e))).join('\n  ')}`,
  'import.mapping.twoColumns': ({ field: f, first, second }) => `Deux colonnes sont associées à ${f} (« ${first} » et « ${second} ») : gardez-en une.`,
  'import.mapping.missingColumns': ({ missing, headers }) =>
    `L’association nomme ${missing.length === 1 ? 'une colonne absente' : 'des colonnes absentes'} du fichier : ${quoted(missing)}. Les colonnes du fichier sont : ${quoted(headers)}.`,
  'import.mapping.noColumn': ({ fields }) =>
    `Aucune colonne du fichier n’alimente un champ. Associez-les, comme --map "Nom=familyName" ; les champs sont : ${fields.join(', ')}.`,
  'import.file.unreadable': ({ path }) => `Impossible de lire ${path} : vérifiez le chemin (un chemin relatif part du dossier où vous avez tapé la commande).`,
  'import.file.unclosedQuote': ({ path, line }) => `${path} : ligne ${line} : une cellule entre guillemets n’est jamais fermée (il manque un ").`,
  'import.file.empty': ({ path }) => `${path} est vide : la première ligne nomme les colonnes.`,
  'import.entity.peopleOnly': () => '--entity ne vaut que pour les fichiers de personnes.',
  'import.entity.unknownOption': ({ entity }) => `Aucune école ni faculté de cet établissement ne s’appelle « ${entity} » (--entity).`,

  'import.row.invalid': ({ errors }) => errors.map((e) => (e.path ? `${e.path} : ${field(e)}` : field(e))).join(' '),
  'import.person.entityUnknown': ({ entity }) => `Aucune école ni faculté de cet établissement ne s’appelle « ${entity} ».`,
  'import.person.needsNames': () =>
    'Personne ne correspond à cette ligne par identifiant externe ou e-mail, et une nouvelle personne a besoin de givenName et familyName.',
  'import.person.needsSchool': () => 'Une nouvelle personne a besoin d’une école : associez une colonne à entity, ou donnez --entity "<nom de l’école>".',
  'import.person.sameNameYear': ({ others }) =>
    `Mêmes nom et année de diplôme que ${others.join(', ')} : créée comme nouvelle personne, sans fusion ; le personnel examine la paire (doublon possible).`,
  'import.person.emailTaken': ({ email, other }) => `Une autre personne (${other}) a l’e-mail principal ${email} : toutes deux sont signalées au personnel.`,
  'import.person.emailOfAnother': ({ email, theirs, given }) =>
    `L’e-mail ${email} appartient à la personne d’identifiant externe ${theirs}, pas ${given} : corrigez l’un des deux.`,
  'import.company.needsName': () => 'Aucune entreprise n’a ce SIRET, et une nouvelle entreprise a besoin d’un nom.',
  'import.company.needsSiret': () => 'Aucune entreprise ne correspond à cette ligne, et une nouvelle entreprise a besoin de son SIRET.',
  'import.company.needsSiretOrName': () => 'Une ligne a besoin d’un SIRET ou d’un nom.',
  'import.company.possibleDuplicate': ({ twins }) =>
    `Doublon possible de ${twins.map((c) => `${c.name}${c.city ? ` (${c.city})` : ''} ${c.id}`).join(', ')} : rien n’a été écrit. Donnez à la ligne le SIRET de l’entreprise, ou corrigez l’entreprise dans Passerelle.`,

  'cli.backup.usage': () => `Utilisation :
  pnpm passerelle backup <fichier-cible> [--json]        copie de DATABASE_URL en service (sans arrêter le serveur), vérifiée
  pnpm passerelle restore <fichier-sauvegarde> [--json]  remplace DATABASE_URL par une sauvegarde vérifiée (arrêtez d’abord le serveur)`,
  'cli.backup.written': ({ database: from, copy }) => `Sauvegarde de ${from} écrite :\n${database(copy)}`,
  'cli.backup.restored': ({ path, into, previous }) =>
    `${path} restauré dans :\n${database(into)}\n${previous ? `La base remplacée est conservée sous ${previous}.` : 'Il n’y avait pas de base à cet endroit.'}`,
  'backup.memory': () => 'DATABASE_URL vaut :memory: : il n’y a pas de fichier à sauvegarder ni à restaurer.',
  'backup.noDatabase': ({ path, databaseUrl }) => `Il n’y a pas de base de données à ${path}${databaseUrl ? ' (DATABASE_URL)' : ''}.`,
  'backup.unopenable': ({ path, reason }) => `${path} ne s’ouvre pas comme une base de données : ${reason}`,
  'backup.notPasserelle': ({ path }) => `${path} n’est pas une base Passerelle (elle n’a pas de table des migrations de Passerelle).`,
  'backup.exists': ({ path }) => `${path} existe déjà : choisissez un nouveau nom de fichier, afin qu’aucune sauvegarde ne soit écrasée.`,
  'backup.noFolder': ({ path }) => `Le dossier ${path} n’existe pas.`,
  'backup.integrity': ({ path, integrity }) => `${path} échoue à la vérification d’intégrité (${integrity}) ; rien n’a été restauré.`,
  'backup.target.unopenable': ({ path, reason }) => `La base actuelle ${path} ne s’ouvre pas (${reason}). Déplacez-la, puis restaurez de nouveau.`,
  'backup.target.inUse': ({ path }) => `${path} est utilisée (le serveur tourne-t-il ?). Arrêtez tout processus qui l’utilise, puis restaurez de nouveau.`,
  'backup.target.unreadable': ({ path, reason }) => `La base actuelle ${path} ne se lit pas (${reason}). Déplacez-la, puis restaurez de nouveau.`,
  'backup.postgres': () =>
    'DATABASE_URL est une base PostgreSQL : sauvegardez-la avec les outils de PostgreSQL, pg_dump -Fc "$DATABASE_URL" -f passerelle.dump, et restaurez avec pg_restore --clean --if-exists -d "$DATABASE_URL" passerelle.dump (arrêtez d’abord les serveurs).',
  'cli.copy.usage': () => `Utilisation : pnpm passerelle copy <fichier-sqlite> <url-postgres>

Fait passer un établissement du fichier SQLite embarqué à PostgreSQL : le fichier est vérifié et mis à jour, la base PostgreSQL migrée et trouvée vide, puis chaque ligne copiée en une transaction (rien n’est gardé si quoi que ce soit échoue) et les nombres de lignes comparés. Arrêtez d’abord le serveur, puis donnez à DATABASE_URL l’URL PostgreSQL.`,
  'cli.copy.done': ({ from, to, tables }) =>
    `${from} copié dans ${to} : ${Object.values(tables).reduce((a, b) => a + b, 0)} lignes dans ${Object.keys(tables).length} tables, les mêmes nombres des deux côtés.\n${Object.entries(tables).filter(([, n]) => n > 0).map(([t, n]) => `  ${t} : ${n}`).join('\n')}`,
  'copy.target.notPostgres': ({ target }) => `${target} n’est pas une URL PostgreSQL : donnez-en une comme postgres://utilisateur@hote:5432/passerelle.`,
  'copy.target.notEmpty': ({ target, table }) => `${target} n’est pas vide (${table} a des lignes) : copiez seulement dans une base neuve et vide, pour que rien ne soit mêlé ni écrasé.`,
  'copy.mismatch': ({ table, source, target }) => `${table} : ${source} lignes dans le fichier mais ${target} copiées ; rien n’a été gardé.`,

  'database.directory': ({ path }) => `DATABASE_URL désigne un dossier, ${path} : donnez le chemin d’un fichier de base de données à l’intérieur, comme ${path.replace(/\/+$/, '')}/passerelle.db.`,
  'database.unwritable': ({ path, reason }) => `La base de données ${path} ne peut être ni créée ni ouverte (${reason}) : vérifiez que son dossier existe ou peut être créé, et que cet utilisateur peut y écrire.`,
  'database.notDatabase': ({ path }) => `${path} n’est pas une base SQLite : DATABASE_URL doit désigner une base Passerelle, ou un fichier qui n’existe pas encore.`,
  'database.readOnly': ({ path }) => `La base de données ${path} est en lecture seule pour cet utilisateur : donnez-lui le droit d’écrire dans le fichier et son dossier.`,

  'boot.port.inUse': ({ port }) => `Le port ${port} est déjà utilisé par un autre processus : arrêtez-le, ou donnez à PORT un port libre.`,
  'boot.port.denied': ({ port }) => `Cet utilisateur ne peut pas écouter le port ${port} : donnez à PORT un port au-delà de 1023, et laissez le proxy inverse écouter 80 et 443.`,
  'boot.smtp.unreachable': ({ server, reason }) => `Le serveur SMTP ${server} (SMTP_URL) ne répond pas (${reason}) : Passerelle ne pourrait pas envoyer les codes de connexion ; vérifiez SMTP_URL et le réseau, ou mettez EMAIL_SIGN_IN=off.`,
  'boot.smtp.refused': ({ server, reason }) => `Le serveur SMTP ${server} (SMTP_URL) a refusé la connexion (${reason}) : vérifiez l’utilisateur et le mot de passe de SMTP_URL.`,
  'boot.failed': ({ reason }) => `Le serveur n’a pas pu démarrer : ${reason}`,

  'mail.signIn.subject': () => 'code de connexion',
  'mail.signIn.body': ({ code, minutes }) => `Votre code de connexion est ${code}. Il est valable ${minutes} minutes.`,
  'mail.signIn.longCode': ({ hours }) =>
    `Ce code est plus long que d'habitude : après plusieurs codes erronés saisis pour votre adresse, les codes à 6 chiffres sont suspendus pendant ${hours} heures. Saisissez-le avec ou sans tirets.`,
  'mail.signIn.ignore': () => "Si vous n'avez rien demandé, ignorez ce message.",
  'mail.addressCode.subject': () => 'code pour ajouter cette adresse',
  'mail.addressCode.body': ({ code, minutes }) => `Pour ajouter cette adresse à votre compte, saisissez le code ${code}. Il est valable ${minutes} minutes. Vous pourrez ensuite vous connecter avec cette adresse.`,
  'mail.paused.subject': () => 'codes erronés, voici un code long',
  'mail.paused.body': ({ code, minutes, hours }) =>
    [
      `Quelqu'un a saisi plusieurs codes de connexion erronés pour votre adresse. Par sécurité, les codes à 6 chiffres sont suspendus pour cette adresse pendant ${hours} heures, et chaque code demandé sera un code long, impossible à deviner.`,
      `Pour vous connecter, saisissez ce code (avec ou sans tirets) : ${code}. Il est valable ${minutes} minutes.`,
      "Si ce n'était pas vous, vous n'avez rien à faire : personne ne peut se connecter sans un code envoyé à cette adresse.",
    ].join('\n'),
};
