/**
 * `pnpm passerelle copy <sqlite-file> <postgres-url>` (db/copy.ts). Like
 * backup and restore, it names its databases itself: the CLI's main
 * dispatch hands it over before it opens DATABASE_URL.
 */
import { parseArgs } from 'node:util';
import { isAbsolute, resolve } from 'node:path';
import { sayIn, staffWords } from '@passerelle/schema/messages/staff';
import { BackupRefused } from '../db/backup.ts';
import { copyToPostgres } from '../db/copy.ts';
import { isPostgresUrl } from '../db/open.ts';
import { cliLanguage } from './language.ts';
import { optionRefused } from './refusals.ts';
import { CliInputError } from './tenant.ts';

/** Runs the command; prints its outcome in the CLI's language (`--json`: the counts); returns the exit code (0 done, 2 refused or misused). */
export async function copyCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const language = cliLanguage(env);
  const say = sayIn(language);
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    const [, file, url, ...extra] = positionals;
    if (values.help || !file || !url || extra.length > 0) {
      console.error(say('cli.copy.usage'));
      return 2;
    }
    // A file is relative to where the command was typed (pnpm sets INIT_CWD), as DATABASE_URL is.
    const from = isPostgresUrl(file) || isAbsolute(file) ? file : resolve(env.INIT_CWD ?? process.cwd(), file);
    const report = await copyToPostgres(from, url);
    console.log(values.json ? JSON.stringify(report) : say('cli.copy.done', report));
    return 0;
  } catch (err) {
    if (err instanceof BackupRefused) {
      console.error(staffWords(language, err.said));
      return 2;
    }
    const refused = optionRefused(say, err, 'copy');
    if (refused instanceof CliInputError) {
      console.error(refused.message);
      return 2;
    }
    throw err;
  }
}
