import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliFolder, serverDir } from './testing.ts';

/** `database` is where the commands would open a database: these tests check that nothing does. */
const { dir, database, cli } = cliFolder('help');
const lines = (text: string) => text.trimEnd().split('\n');

// Each run starts a Node process with tsx: seconds on a busy machine, hence the generous budget.
describe('pnpm passerelle: help, version and refusals, without touching the database', { timeout: 240_000 }, () => {
  it('--help, -h, help and no command print the usage on stdout and exit 0', async () => {
    for (const args of [['--help'], ['-h'], ['help'], []]) {
      const run = await cli(args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^Usage: pnpm passerelle <command>/);
      expect(run.stdout).toContain('tenant key remove <slug> --kid <kid>');
    }
    expect(existsSync(database)).toBe(false);
  });

  it('every command has its own help, by help <command> or <command> --help', async () => {
    const heads = {
      migrate: 'Usage: pnpm passerelle migrate',
      seed: 'Usage: pnpm passerelle seed --demo',
      tenant: 'Usage: pnpm passerelle tenant <list|add|origin|key>',
      entity: 'Usage: pnpm passerelle entity siret',
      institution: 'Usage: pnpm passerelle institution set-staff-email-sign-in',
      soltea: 'Usage: pnpm passerelle soltea calendar',
      import: 'Usage: pnpm passerelle import <people|companies>',
      backup: 'Usage:',
      restore: 'Usage:',
    };
    const runs = await Promise.all(Object.keys(heads).map((command) => cli(['help', command])));
    for (const [i, [command, head]] of Object.entries(heads).entries()) {
      expect(runs[i]!.status, command).toBe(0);
      expect(runs[i]!.stdout.startsWith(head), `${command}: ${runs[i]!.stdout}`).toBe(true);
    }
    const deep = await cli(['tenant', 'key', 'add', '--help']);
    expect(deep.status).toBe(0);
    expect(deep.stdout).toContain('tenant key remove <slug> --kid <kid>     revoke a key');
    const french = await cli(['restore', '-h'], { PASSERELLE_LANG: 'fr' });
    expect(french.stdout).toMatch(/^Utilisation :\n {2}pnpm passerelle backup/);
    expect(existsSync(database)).toBe(false);
  });

  it('--version prints the server package version', async () => {
    const run = await cli(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${(JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('refuses an unknown command, a misused one or an unknown option in one sentence with exit code 2, before opening anything', async () => {
    const [unknown, misused, option, helpUnknown, french] = await Promise.all([
      cli(['tenants', 'list']),
      cli(['tenant', 'origin', 'add', 'demo']),
      cli(['tenant', 'key', 'remove', 'demo', '--kdi', 'x']),
      cli(['help', 'frobnicate']),
      cli(['tenants'], { PASSERELLE_LANG: 'fr' }),
    ]);
    expect([unknown, misused, option, helpUnknown].map((r) => r.status)).toEqual([2, 2, 2, 2]);
    expect(lines(unknown.stderr)).toEqual(['There is no command "tenants": pnpm passerelle --help lists them.']);
    expect(lines(misused.stderr)).toEqual(['That is not how "tenant" is used: pnpm passerelle help tenant shows how.']);
    expect(lines(option.stderr)).toEqual(['The option --kdi is unknown here or lacks its value: pnpm passerelle help tenant shows the options.']);
    expect(lines(helpUnknown.stderr)).toEqual(['There is no command "frobnicate": pnpm passerelle --help lists them.']);
    expect(lines(french.stderr)).toEqual(['La commande « tenants » n’existe pas : pnpm passerelle --help les énumère.']);
    expect(existsSync(database)).toBe(false);
  });

  it('says in one sentence, exit code 1, that DATABASE_URL is a folder or not a database', async () => {
    const notDatabase = join(dir, 'notes.txt');
    writeFileSync(notDatabase, 'not a database, but long enough to be read as a file header by SQLite.\n'.repeat(20));
    const [folder, text] = await Promise.all([cli(['tenant', 'list'], { DATABASE_URL: dir }), cli(['migrate'], { DATABASE_URL: notDatabase })]);
    expect(folder.status).toBe(1);
    expect(lines(folder.stderr)).toEqual([`DATABASE_URL names a folder, ${dir}: give the path of a database file inside it, such as ${dir}/passerelle.db.`]);
    expect(text.status).toBe(1);
    expect(lines(text.stderr)).toEqual([`${notDatabase} is not a SQLite database: DATABASE_URL must name a Passerelle database, or a file that does not exist yet.`]);
  });
});
