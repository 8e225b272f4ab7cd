import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { ConfigError, parseConfig } from '../env.ts';
import { migrateDatabase, openDatabase, type Db } from '../db/open.ts';
import { seedDemo } from '../seed/demo.ts';
import { CliInputError, addHostKey, addOrigin, addTenant } from './tenant.ts';
import { setSiret } from './entity.ts';
import { setStaffEmailSignInCommand } from './institution.ts';
import { importCommand } from './import.ts';
import { BACKUP_COMMANDS, backupCommand } from './backup.ts';
import { cliLanguage } from './language.ts';
import { sayIn, type Say } from '@passerelle/schema/messages/staff';

class UsageError extends Error {}

function run(db: Db, say: Say, args: string[]): string {
  if (args[0] === 'import') return importCommand(db, args.slice(1));
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { demo: { type: 'boolean' }, kid: { type: 'string' }, alg: { type: 'string' }, key: { type: 'string' }, 'key-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, sub, ...rest] = positionals;
  if (values.help || !command) throw new UsageError(say('cli.usage'));
  if (command === 'migrate') return say('cli.migrated');
  if (command === 'seed') {
    if (!values.demo) throw new UsageError(say('cli.seed.demoOnly'));
    const ids = seedDemo(db, process.env, new Date());
    return say('cli.seed.ready', { demo: ids.demo.tenantId, other: ids.other.tenantId });
  }
  if (command === 'tenant') {
    if (sub === 'add' && rest.length >= 2) return addTenant(db, say, rest[0]!, rest.slice(1).join(' '));
    if (sub === 'origin' && rest[0] === 'add' && rest.length === 3) return addOrigin(db, say, rest[1]!, rest[2]!);
    if (sub === 'key' && rest[0] === 'add' && rest.length === 2) {
      const key = values.key ?? (values['key-file'] ? readFileSync(values['key-file'], 'utf8') : undefined);
      return addHostKey(db, say, rest[1]!, { kid: values.kid, alg: values.alg, key });
    }
  }
  if (command === 'entity' && sub === 'siret' && rest.length >= 3) return setSiret(db, say, rest[0]!, rest.slice(1, -1).join(' '), rest.at(-1)!);
  if (command === 'institution' && sub === 'set-staff-email-sign-in' && rest.length === 2) return setStaffEmailSignInCommand(db, say, rest[0]!, rest[1]!);
  throw new UsageError(say('cli.usage'));
}

// Backup and restore work on the files themselves, before anything opens (or migrates) the database.
if (BACKUP_COMMANDS.includes(process.argv[2] ?? '')) process.exit(await backupCommand(process.argv.slice(2), process.env));

try {
  const config = parseConfig(process.env);
  const { db, close } = openDatabase(config.databaseUrl);
  try {
    migrateDatabase(db);
    console.log(run(db, sayIn(cliLanguage(process.env)), process.argv.slice(2)));
  } finally {
    close();
  }
} catch (err) {
  if (err instanceof UsageError || err instanceof ConfigError || err instanceof CliInputError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
