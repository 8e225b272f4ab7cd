/**
 * What each database command of `pnpm passerelle` asks for, read from its
 * arguments before anything opens the database: a misused command is
 * refused in one sentence and leaves no file behind.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Say } from '@passerelle/schema/messages/staff';
import type { Db } from '../db/open.ts';
import { seedDemo } from '../seed/demo.ts';
import { CliInputError, addHostKey, addOrigin, addTenant, listKeys, listOrigins, listTenants, removeKey, removeOrigin } from './tenant.ts';
import { setSiret } from './entity.ts';
import { setOffersOpenToVisitorsCommand, setStaffEmailSignInCommand } from './institution.ts';
import { setRetentionCommand } from './retention.ts';
import { receiptIssuerOptions, setReceiptIssuerCommand } from './receipt-issuer.ts';
import { importCommand } from './import.ts';
import { optionRefused } from './refusals.ts';
import { calendarCommand, calendarInput, campaignYear, resetCalendarCommand, setCalendarCommand } from './soltea.ts';
import { rotatePaymentSecretCommand, setPaymentPageCommand } from './payment.ts';
import { brandingOptions, pagesOptions, setBrandingCommand, setPagesCommand } from './mail-settings.ts';
import { loadParameters } from '../config/parameters.ts';

/** A command ready to run on the migrated database; it returns what to print. */
export type DbAction = (db: Db) => string | Promise<string>;

/** The help text of each command (`help <command>`, `<command> --help`). */
export const commandHelp = {
  migrate: 'cli.help.migrate',
  seed: 'cli.help.seed',
  tenant: 'cli.help.tenant',
  entity: 'cli.help.entity',
  institution: 'cli.help.institution',
  soltea: 'cli.help.soltea',
  import: 'cli.import.usage',
  backup: 'cli.backup.usage',
  restore: 'cli.backup.usage',
  copy: 'cli.copy.usage',
} as const;
export type CommandName = keyof typeof commandHelp;
export const isCommand = (name: string): name is CommandName => Object.hasOwn(commandHelp, name);

function parsed<O extends NonNullable<ParseArgsConfig['options']>>(say: Say, command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw optionRefused(say, err, command);
  }
}

const misused = (say: Say, command: string) => new CliInputError(say('cli.command.misused', { command }));

/** A file the operator named: relative to where the command was typed (pnpm sets INIT_CWD), as DATABASE_URL is. */
function readNamedFile(say: Say, path: string, env: Record<string, string | undefined>): string {
  const full = resolve(env.INIT_CWD ?? process.cwd(), path);
  try {
    return readFileSync(full, 'utf8');
  } catch {
    throw new CliInputError(say('import.file.unreadable', { path: full }));
  }
}

const tenantOptions = { json: { type: 'boolean' }, kid: { type: 'string' }, alg: { type: 'string' }, key: { type: 'string' }, 'key-file': { type: 'string' } } as const;

function tenantAction(say: Say, args: string[], env: Record<string, string | undefined>): DbAction {
  const { values, positionals } = parsed(say, 'tenant', args, tenantOptions);
  const [sub, ...words] = positionals;
  const json = values.json ?? false;
  if (sub === 'list' && words.length === 0) return (db) => listTenants(db, say, json);
  if (sub === 'add' && words.length >= 2) return (db) => addTenant(db, say, words[0]!, words.slice(1).join(' '));
  const [verb, slug, ...rest] = words;
  if (sub === 'origin' && slug !== undefined) {
    if (verb === 'list' && rest.length === 0) return (db) => listOrigins(db, say, slug, json);
    if (verb === 'add' && rest.length === 1) return (db) => addOrigin(db, say, slug, rest[0]!);
    if (verb === 'remove' && rest.length === 1) return (db) => removeOrigin(db, say, slug, rest[0]!);
  }
  if (sub === 'key' && slug !== undefined && rest.length === 0) {
    if (verb === 'list') return (db) => listKeys(db, say, slug, json);
    if (verb === 'remove' && values.kid) return (db) => removeKey(db, say, slug, values.kid!);
    if (verb === 'add') {
      const key = values.key ?? (values['key-file'] ? readNamedFile(say, values['key-file'], env) : undefined);
      return (db) => addHostKey(db, say, slug, { kid: values.kid, alg: values.alg, key });
    }
  }
  throw misused(say, 'tenant');
}

const calendarOptions = { period: { type: 'string', multiple: true }, unallocated: { type: 'string' }, source: { type: 'string' }, unpublished: { type: 'boolean' } } as const;

