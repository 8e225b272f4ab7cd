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

const usage = `Usage: pnpm passerelle <command>

  migrate                                  apply the database migrations
  seed --demo                              add the demo institutions (idempotent)
  tenant add <slug> <name>                 register an institution
  tenant origin add <slug> <origin>        allow a website origin (CORS)
  tenant key add <slug> --kid <kid> --alg <HS256|EdDSA|RS256|ES256> (--key <secret> | --key-file <pem>)
                                           register a host signing key
  entity siret <slug> "<entity name>" <siret>
                                           set a school's SIRET (shown with its UAI for SOLTéA)
  institution set-staff-email-sign-in <slug> <on|off>
                                           let staff and admins keep their rights after an email code (default off)
  import <people|companies> FILE.csv --tenant <slug> [--map "Header=field"]... [--dry-run]   (import --help)
  backup <dest-file> [--json]              online copy of the database, checked (safe while the server runs)
  restore <backup-file> [--json]           replace the database with a checked backup (stop the server first)

Environment: DATABASE_URL (default ./data/passerelle.db).`;

class UsageError extends Error {}

function run(db: Db, args: string[]): string {
  if (args[0] === 'import') return importCommand(db, args.slice(1));
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { demo: { type: 'boolean' }, kid: { type: 'string' }, alg: { type: 'string' }, key: { type: 'string' }, 'key-file': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, sub, ...rest] = positionals;
  if (values.help || !command) throw new UsageError(usage);
  if (command === 'migrate') return 'Database migrated.';
  if (command === 'seed') {
    if (!values.demo) throw new UsageError('Only demo data can be seeded: pnpm passerelle seed --demo');
    const ids = seedDemo(db, process.env, new Date());
    return `Demo data ready: tenants demo (${ids.demo.tenantId}) and other (${ids.other.tenantId}).`;
  }
  if (command === 'tenant') {
    if (sub === 'add' && rest.length >= 2) return addTenant(db, rest[0]!, rest.slice(1).join(' '));
    if (sub === 'origin' && rest[0] === 'add' && rest.length === 3) return addOrigin(db, rest[1]!, rest[2]!);
    if (sub === 'key' && rest[0] === 'add' && rest.length === 2) {
      const key = values.key ?? (values['key-file'] ? readFileSync(values['key-file'], 'utf8') : undefined);
      return addHostKey(db, rest[1]!, { kid: values.kid, alg: values.alg, key });
    }
  }
  if (command === 'entity' && sub === 'siret' && rest.length >= 3) return setSiret(db, rest[0]!, rest.slice(1, -1).join(' '), rest.at(-1)!);
  if (command === 'institution' && sub === 'set-staff-email-sign-in' && rest.length === 2) return setStaffEmailSignInCommand(db, rest[0]!, rest[1]!);
  throw new UsageError(usage);
}

// Backup and restore work on the files themselves, before anything opens (or migrates) the database.
if (BACKUP_COMMANDS.includes(process.argv[2] ?? '')) process.exit(await backupCommand(process.argv.slice(2), process.env));

try {
  const config = parseConfig(process.env);
  const { db, close } = openDatabase(config.databaseUrl);
  try {
    migrateDatabase(db);
    console.log(run(db, process.argv.slice(2)));
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
