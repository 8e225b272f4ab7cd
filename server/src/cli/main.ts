/**
 * `pnpm passerelle <command>`: the operators' command line. Help and the
 * version are answered before anything reads the environment or opens the
 * database; a command's arguments are checked before the database is opened
 * (and migrated). Every refusal is one sentence on stderr with exit code 2;
 * a failure is one sentence naming what failed, exit code 1; never a stack.
 */
import { sayIn, staffWords } from '@passerelle/schema/messages/staff';
import serverPackage from '../../package.json' with { type: 'json' };
import { ConfigError, parseConfig } from '../env.ts';
import { connectDatabase, migrateAnyDatabase } from '../db/open.ts';
import { databaseFailure } from '../db/open-failure.ts';
import { oneLine } from '../one-line.ts';
import { CliInputError } from './tenant.ts';
import { copyCommand } from './copy.ts';
import { backupCommand } from './backup.ts';
import { commandHelp, dbAction, isCommand } from './commands.ts';
import { cliLanguage } from './language.ts';

const language = cliLanguage(process.env);
const say = sayIn(language);

/** Runs the command line; returns the exit code. */
async function main(args: string[]): Promise<number> {
  const [first, ...rest] = args;
  if (first === '--version' || first === '-v') return print(serverPackage.version);
  const asksHelp = first === undefined || first === 'help' || args.includes('--help') || args.includes('-h');
  if (asksHelp) {
    const about = first === 'help' ? rest[0] : first;
    if (about === undefined || about.startsWith('-')) return print(say('cli.usage'));
    if (!isCommand(about)) return refuse(say('cli.command.unknown', { command: about }));
    return print(say(commandHelp[about]));
  }
  if (!isCommand(first)) return refuse(first.startsWith('-') ? say('cli.option.invalid', { option: first, command: null }) : say('cli.command.unknown', { command: first }));

  let database: string | undefined;
  try {
    // Backup and restore work on the files themselves, before anything opens (or migrates) the database.
    if (first === 'backup' || first === 'restore') return await backupCommand(args, process.env);
    if (first === 'copy') return await copyCommand(args, process.env);
    const action = dbAction(say, first, rest, process.env);
    database = parseConfig(process.env).databaseUrl;
    const { db, close } = connectDatabase(database);
    try {
      await migrateAnyDatabase(db);
      return print(await action(db));
    } finally {
      await close();
    }
  } catch (err) {
    if (err instanceof CliInputError || err instanceof ConfigError) return refuse(err.message);
    const about = database === undefined ? undefined : databaseFailure(err, database);
    console.error(about ? staffWords(language, about) : say('cli.failed', { command: first, reason: oneLine(err) }));
    return 1;
  }
}

function print(words: string): number {
  console.log(words);
  return 0;
}

function refuse(words: string): number {
  console.error(words);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
