/**
 * The SOLTéA calendar and the payment pages from the command line, as
 * `pnpm passerelle` runs them: another process on the same database file,
 * which the API sees at once; audited; words in English or French.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { PledgeParameters } from '@passerelle/schema';
import { auditLog, institutions } from '../db/tables/index.ts';
import { cliApi, cliDatabase } from './testing.ts';

const { db, ids, cli: run } = await cliDatabase('soltea');
const cli = (args: string[], lang: 'en' | 'fr' = 'en') => run(args, { PASSERELLE_LANG: lang });
const { call, emailSignIn } = cliApi(db);
const campaign2026 = async (token: string) => ((await (await call('GET', '/v1/pledges/parameters', token)).json()) as PledgeParameters).campaigns.find((c) => c.year === 2026);

describe('pnpm passerelle soltea', { timeout: 240_000 }, () => {
  it('sets the 2026 calendar for every institution; the API answers it at once; audited in each institution', async () => {
    const token = await emailSignIn('nadia.haddad@demo.test');
    expect(await campaign2026(token)).toEqual({ year: 2026, published: false });
    const run = await cli(['soltea', 'set-calendar', '2026', '--period', '2026-05-25:2026-06-26:2026-07-10', '--period', '2026-07-13:2026-10-23:2026-11-06', '--unallocated', '2026-11-26', '--source', 'arrêté du 20 novembre 2025']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(
      'SOLTéA 2026 calendar set for every institution: period 1 from 2026-05-25 to 2026-06-26 (transfers from 2026-07-10); period 2 from 2026-07-13 to 2026-10-23 (transfers from 2026-11-06); unallocated funds from 2026-11-26.',
    );
    expect(await campaign2026(token)).toMatchObject({ year: 2026, published: true, source: 'arrêté du 20 novembre 2025', unallocatedFrom: '2026-11-26' });
    for (const tenantId of [ids.demo.tenantId, ids.other.tenantId]) {
      expect((await db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, 'soltea.setCalendar'))).all())).toEqual([expect.objectContaining({ origin: 'cli:soltea', actorId: null, objectId: '2026' })]);
    }
  });

  it('refuses inverted periods and malformed options in one sentence (exit 2), in French too; nothing changes', async () => {
    const inverted = await cli(['soltea', 'set-calendar', '2026', '--period', '2026-06-26:2026-05-25:2026-07-10', '--unallocated', '2026-11-26']);
    expect(inverted.status).toBe(2);
    expect(inverted.stderr.trim()).toBe('periods.0.closes: This period closes before it opens: its closing date must come after its opening date.');
    const malformed = await cli(['soltea', 'set-calendar', '2026', '--period', '2026-05-25', '--unallocated', '2026-11-26'], 'fr');
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('« 2026-05-25 » n’est pas une période');
    expect((await cli(['soltea', 'set-calendar', '26', '--unpublished'])).status).toBe(2);
    expect((await db.select().from(auditLog).where(eq(auditLog.action, 'soltea.setCalendar')).all())).toHaveLength(2);
  });

  it('lists where each year comes from, in French; reset gives the year back to the file', async () => {
    const listed = await cli(['soltea', 'calendar'], 'fr');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('2026 (fixé par commande ou API) : 2026-05-25 → 2026-06-26, versements dès le 2026-07-10');
    expect(listed.stdout).toContain('2025 (fichier de configuration)');
    const reset = await cli(['soltea', 'reset-calendar', '2026']);
    expect(reset.stdout.trim()).toBe('The SOLTéA 2026 calendar set by command is removed: the configuration file’s applies again.');
    const token = await emailSignIn('nadia.haddad@demo.test');
    expect(await campaign2026(token)).toEqual({ year: 2026, published: false });
  });
});

describe('pnpm passerelle institution set-payment-page | rotate-payment-secret', { timeout: 240_000 }, () => {
  const settings = async () => (await db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, ids.demo.tenantId)).get())!.settings;
  it('sets the institution’s and a fund’s pages, refuses an http address, audited', async () => {
    expect((await cli(['institution', 'set-payment-page', 'demo', 'https://pay.example/?amount={amount}&ref={reference}'])).stdout.trim()).toBe('Payment page of demo: https://pay.example/?amount={amount}&ref={reference}.');
    const fund = await cli(['institution', 'set-payment-page', 'demo', 'https://pay.example/bourses?ref={reference}', '--fund', 'scholarships'], 'fr');
    expect(fund.stdout.trim()).toBe('Page de paiement du fonds scholarships : https://pay.example/bourses?ref={reference}.');
    const http = await cli(['institution', 'set-payment-page', 'demo', 'http://pay.example/?ref={reference}']);
    expect(http.status).toBe(2);
    expect(http.stderr).toContain('https://');
    expect((await settings()).paymentPages).toEqual({ default: 'https://pay.example/?amount={amount}&ref={reference}', entities: {}, funds: { scholarships: 'https://pay.example/bourses?ref={reference}' } });
    expect((await db.select().from(auditLog).where(and(eq(auditLog.tenantId, ids.demo.tenantId), eq(auditLog.action, 'pledge.paymentPages'))).all())).toHaveLength(2);
  });

  it('prints a new callback secret once and keeps the previous one for a day', async () => {
    const first = await cli(['institution', 'rotate-payment-secret', 'demo']);
    expect(first.status).toBe(0);
    const secret = first.stdout.match(/whsec_\S+/)?.[0];
    expect(secret).toBeDefined();
    expect((await settings()).paymentCallback).toMatchObject({ secret, previousSecret: null });
    const second = await cli(['institution', 'rotate-payment-secret', 'demo']);
    expect(second.stdout).toContain('The previous secret is still accepted until');
    expect((await settings()).paymentCallback).toMatchObject({ previousSecret: secret });
    const entries = db.select().from(auditLog).where(and(eq(auditLog.tenantId, ids.demo.tenantId), eq(auditLog.action, 'pledge.paymentSecret.rotate'))).all();
    expect((await entries)).toHaveLength(2);
    expect(JSON.stringify((await entries))).not.toContain('whsec_');
  });
});
