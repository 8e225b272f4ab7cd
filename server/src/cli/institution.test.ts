import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { migrateDatabase, openDatabase } from '../db/open.ts';
import { seedDemo } from '../seed/demo.ts';
import { auditLog, institutions } from '../db/tables/index.ts';
import { createApp } from '../app.ts';
import { testConfig } from '../env.ts';
import type { Mail } from '../auth/mailer.ts';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'passerelle-institution-cli-'));
const database = join(dir, 'cli.db');
const { db, close } = openDatabase(database);
migrateDatabase(db);
const ids = await seedDemo(db, {}, new Date());
afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The CLI as `pnpm passerelle` runs it: another process on the same database
 * file. Run asynchronously, so that the app sees its commit as the server
 * would: on a later turn of the event loop (see untilChange).
 */
const cli = (...args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: serverDir, env: { ...process.env, DATABASE_URL: database, INIT_CWD: dir, PASSERELLE_LANG: 'en' }, encoding: 'utf8' }, (err, stdout, stderr) =>
      done({ status: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });

/** The API over the same file, as the running server would see the CLI's change. */
const mail: Mail[] = [];
const app = createApp({ db, config: testConfig(), mailer: { send: async (m) => void mail.push(m) } });
const call = (method: string, path: string, token?: string, body?: unknown) =>
  app.request(path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
async function emailSignIn(email: string): Promise<string> {
  expect((await call('POST', '/v1/auth/email', undefined, { tenant: 'demo', email })).status).toBe(202);
  const code = mail.filter((m) => m.to === email).at(-1)?.text.match(/\b(\d{6})\b/)?.[1];
  const res = await call('POST', '/v1/auth/verify', undefined, { tenant: 'demo', email, code });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}
const settingsOf = async (tenantId: string) => (await db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, tenantId)).get())?.settings;

// Each CLI run starts a Node process with tsx: seconds on a busy machine.
describe('pnpm passerelle institution set-staff-email-sign-in', { timeout: 180_000 }, () => {
  it('turns staff email sign-in on and off for one institution, says what changed, audits it, and sessions already open follow', async () => {
    const admin = await emailSignIn('nadia.haddad@demo.test');
    expect((await call('GET', '/v1/webhooks', admin)).status).toBe(403);

    const on = await cli('institution', 'set-staff-email-sign-in', 'demo', 'on');
    expect(on.stderr).toBe('');
    expect(on.status).toBe(0);
    expect(on.stdout).toBe('Staff email sign-in for demo: off → on; staff and administrators who sign in with an email code now keep their rights.\n');
    expect((await settingsOf(ids.demo.tenantId))).toMatchObject({ staffEmailSignIn: true });
    expect((await settingsOf(ids.other.tenantId))).not.toHaveProperty('staffEmailSignIn');
    expect((await call('GET', '/v1/webhooks', admin)).status).toBe(200);

    const again = await cli('institution', 'set-staff-email-sign-in', 'demo', 'on');
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('Staff email sign-in for demo was already on: nothing changed.\n');

    const off = await cli('institution', 'set-staff-email-sign-in', 'demo', 'off');
    expect(off.status).toBe(0);
    expect(off.stdout).toBe('Staff email sign-in for demo: on → off; sessions opened with an email code no longer carry staff or administrator rights.\n');
    expect((await call('GET', '/v1/webhooks', admin)).status).toBe(403);

    const entries = (await db.select().from(auditLog).where(eq(auditLog.action, 'institution.staffEmailSignIn')).all());
    expect(entries.map((e) => ({ tenantId: e.tenantId, actorId: e.actorId, origin: e.origin, detail: e.detail }))).toEqual([
      { tenantId: ids.demo.tenantId, actorId: null, origin: 'cli:institution', detail: { staffEmailSignIn: { from: false, to: true } } },
      { tenantId: ids.demo.tenantId, actorId: null, origin: 'cli:institution', detail: { staffEmailSignIn: { from: true, to: false } } },
    ]);
  });

  it('exits with 2 and a message on a value other than on or off, or an unknown institution, changing nothing', async () => {
    const before = settingsOf(ids.demo.tenantId);
    const maybe = await cli('institution', 'set-staff-email-sign-in', 'demo', 'yes');
    expect(maybe.status).toBe(2);
    expect(maybe.stderr).toContain('Say on or off: pnpm passerelle institution set-staff-email-sign-in demo on|off');
    const nowhere = await cli('institution', 'set-staff-email-sign-in', 'nowhere', 'on');
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toContain('No institution with the slug "nowhere"');
    expect((await settingsOf(ids.demo.tenantId))).toEqual((await before));
  });
});

describe('pnpm passerelle institution set-offers-open-to-visitors', { timeout: 180_000 }, () => {
  it('opens the offer board to visitors and closes it again, says what changed, audits it, and the API follows', async () => {
    const signedOut = () => call('GET', '/v1/offers?tenant=demo');
    expect((await signedOut()).status).toBe(401);

    const on = await cli('institution', 'set-offers-open-to-visitors', 'demo', 'on');
    expect(on.stderr).toBe('');
    expect(on.status).toBe(0);
    expect(on.stdout).toBe('The offer board of demo is now open to visitors: its published offers can be read without signing in, from its registered origins.\n');
    expect((await settingsOf(ids.demo.tenantId))).toMatchObject({ offersOpenToVisitors: true });
    expect((await settingsOf(ids.other.tenantId))).not.toHaveProperty('offersOpenToVisitors');
    const open = await signedOut();
    expect(open.status).toBe(200);
    expect(((await open.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

    const again = await cli('institution', 'set-offers-open-to-visitors', 'demo', 'on');
    expect(again.stdout).toBe('The offer board of demo was already open to visitors: nothing changed.\n');

    const off = await cli('institution', 'set-offers-open-to-visitors', 'demo', 'off');
    expect(off.status).toBe(0);
    expect(off.stdout).toBe('The offer board of demo is now closed to visitors: reading its offers needs a sign-in again.\n');
    expect((await signedOut()).status).toBe(401);

    const entries = (await db.select().from(auditLog).where(eq(auditLog.action, 'institution.offersOpenToVisitors')).all());
    expect(entries.map((e) => ({ actorId: e.actorId, origin: e.origin, detail: e.detail }))).toEqual([
      { actorId: null, origin: 'cli:institution', detail: { offersOpenToVisitors: { from: false, to: true } } },
      { actorId: null, origin: 'cli:institution', detail: { offersOpenToVisitors: { from: true, to: false } } },
    ]);
    const maybe = await cli('institution', 'set-offers-open-to-visitors', 'demo', 'yes');
    expect(maybe.status).toBe(2);
    expect(maybe.stderr).toContain('Say on or off: pnpm passerelle institution set-offers-open-to-visitors demo on|off');
  });
});
