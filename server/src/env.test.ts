import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, parseServerConfig } from './env.ts';

const NO_MAIL = 'SMTP_URL is not set: Passerelle cannot send sign-in codes. Set SMTP_URL, or EMAIL_SIGN_IN=off to run without email sign-in.';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    expect(config.port).toBe(8787);
    expect(config.databaseUrl).toBe(`${process.cwd()}/data/passerelle.db`);
    expect(parseConfig({ INIT_CWD: '/srv/passerelle' }).databaseUrl).toBe('/srv/passerelle/data/passerelle.db');
    expect(parseConfig({ DATABASE_URL: '/var/lib/p.db', INIT_CWD: '/srv' }).databaseUrl).toBe('/var/lib/p.db');
    expect(config.emailSignIn).toBe(true);
    expect(config.trustedProxies).toBe(0);
  });

  it('behaves as production unless PASSERELLE_DEV=1, whatever NODE_ENV says', () => {
    for (const NODE_ENV of [undefined, 'production', 'development', 'test']) {
      const config = parseConfig({ NODE_ENV });
      expect(config.dev, String(NODE_ENV)).toBe(false);
      expect(config.webhookAllowLocalHttp, String(NODE_ENV)).toBe(false);
    }
    const dev = parseConfig({ PASSERELLE_DEV: '1' });
    expect(dev.dev).toBe(true);
    expect(dev.webhookAllowLocalHttp).toBe(true);
    expect(parseConfig({ PASSERELLE_DEV: '0' }).dev).toBe(false);
  });

  it('refuses development mode with NODE_ENV=production, and the old PASSERELLE_DEV_OUTBOX', () => {
    expect(() => parseConfig({ PASSERELLE_DEV: '1', NODE_ENV: 'production' })).toThrow(/PASSERELLE_DEV: development mode cannot run with NODE_ENV=production/);
    expect(() => parseConfig({ PASSERELLE_DEV_OUTBOX: '1' })).toThrow(/PASSERELLE_DEV_OUTBOX was replaced by PASSERELLE_DEV=1/);
    expect(() => parseConfig({ PASSERELLE_DEV: 'yes' })).toThrow(/PASSERELLE_DEV must be 1/);
  });

  it('will not serve without a way to send sign-in codes: one sentence naming SMTP_URL', () => {
    expect(() => parseServerConfig({})).toThrow(ConfigError);
    expect(() => parseServerConfig({})).toThrow(NO_MAIL);
    expect(() => parseServerConfig({ NODE_ENV: 'development' })).toThrow(NO_MAIL);
    expect(parseServerConfig({ SMTP_URL: 'smtp://mail.example.org:587' }).smtpUrl).toBe('smtp://mail.example.org:587');
    expect(parseServerConfig({ PASSERELLE_DEV: '1' }).dev).toBe(true);
  });

  it('serves without SMTP_URL when email sign-in is off (EMAIL_SIGN_IN=off)', () => {
    const config = parseServerConfig({ EMAIL_SIGN_IN: 'off' });
    expect(config.emailSignIn).toBe(false);
    expect(config.dev).toBe(false);
    expect(() => parseConfig({ EMAIL_SIGN_IN: 'no' })).toThrow(/EMAIL_SIGN_IN must be on or off/);
  });

  it('reads TRUST_PROXY as a number of proxies (the old 1 is one proxy)', () => {
    expect(parseConfig({ TRUST_PROXY: '0' }).trustedProxies).toBe(0);
    expect(parseConfig({ TRUST_PROXY: '1' }).trustedProxies).toBe(1);
    expect(parseConfig({ TRUST_PROXY: '2' }).trustedProxies).toBe(2);
    expect(() => parseConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be the number of reverse proxies/);
  });

  it('stops with a message naming every bad variable', () => {
    expect(() => parseConfig({ PORT: 'eighty', SMTP_URL: 'not a url' })).toThrow(ConfigError);
    try {
      parseConfig({ PORT: '99999', SESSION_TTL_MINUTES: '-3' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/SESSION_TTL_MINUTES/);
    }
  });

  it('reads DATABASE_MAX_PAGES as a page count, absent by default', () => {
    expect(parseConfig({}).databaseMaxPages).toBeUndefined();
    expect(parseConfig({ DATABASE_MAX_PAGES: '5000' }).databaseMaxPages).toBe(5000);
    expect(() => parseConfig({ DATABASE_MAX_PAGES: '0' })).toThrow(/DATABASE_MAX_PAGES must be a whole number of pages/);
  });

  it('reads SHUTDOWN_GRACE_SECONDS as whole seconds, 10 by default', () => {
    expect(parseConfig({}).shutdownGraceSeconds).toBe(10);
    expect(parseConfig({ SHUTDOWN_GRACE_SECONDS: '0' }).shutdownGraceSeconds).toBe(0);
    expect(parseConfig({ SHUTDOWN_GRACE_SECONDS: '30' }).shutdownGraceSeconds).toBe(30);
    expect(() => parseConfig({ SHUTDOWN_GRACE_SECONDS: '1.5' })).toThrow(/SHUTDOWN_GRACE_SECONDS must be a whole number of seconds/);
  });
});
