import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, institutions } from '../db/tables/index.ts';
import { cliApi, cliDatabase } from './testing.ts';

const { db, ids, cli: run } = await cliDatabase('institution');
const cli = (...args: string[]) => run(args);
const { call, emailSignIn } = cliApi(db);
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
