/**
 * `pnpm passerelle backup <dest-file>` and `pnpm passerelle restore <backup-file>`.
 * They work on files, not through a migrated connection, so the CLI's main
 * dispatch hands them over before it opens the database.
 */
import { parseArgs } from 'node:util';
import { isAbsolute, resolve } from 'node:path';
import { sayIn, staffMessage, staffWords } from '@passerelle/schema/messages/staff';
import { ConfigError, parseConfig } from '../env.ts';
import { BackupRefused, backupDatabase, restoreDatabase } from '../db/backup.ts';
import { isPostgresUrl } from '../db/open.ts';
import { cliLanguage } from './language.ts';
import { optionRefused } from './refusals.ts';
import { CliInputError } from './tenant.ts';

export const BACKUP_COMMANDS = ['backup', 'restore'];

/** A relative path is relative to where the command was typed (pnpm sets INIT_CWD), as DATABASE_URL is. */
const fromTypedCwd = (path: string, env: Record<string, string | undefined>) => (isAbsolute(path) ? path : resolve(env.INIT_CWD ?? process.cwd(), path));

/** Runs the command; prints its outcome in the CLI's language (`--json`: the same in any language); returns the exit code (0 done, 2 refused or misused). */
export async function backupCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const language = cliLanguage(env);
  const say = sayIn(language);
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    const [command, file, ...extra] = positionals;
    if (values.help || !file || extra.length > 0) {
      console.error(say('cli.command.misused', { command: command ?? 'backup' }));
      return 2;
    }
    const database = parseConfig(env).databaseUrl;
    if (database === ':memory:') throw new BackupRefused(staffMessage('backup.memory'));
    // PostgreSQL has its own tools for this, which the words name.
    if (isPostgresUrl(database)) throw new BackupRefused(staffMessage('backup.postgres'));
    const path = fromTypedCwd(file, env);
    if (command === 'backup') {
      const report = await backupDatabase(database, path);
      console.log(values.json ? JSON.stringify({ backup: report, source: database }) : say('cli.backup.written', { database, copy: report }));
    } else {
      const { restored, previous } = await restoreDatabase(path, database);
      console.log(values.json ? JSON.stringify({ restored, previous: previous ?? null }) : say('cli.backup.restored', { path, into: restored, previous: previous ?? null }));
    }
    return 0;
  } catch (err) {
    if (err instanceof BackupRefused) {
      console.error(staffWords(language, err.said));
      return 2;
    }
    const refused = optionRefused(say, err, args[0] ?? null);
    if (refused instanceof ConfigError || refused instanceof CliInputError) {
      console.error(refused.message);
      return 2;
    }
    throw err;
  }
}
