/** English words of every staff code: the CLI, the import, the sign-in emails' English half. */
import { en as main } from '../en.ts';
import type { FieldIssue } from '../../core/problem.ts';
import { inWords } from '../index.ts';
import type { DatabaseParams, ImportSummaryParams, StaffCatalogue } from './codes.ts';
import { aligned, keyCells, separatorName, size, tableRows } from './fields.ts';
import { enHelp } from './en-help.ts';

/** A field error in the main catalogue's words, by its code (never valibot's or a schema's own English). */
const field = (e: FieldIssue) => inWords(main, e);
const quoted = (items: readonly string[]) => items.map((s) => `"${s}"`).join(', ');
const onOff = (on: boolean) => (on ? 'on' : 'off');
const database = (d: DatabaseParams) => [`${d.path} (${size('en', d.bytes)}), integrity ${d.integrity}`, 'Rows per table:', ...tableRows(d.tables)].join('\n');

function summary(s: ImportSummaryParams): string {
  const lines = [
    `${s.dryRun ? 'Dry run of the import' : 'Imported'} ${s.kind}: ${s.lines} lines in ${s.seconds.toFixed(1)} s (${s.perSecond} lines/s), ${s.encoding}, separator ${separatorName('en', s.separator)}.`,
    `  created ${s.counts.created}, updated ${s.counts.updated}, unchanged ${s.counts.unchanged}, flagged ${s.counts.flagged}, rejected ${s.counts.rejected}`,
    `  columns: ${s.columns.map(([header, f]) => (header === f ? f : `${header} → ${f}`)).join(', ')}`,
  ];
  const ignored = [...s.ignored, ...(s.oneColumn ? [`(one column read with the separator ${separatorName('en', s.oneColumn)}; force another with --delimiter)`] : [])];
  if (ignored.length) lines.push(`  ignored columns: ${ignored.join(', ')}`);
  lines.push(`  report: ${s.report}`);
  if (s.dryRun) lines.push('Dry run: nothing was written to the database.');
  return lines.join('\n');
}

