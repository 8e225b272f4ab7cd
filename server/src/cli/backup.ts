/**
 * `pnpm passerelle backup <dest-file>` and `pnpm passerelle restore <backup-file>`.
 * They work on files, not through a migrated connection, so the CLI's main
 * dispatch hands them over before it opens the database.
 */
import { parseArgs } from 'node:util';
import { isAbsolute, resolve } from 'node:path';
import { ConfigError, parseConfig } from '../env.ts';
import { BackupRefused, backupDatabase, restoreDatabase, type DatabaseReport } from '../db/backup.ts';

export const BACKUP_COMMANDS = ['backup', 'restore'];

const usage = `Usage:
  pnpm passerelle backup <dest-file> [--json]     online copy of DATABASE_URL (safe while the server runs), checked
  pnpm passerelle restore <backup-file> [--json]  replace DATABASE_URL with a checked backup (stop the server first)`;

/** A relative path is relative to where the command was typed (pnpm sets INIT_CWD), as DATABASE_URL is. */
const fromTypedCwd = (path: string, env: Record<string, string | undefined>) => (isAbsolute(path) ? path : resolve(env.INIT_CWD ?? process.cwd(), path));

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

function describe(report: DatabaseReport): string {
  const names = Object.keys(report.tables);
  const width = Math.max(0, ...names.map((n) => n.length));
  const rows = names.map((n) => `  ${n.padEnd(width)}  ${String(report.tables[n]).padStart(8)}`);
  return [`${report.path} (${size(report.bytes)}), integrity ${report.integrity}`, 'Rows per table:', ...rows].join('\n');
}

/** Runs the command; prints its outcome; returns the exit code (0 done, 2 refused or misused). */
export async function backupCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    const [command, file, ...extra] = positionals;
    if (values.help || !file || extra.length > 0) {
      console.error(usage);
      return 2;
    }
    const database = parseConfig(env).databaseUrl;
    if (database === ':memory:') throw new BackupRefused('DATABASE_URL is :memory:, there is no file to back up or restore.');
    const path = fromTypedCwd(file, env);
    if (command === 'backup') {
      const report = await backupDatabase(database, path);
      console.log(values.json ? JSON.stringify({ backup: report, source: database }) : `Backup of ${database} written:\n${describe(report)}`);
    } else {
      const { restored, previous } = await restoreDatabase(path, database);
      const kept = previous ? `The replaced database is kept as ${previous}.` : 'There was no database there before.';
      console.log(values.json ? JSON.stringify({ restored, previous: previous ?? null }) : `Restored ${path} into:\n${describe(restored)}\n${kept}`);
    }
    return 0;
  } catch (err) {
    if (err instanceof BackupRefused || err instanceof ConfigError || (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error((err as Error).message);
      return 2;
    }
    throw err;
  }
}
