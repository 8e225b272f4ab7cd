import { describe, expect, it } from 'vitest';
import { generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listLiveHostKeys } from '../tenancy/queries/host-keys.ts';
import { findInstitutionBySlug } from '../tenancy/queries/institutions.ts';
import { verifyHostToken } from '../auth/host-token.ts';
import { cliDatabase } from './testing.ts';

const { db, dir, cliSync } = await cliDatabase('tenant');
const cliWith = (env: Record<string, string>, ...args: string[]) => cliSync(args, env);
/** In English, the language these tests assert (French is the default: see the last test). */
const cli = (...args: string[]) => cliWith({ PASSERELLE_LANG: 'en' }, ...args);

// Each test starts the CLI (tsx compiles it): minutes of margin, so that a busy machine is not a failure.
describe('pnpm passerelle tenant', { timeout: 180_000 }, () => {
  it('registers an ES256 (P-256) public key from a PEM file, and a token signed with its private key then verifies', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pemFile = join(dir, 'host-es256.pem');
    writeFileSync(pemFile, ec.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const run = cli('tenant', 'key', 'add', 'demo', '--kid', '2026-es', '--alg', 'ES256', '--key-file', pemFile);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Key 2026-es (ES256) added to demo.');

    const keys = await listLiveHostKeys(db, (await findInstitutionBySlug(db, 'demo'))!.id);
    expect(keys.find((k) => k.kid === '2026-es')?.alg).toBe('ES256');
    const now = Math.floor(Date.now() / 1000);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${b64({ alg: 'ES256', kid: '2026-es' })}.${b64({ iss: 'demo', aud: 'passerelle', sub: 'alumna-claire', iat: now, exp: now + 300, jti: 'cli-es' })}`;
    const token = `${input}.${sign('sha256', Buffer.from(input), { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
    expect((await verifyHostToken(token, keys, 'demo', now)).sub).toBe('alumna-claire');
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
    expect(usage.status).toBe(0);
    expect(usage.stdout).toContain('Utilisation : pnpm passerelle <commande>');
  });

  it('lists the institutions, their origins and keys (in JSON too), and removes an origin and a key, refusing unknown ones in one sentence', async () => {
    expect(cli('tenant', 'origin', 'add', 'demo', 'https://www.univ-demo.fr').status).toBe(0);
    const list = cli('tenant', 'list', '--json');
    expect(list.status).toBe(0);
    const tenants = JSON.parse(list.stdout) as { slug: string; name: string; origins: number; keys: number }[];
    const demo = tenants.find((t) => t.slug === 'demo')!;
    expect(demo.origins).toBeGreaterThanOrEqual(2);
    expect(cli('tenant', 'list').stdout).toMatch(new RegExp(`^demo +${demo.name} +${demo.origins} +${demo.keys}$`, 'm'));

    const removed = cli('tenant', 'origin', 'remove', 'demo', 'https://www.univ-demo.fr');
    expect(removed.status).toBe(0);
    expect(removed.stdout).not.toContain('https://www.univ-demo.fr');
    expect(JSON.parse(cli('tenant', 'origin', 'list', 'demo', '--json').stdout)).not.toContain('https://www.univ-demo.fr');
    const again = cli('tenant', 'origin', 'remove', 'demo', 'https://www.univ-demo.fr');
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('https://www.univ-demo.fr is not among the origins of demo: pnpm passerelle tenant origin list demo shows them.\n');

    expect(cli('tenant', 'key', 'add', 'demo', '--kid', 'to-revoke', '--alg', 'HS256', '--key', 'k'.repeat(48)).status).toBe(0);
    const twice = cli('tenant', 'key', 'add', 'demo', '--kid', 'to-revoke', '--alg', 'HS256', '--key', 'k'.repeat(48));
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/^demo already has a live key to-revoke: .*\n$/);
    const revoked = cli('tenant', 'key', 'remove', 'demo', '--kid', 'to-revoke');
    expect(revoked.stdout).toBe('Key to-revoke of demo revoked: the tokens it signs are refused from now on.\n');
    expect((await listLiveHostKeys(db, (await findInstitutionBySlug(db, 'demo'))!.id)).map((k) => k.kid)).not.toContain('to-revoke');
    const keys = cli('tenant', 'key', 'list', 'demo');
    expect(keys.stdout).toMatch(/^to-revoke +HS256 +\d{4}-\d\d-\d\d \d\d:\d\d +\d{4}-\d\d-\d\d \d\d:\d\d$/m);
    expect(keys.stdout).not.toContain('k'.repeat(48));
    const unknown = cli('tenant', 'key', 'remove', 'demo', '--kid', 'to-revoke');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('demo has no live key to-revoke: pnpm passerelle tenant key list demo shows its keys.\n');
    const nowhere = cli('tenant', 'key', 'list', 'nowhere');
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