/** `soltea calendar | set-calendar <year> … | reset-calendar <year>`: the national SOLTéA calendar. */
function solteaAction(say: Say, args: string[], env: Record<string, string | undefined>): DbAction {
  const { values, positionals } = parsed(say, 'soltea', args, calendarOptions);
  const [sub, year, ...rest] = positionals;
  const asksDates = values.period !== undefined || values.unallocated !== undefined || values.source !== undefined || values.unpublished !== undefined;
  if (sub === 'calendar' && year === undefined && !asksDates) return (db) => calendarCommand(db, say, loadParameters(env));
  if (sub === 'set-calendar' && rest.length === 0) {
    const input = calendarInput(say, values);
    const y = campaignYear(say, year);
    return (db) => setCalendarCommand(db, say, loadParameters(env), y, input);
  }
  if (sub === 'reset-calendar' && rest.length === 0 && !asksDates) {
    const y = campaignYear(say, year);
    return (db) => resetCalendarCommand(db, say, loadParameters(env), y);
  }
  throw misused(say, 'soltea');
}

/** The action of a database command, or a CliInputError saying in one sentence why the arguments do not make one. */
export function dbAction(say: Say, command: Exclude<CommandName, 'backup' | 'restore'>, args: string[], env: Record<string, string | undefined>): DbAction {
  if (command === 'import') return (db) => importCommand(db, args, { env, stderr: process.stderr });
  if (command === 'tenant') return tenantAction(say, args, env);
  if (command === 'soltea') return solteaAction(say, args, env);
  if (command === 'institution' && args[0] === 'set-payment-page') {
    const { values, positionals } = parsed(say, command, args, { entity: { type: 'string' }, fund: { type: 'string' } });
    const [, slug, url, ...rest] = positionals;
    if (slug === undefined || url === undefined || rest.length > 0) throw misused(say, command);
    return (db) => setPaymentPageCommand(db, say, loadParameters(env), slug, url, values);
  }
  if (command === 'institution' && args[0] === 'set-receipt-issuer') {
    const { values, positionals } = parsed(say, command, args, receiptIssuerOptions);
    const [, slug, ...rest] = positionals;
    if (slug === undefined || rest.length > 0) throw misused(say, command);
    return (db) => setReceiptIssuerCommand(db, say, slug, values);
  }
  if (command === 'institution' && args[0] === 'set-branding') {
    const { values, positionals } = parsed(say, command, args, brandingOptions);
    const [, slug, ...rest] = positionals;
    if (slug === undefined || rest.length > 0) throw misused(say, command);
    return (db) => setBrandingCommand(db, say, slug, values);
  }
  if (command === 'institution' && args[0] === 'set-pages') {
    const { values, positionals } = parsed(say, command, args, pagesOptions);
    const [, slug, ...rest] = positionals;
    if (slug === undefined || rest.length > 0) throw misused(say, command);
    return (db) => setPagesCommand(db, say, slug, values);
  }
  if (command === 'seed') {
    const { values, positionals } = parsed(say, command, args, { demo: { type: 'boolean' } });
    if (!values.demo || positionals.length > 0) throw new CliInputError(say('cli.seed.demoOnly'));
    return async (db) => {
      const ids = await seedDemo(db, env, new Date());
      return say('cli.seed.ready', { demo: ids.demo.tenantId, other: ids.other.tenantId });
    };
  }
  const { positionals } = parsed(say, command, args, {});
  const [sub, slug, ...rest] = positionals;
  if (command === 'migrate' && positionals.length === 0) return () => say('cli.migrated');
  if (command === 'entity' && sub === 'siret' && slug !== undefined && rest.length >= 2) return (db) => setSiret(db, say, slug, rest.slice(0, -1).join(' '), rest.at(-1)!);
  if (command === 'institution' && sub === 'set-staff-email-sign-in' && slug !== undefined && rest.length === 1) return (db) => setStaffEmailSignInCommand(db, say, slug, rest[0]!);
  if (command === 'institution' && sub === 'set-offers-open-to-visitors' && slug !== undefined && rest.length === 1) return (db) => setOffersOpenToVisitorsCommand(db, say, slug, rest[0]!);
  if (command === 'institution' && sub === 'rotate-payment-secret' && slug !== undefined && rest.length === 0) return (db) => rotatePaymentSecretCommand(db, say, slug);
  if (command === 'institution' && sub === 'set-retention' && slug !== undefined && rest.length === 1) return (db) => setRetentionCommand(db, say, slug, rest[0]!);
  throw misused(say, command);
}