export const en: StaffCatalogue = {
  ...enHelp,
  'cli.migrated': () => 'Database migrated.',
  'cli.seed.demoOnly': () => 'Only demo data can be seeded: pnpm passerelle seed --demo',
  'cli.seed.ready': ({ demo, other }) => `Demo data ready: tenants demo (${demo}) and other (${other}).`,
  'cli.input.invalid': ({ errors }) => errors.map((e) => `${e.path || 'value'}: ${field(e)}`).join('; '),
  'cli.tenant.unknown': ({ slug }) => `No institution with the slug "${slug}". Add it with: pnpm passerelle tenant add ${slug} "<name>"`,
  'cli.tenant.exists': ({ slug }) => `The institution "${slug}" already exists.`,
  'cli.tenant.added': ({ slug, id }) => `Institution ${slug} added (${id}).`,
  'cli.tenant.origins': ({ slug, origins }) => (origins.length ? `Origins of ${slug}: ${origins.join(', ')}` : `${slug} allows no origin: pnpm passerelle tenant origin add ${slug} <origin> adds one.`),
  'cli.tenant.keyAdded': ({ slug, kid, alg }) => `Key ${kid} (${alg}) added to ${slug}.`,
  'cli.entity.unknown': ({ slug, name }) => `No entity named "${name}" in ${slug} (the name must match exactly, quotes included).`,
  'cli.entity.siretSet': ({ slug, name, siret }) => `SIRET of ${name} (${slug}): ${siret}.`,
  'cli.staffEmailSignIn.onOrOff': ({ slug }) => `Say on or off: pnpm passerelle institution set-staff-email-sign-in ${slug} on|off`,
  'cli.staffEmailSignIn.unchanged': ({ slug, on }) => `Staff email sign-in for ${slug} was already ${onOff(on)}: nothing changed.`,
  'cli.staffEmailSignIn.changed': ({ slug, before, after }) =>
    `Staff email sign-in for ${slug}: ${onOff(before)} → ${onOff(after)}; ${
      after ? 'staff and administrators who sign in with an email code now keep their rights.' : 'sessions opened with an email code no longer carry staff or administrator rights.'
    }`,
  'cli.offersOpenToVisitors.onOrOff': ({ slug }) => `Say on or off: pnpm passerelle institution set-offers-open-to-visitors ${slug} on|off`,
  'cli.offersOpenToVisitors.unchanged': ({ slug, on }) => `The offer board of ${slug} was already ${on ? 'open' : 'closed'} to visitors: nothing changed.`,
  'cli.offersOpenToVisitors.changed': ({ slug, after }) =>
    after
      ? `The offer board of ${slug} is now open to visitors: its published offers can be read without signing in, from its registered origins.`
      : `The offer board of ${slug} is now closed to visitors: reading its offers needs a sign-in again.`,
  'cli.retention.years': ({ slug }) => `Say a whole number of years from 1 to 10, or default (3 years): pnpm passerelle institution set-retention ${slug} <years|default>`,
  'cli.retention.unchanged': ({ slug, years, isDefault }) => `The retention rule of ${slug} was already ${years} years${isDefault ? ' (the default)' : ''}: nothing changed.`,
  'cli.retention.changed': ({ slug, before, years, isDefault, inactiveSince }) =>
    `The retention rule of ${slug} is now ${years} years${isDefault ? ' (the default)' : ''} (was ${before}): people with no activity since ${inactiveSince} are listed to staff for review and anonymisation.`,
  'cli.receiptIssuer.invalid': ({ fields }) =>
    `Check ${fields.join(', ')}: pnpm passerelle institution set-receipt-issuer <slug> --legal-name "<name>" --address "<street>" --postal-code <code> --city "<city>" --object "<object>" --status general_interest|public_utility|higher_education --siren <siren> --signatory-name "<name>" --signatory-title "<title>"`,
  'cli.receiptIssuer.set': ({ slug, legalName }) => `${slug} now issues tax receipts for gifts in the name of ${legalName}; the next gift marked received gets the next number of the year.`,
  'cli.receiptIssuer.unchanged': ({ slug }) => `The tax receipts of ${slug} already name this issuer: nothing changed.`,

  'cli.tenant.list': ({ tenants }) =>
    tenants.length === 0
      ? 'No institution yet: add one with pnpm passerelle tenant add <slug> "<name>".'
      : aligned([['slug', 'name', 'origins', 'keys'], ...tenants.map((t) => [t.slug, t.name, String(t.origins), String(t.keys)])]).join('\n'),
  'cli.tenant.originUnknown': ({ slug, origin }) => `${origin} is not among the origins of ${slug}: pnpm passerelle tenant origin list ${slug} shows them.`,
  'cli.tenant.keys': ({ slug, keys }) =>
    keys.length === 0
      ? `${slug} has no host key: add one with pnpm passerelle tenant key add ${slug} --kid <kid> --alg <alg> --key-file <pem>.`
      : aligned([['kid', 'alg', 'added', 'revoked'], ...keys.map(keyCells)]).join('\n'),
  'cli.tenant.keyExists': ({ slug, kid }) => `${slug} already has a live key ${kid}: choose another kid, or remove this one first with pnpm passerelle tenant key remove ${slug} --kid ${kid}.`,
  'cli.tenant.keyUnknown': ({ slug, kid }) => `${slug} has no live key ${kid}: pnpm passerelle tenant key list ${slug} shows its keys.`,
  'cli.tenant.keyRemoved': ({ slug, kid }) => `Key ${kid} of ${slug} revoked: the tokens it signs are refused from now on.`,
  'cli.soltea.set': ({ year, periods, unallocatedFrom }) =>
    periods.length === 0
      ? `SOLTéA campaign ${year} marked "dates not yet published", for every institution.`
      : `SOLTéA ${year} calendar set for every institution: ${periods.map(([o, c, t], i) => `period ${i + 1} from ${o} to ${c} (transfers from ${t})`).join('; ')}; unallocated funds from ${unallocatedFrom}.`,
  'cli.soltea.reset': ({ year, wasSet, fileHasYear }) =>
    !wasSet
      ? `No SOLTéA ${year} calendar was set by command: nothing changed.`
      : `The SOLTéA ${year} calendar set by command is removed: ${fileHasYear ? 'the configuration file’s applies again' : 'the configuration file has no such year, it is no longer offered'}.`,
  'cli.soltea.period': ({ value }) =>
    `"${value}" is not a period: --period opens:closes:transfers, such as --period 2026-05-25:2026-06-26:2026-07-10 (pnpm passerelle help soltea).`,
  'cli.soltea.year': ({ value }) => `"${value}" is not a campaign year (2020 to 2100): pnpm passerelle soltea set-calendar 2026 …`,
  'cli.soltea.calendar': ({ years }) =>
    years
      .map((y) => `${y.year} (${y.origin === 'set' ? 'set by command or API' : 'configuration file'}): ${y.published ? y.periods.map(([o, c, t]) => `${o} → ${c}, transfers from ${t}`).join('; ') : 'dates not yet published'}`)
      .join('\n'),
  'cli.paymentPage.set': ({ slug, target, fund, url }) =>
    `Payment page ${fund ? `of the fund ${fund}` : target ? `of "${target}" (and the entities below it)` : `of ${slug}`}${url ? `: ${url}` : ' removed'}.`,
  'cli.paymentSecret.rotated': ({ slug, secret, previousKeptUntil }) =>
    `New payment callback secret of ${slug} (shown once, give it to the payment page):\n${secret}\n${previousKeptUntil ? `The previous secret is still accepted until ${previousKeptUntil}.` : 'It is the first one: the signed callback POST /v1/pledges/payment-callback?tenant=' + slug + ' is accepted from now on.'}`,
  'cli.mailBranding.set': ({ slug, name, primaryColor, textColor, backgroundColor }) =>
    `The messages of ${slug} now read "${name}" at their top, in ${textColor} on white, with ${primaryColor} for the header and buttons, on ${backgroundColor}.`,
  'cli.mailBranding.unchanged': ({ slug }) => `The messages of ${slug} already look like this: nothing changed.`,
  'cli.mailPages.set': ({ slug, pages, without }) =>
    `${pages.length ? `The links in the messages of ${slug} now open: ${pages.map((p) => `${p.action} → ${p.page}`).join(', ')}.` : `The messages of ${slug} now carry no link that signs in.`}${pages.length && without.length ? ` No link for: ${without.join(', ')}.` : ''}`,
  'cli.mailPages.unchanged': ({ slug }) => `The links in the messages of ${slug} already open these pages: nothing changed.`,
  'cli.command.unknown': ({ command }) => `There is no command "${command}": pnpm passerelle --help lists them.`,
  'cli.command.misused': ({ command }) => `That is not how "${command}" is used: pnpm passerelle help ${command} shows how.`,
  'cli.option.invalid': ({ option, command }) => `The option ${option} is unknown here or lacks its value: pnpm passerelle ${command ? `help ${command}` : '--help'} shows the options.`,
  'cli.failed': ({ command, reason }) => `pnpm passerelle ${command} failed: ${reason}`,
  'cli.import.usage': () => `Usage: pnpm passerelle import <people|companies> FILE.csv --tenant <slug> [options]

  --map "Header=field"     map a column to a field (repeat it); headers that are field names map themselves
  --mapping FILE.json      the mapping as JSON, such as { "Nom": "familyName", "Promo": "graduationYear" }
  --entity "<name>"        people: the school of lines without an entity
  --encoding utf-8|windows-1252   force the encoding (default: UTF-8 if the file is valid UTF-8)
  --delimiter ";"|","|tab  force the separator (default: the header line's)
  --report PATH            the report (default: FILE.csv.report.csv)
  --dry-run                do everything and write the report, but change nothing in the database

People fields: externalId email givenName familyName usageName graduationYear programme entity role
               employer jobTitle sector phone workCity workCountry linkedinUrl
Company fields: name siret siren city website sector`,
  'cli.import.tenantMissing': () => 'Say which institution: --tenant <slug>.',
  'cli.import.encoding': () => '--encoding is utf-8 or windows-1252.',
  'cli.import.delimiter': () => '--delimiter is ";", "," or tab.',
  'cli.import.nothingImported': () => 'Nothing was imported.',
  'cli.import.lines': () => 'lines',
  'cli.import.summary': summary,

  'import.mapping.unreadable': ({ file }) => `Cannot read the mapping file ${file}.`,
  'import.mapping.notJson': ({ file }) => `The mapping file ${file} is not JSON, such as { "Nom": "familyName" }.`,
  'import.mapping.option': ({ error }) => field(error),
  'import.mapping.invalid': ({ errors }) => `Invalid column mapping:\n  ${errors.map((e) => (e.path ? `column "${e.path}": ${field(e)}` : field(e))).join('\n  ')}`,
  'import.mapping.twoColumns': ({ field: f, first, second }) => `Two columns are mapped to ${f} ("${first}" and "${second}"): keep one.`,
  'import.mapping.missingColumns': ({ missing, headers }) =>
    `The mapping names ${missing.length === 1 ? 'a column' : 'columns'} the file does not have: ${quoted(missing)}. The file's columns are: ${quoted(headers)}.`,
  'import.mapping.noColumn': ({ fields }) => `No column of the file feeds a field. Map them, such as --map "Nom=familyName"; the fields are: ${fields.join(', ')}.`,
  'import.file.unreadable': ({ path }) => `Cannot read ${path}: check the path (relative paths start where you typed the command).`,
  'import.file.unclosedQuote': ({ path, line }) => `${path}: Line ${line}: a quoted cell is never closed (a " is missing).`,
  'import.file.empty': ({ path }) => `${path} is empty: the first line names the columns.`,
  'import.entity.peopleOnly': () => '--entity is for people files only.',
  'import.entity.unknownOption': ({ entity }) => `No school or faculty of this institution is named "${entity}" (--entity).`,

  'import.row.invalid': ({ errors }) => errors.map((e) => (e.path ? `${e.path}: ${field(e)}` : field(e))).join(' '),
  'import.person.entityUnknown': ({ entity }) => `No school or faculty of this institution is named "${entity}".`,
  'import.person.needsNames': () => 'Nobody matches this line by external id or email, and a new person needs givenName and familyName.',
  'import.person.needsSchool': () => 'A new person needs a school: map a column to entity, or give --entity "<school name>".',
  'import.person.sameNameYear': ({ others }) =>
    `Same name and graduation year as ${others.join(', ')}: created as a new person, not merged; staff review the pair (possible duplicate).`,
  'import.person.emailTaken': ({ email, other }) => `Another person (${other}) has the primary email ${email}: both flagged for staff review.`,
  'import.person.emailOfAnother': ({ email, theirs, given }) => `The email ${email} belongs to the person with external id ${theirs}, not ${given}: correct one of them.`,
  'import.company.needsName': () => 'No company has this SIRET, and a new company needs a name.',
  'import.company.needsSiret': () => 'No company matches this line, and a new company needs its SIRET.',
  'import.company.needsSiretOrName': () => 'A line needs a SIRET or a name.',
  'import.company.possibleDuplicate': ({ twins }) =>
    `Possible duplicate of ${twins.map((c) => `${c.name}${c.city ? ` (${c.city})` : ''} ${c.id}`).join(', ')}: nothing was written. Give the line the company's SIRET, or correct the company in Passerelle.`,

  'cli.backup.usage': () => `Usage:
  pnpm passerelle backup <dest-file> [--json]     online copy of DATABASE_URL (safe while the server runs), checked
  pnpm passerelle restore <backup-file> [--json]  replace DATABASE_URL with a checked backup (stop the server first)`,
  'cli.backup.written': ({ database: from, copy }) => `Backup of ${from} written:\n${database(copy)}`,
  'cli.backup.restored': ({ path, into, previous }) =>
    `Restored ${path} into:\n${database(into)}\n${previous ? `The replaced database is kept as ${previous}.` : 'There was no database there before.'}`,
  'backup.memory': () => 'DATABASE_URL is :memory:, there is no file to back up or restore.',
  'backup.noDatabase': ({ path, databaseUrl }) => `There is no database at ${path}${databaseUrl ? ' (DATABASE_URL)' : ''}.`,
  'backup.unopenable': ({ path, reason }) => `${path} cannot be opened as a database: ${reason}`,
  'backup.notPasserelle': ({ path }) => `${path} is not a Passerelle database (it has no table of Passerelle's migrations).`,
  'backup.exists': ({ path }) => `${path} already exists: choose a new file name, so that no backup is overwritten.`,
  'backup.noFolder': ({ path }) => `The folder ${path} does not exist.`,
  'backup.integrity': ({ path, integrity }) => `${path} fails its integrity check (${integrity}); nothing was restored.`,
  'backup.target.unopenable': ({ path, reason }) => `The current database ${path} cannot be opened (${reason}). Move it away, then restore again.`,
  'backup.target.inUse': ({ path }) => `${path} is in use (is the server running?). Stop every process using it, then restore again.`,
  'backup.target.unreadable': ({ path, reason }) => `The current database ${path} cannot be read (${reason}). Move it away, then restore again.`,
  'backup.postgres': () =>
    'DATABASE_URL is a PostgreSQL database: back it up with PostgreSQL\'s own tools, pg_dump -Fc "$DATABASE_URL" -f passerelle.dump, and restore with pg_restore --clean --if-exists -d "$DATABASE_URL" passerelle.dump (stop the servers first).',
  'cli.copy.usage': () => `Usage: pnpm passerelle copy <sqlite-file> <postgres-url>

Moves an institution from the embedded SQLite file to PostgreSQL: the file is checked and brought up to date, the PostgreSQL database migrated and found empty, then every row copied in one transaction (nothing is kept if anything fails) and the row counts compared. Stop the server first; then set DATABASE_URL to the PostgreSQL URL.`,
  'cli.copy.done': ({ from, to, tables }) =>
    `Copied ${from} into ${to}: ${Object.values(tables).reduce((a, b) => a + b, 0)} rows in ${Object.keys(tables).length} tables, the same counts on both sides.\n${Object.entries(tables).filter(([, n]) => n > 0).map(([t, n]) => `  ${t}: ${n}`).join('\n')}`,
  'copy.target.notPostgres': ({ target }) => `${target} is not a PostgreSQL URL: give one such as postgres://user@host:5432/passerelle.`,
  'copy.target.notEmpty': ({ target, table }) => `${target} is not empty (${table} has rows): copy only into a new, empty database, so that nothing is mixed or overwritten.`,
  'copy.mismatch': ({ table, source, target }) => `${table}: ${source} rows in the file but ${target} copied; nothing was kept.`,

  'database.directory': ({ path }) => `DATABASE_URL names a folder, ${path}: give the path of a database file inside it, such as ${path.replace(/\/+$/, '')}/passerelle.db.`,
  'database.unwritable': ({ path, reason }) => `The database ${path} cannot be created or opened (${reason}): check that its folder exists or can be created, and that this user may write there.`,
  'database.notDatabase': ({ path }) => `${path} is not a SQLite database: DATABASE_URL must name a Passerelle database, or a file that does not exist yet.`,
  'database.readOnly': ({ path }) => `The database ${path} is read-only for this user: give it write access to the file and its folder.`,

  'boot.port.inUse': ({ port }) => `Port ${port} is already in use by another process: stop it, or set PORT to a free port.`,
  'boot.port.denied': ({ port }) => `This user may not listen on port ${port}: set PORT to a port above 1023, and let the reverse proxy listen on 80 and 443.`,
  'boot.smtp.unreachable': ({ server, reason }) => `The SMTP server ${server} (SMTP_URL) does not answer (${reason}): Passerelle could not send sign-in codes; check SMTP_URL and the network, or set EMAIL_SIGN_IN=off.`,
  'boot.smtp.refused': ({ server, reason }) => `The SMTP server ${server} (SMTP_URL) refused the connection (${reason}): check the user name and password in SMTP_URL.`,
  'boot.failed': ({ reason }) => `The server could not start: ${reason}`,

  'mail.signIn.subject': () => 'sign-in code',
  'mail.signIn.body': ({ code, minutes }) => `Your sign-in code is ${code}. It is valid for ${minutes} minutes.`,
  'mail.signIn.longCode': ({ hours }) =>
    `This code is longer than usual: after several wrong codes were entered for your address, 6-digit codes are paused for ${hours} hours. Type it with or without the dashes.`,
  'mail.signIn.ignore': () => 'If you did not ask for it, ignore this message.',
  'mail.addressCode.subject': () => 'code to add this address',
  'mail.addressCode.body': ({ code, minutes }) => `To add this address to your account, enter the code ${code}. It is valid for ${minutes} minutes. You will then be able to sign in with this address.`,
  'mail.paused.subject': () => 'wrong codes entered, here is a long code',
  'mail.paused.body': ({ code, minutes, hours }) =>
    [
      `Someone entered several wrong sign-in codes for your address. To be safe, 6-digit codes are paused for this address for ${hours} hours, and every code asked for will be a long code, which cannot be guessed.`,
      `To sign in, type this code (with or without the dashes): ${code}. It is valid for ${minutes} minutes.`,
      'If it was not you, there is nothing to do: nobody can sign in without a code sent to this address.',
    ].join('\n'),
};
