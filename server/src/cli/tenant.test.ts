import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase, openDatabase } from '../db/open.ts';
import { seedDemo } from '../seed/demo.ts';
import { listLiveHostKeys } from '../tenancy/queries/host-keys.ts';
import { findInstitutionBySlug } from '../tenancy/queries/institutions.ts';
import { verifyHostToken } from '../auth/host-token.ts';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'passerelle-tenant-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const database = join(dir, 'cli.db');
{
  const { db, close } = openDatabase(database);
  migrateDatabase(db);
  seedDemo(db, {}, new Date());
  close();
}

const cliWith = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: database, INIT_CWD: dir, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
/** In English, the language these tests assert (French is the default: see the last test). */
const cli = (...args: string[]) => cliWith({ PASSERELLE_LANG: 'en' }, ...args);

// Each test starts the CLI (tsx compiles it): minutes of margin, so that a busy machine is not a failure.
describe('pnpm passerelle tenant key add', { timeout: 180_000 }, () => {
  it('registers an ES256 (P-256) public key from a PEM file, and a token signed with its private key then verifies', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pemFile = join(dir, 'host-es256.pem');
    writeFileSync(pemFile, ec.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const run = cli('tenant', 'key', 'add', 'demo', '--kid', '2026-es', '--alg', 'ES256', '--key-file', pemFile);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Key 2026-es (ES256) added to demo.');

    const { db, close } = openDatabase(database);
    try {
      const keys = listLiveHostKeys(db, findInstitutionBySlug(db, 'demo')!.id);
      expect(keys.find((k) => k.kid === '2026-es')?.alg).toBe('ES256');
      const now = Math.floor(Date.now() / 1000);
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const input = `${b64({ alg: 'ES256', kid: '2026-es' })}.${b64({ iss: 'demo', aud: 'passerelle', sub: 'alumna-claire', iat: now, exp: now + 300, jti: 'cli-es' })}`;
      const token = `${input}.${sign('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
      expect((await verifyHostToken(token, keys, 'demo', now)).sub).toBe('alumna-claire');
    } finally {
      close();
    }
  });

  it('names the algorithms it accepts when given another one', () => {
    const run = cli('tenant', 'key', 'add', 'demo', '--kid', '2026-x', '--alg', 'ES384', '--key', 'x'.repeat(40));
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/^alg: .*HS256.*EdDSA.*RS256.*ES256/m);
  });

  it('speaks French with PASSERELLE_LANG=fr, with a French locale, and by default', () => {
    const refused = cliWith({ PASSERELLE_LANG: 'fr', LANG: 'en_US.UTF-8' }, 'tenant', 'origin', 'add', 'nowhere', 'https://alumni.example.fr');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Aucun établissement n’a le slug « nowhere ». Ajoutez-le avec : pnpm passerelle tenant add nowhere "<nom>"');
    const added = cliWith({ PASSERELLE_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'fr_FR.UTF-8' }, 'tenant', 'origin', 'add', 'demo', 'https://alumni.example.fr');
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^Origines de demo : .*https:\/\/alumni\.example\.fr\n$/);
    const usage = cliWith({ PASSERELLE_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' }, '--help');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Utilisation : pnpm passerelle <commande>');
  });
});
