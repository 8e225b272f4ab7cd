import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './env.ts';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    expect(config.port).toBe(8787);
    expect(config.databaseUrl).toBe(`${process.cwd()}/data/passerelle.db`);
    expect(parseConfig({ INIT_CWD: '/srv/passerelle' }).databaseUrl).toBe('/srv/passerelle/data/passerelle.db');
    expect(parseConfig({ DATABASE_URL: '/var/lib/p.db', INIT_CWD: '/srv' }).databaseUrl).toBe('/var/lib/p.db');
    expect(config.devOutbox).toBe(true);
  });

  it('turns the dev outbox off in production and with SMTP', () => {
    expect(parseConfig({ NODE_ENV: 'production' }).devOutbox).toBe(false);
    expect(parseConfig({ SMTP_URL: 'smtp://mail.example.org:587' }).devOutbox).toBe(false);
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
