import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, institutions } from '../db/tables/index.ts';
import { cliDatabase } from './testing.ts';

const { db, ids, cli: run } = await cliDatabase('mail-settings');
const cli = (language: 'en' | 'fr', ...args: string[]) => run(args, { PASSERELLE_LANG: language });
const settingsOf = async () => (await db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, ids.other.tenantId)).get())!.settings as { branding?: unknown; pages?: unknown };
const audited = async (action: string) =>
  (await db.select().from(auditLog).where(and(eq(auditLog.tenantId, ids.other.tenantId), eq(auditLog.action, action))).all()).map((e) => ({ actorId: e.actorId, origin: e.origin, detail: e.detail }));

describe('pnpm passerelle institution set-branding and set-pages', { timeout: 180_000 }, () => {
  it('set-branding: a colour that would not read is refused by its option, changes nothing; then set, audited', async () => {
    const pale = await cli('en', 'institution', 'set-branding', 'other', '--name', 'Institut Autre', '--primary-color', '#9ad0ff');
    expect(pale.status).toBe(2);
    expect(pale.stderr).toBe('--primary-color: This colour is too light to read against white (at least 4.5:1 is needed): choose a darker one.\n');
    expect((await settingsOf()).branding).toBeUndefined();

    const set = await cli('fr', 'institution', 'set-branding', 'other', '--name', 'Institut Autre', '--primary-color', '#0b5d3b');
    expect(set.stderr).toBe('');
    expect(set.status).toBe(0);
    expect(set.stdout).toBe('Les messages de other portent désormais « Institut Autre » en tête, en #1a1a1a sur blanc, avec #0b5d3b pour l’en-tête et les boutons, sur #f5f5f5.\n');
    expect((await settingsOf()).branding).toEqual({ name: 'Institut Autre', primaryColor: '#0b5d3b' });
    expect(await audited('institution.mailBranding')).toEqual([{ actorId: null, origin: 'cli:institution', detail: { from: {}, to: { name: 'Institut Autre', primaryColor: '#0b5d3b' } } }]);
  });

  it('set-pages: a page of an origin the institution has not registered is refused; once registered, set, audited', async () => {
    const page = 'https://www.autre.test/mon-espace';
    const refused = await cli('en', 'institution', 'set-pages', 'other', '--profile', page);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--profile: https://www.autre.test is not one of the institution’s registered origins');
    expect((await settingsOf()).pages).toBeUndefined();

    expect((await cli('en', 'tenant', 'origin', 'add', 'other', 'https://www.autre.test')).status).toBe(0);
    const set = await cli('en', 'institution', 'set-pages', 'other', '--profile', page, '--consents', `${page}#consentements`);
    expect(set.status).toBe(0);
    expect(set.stdout).toBe(`The links in the messages of other now open: profile → ${page}, consents → ${page}#consentements. No link for: offers, pledges, company.\n`);
    expect((await settingsOf()).pages).toEqual({ profile: page, consents: `${page}#consentements` });
    expect(await audited('institution.mailPages')).toMatchObject([{ origin: 'cli:institution', detail: { from: {}, to: { profile: page } } }]);
  });
});
