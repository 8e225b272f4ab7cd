import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createApp } from '../app.ts';
import { memoryDatabase, sqliteOf, type Db } from '../db/open.ts';
import { ConfigError, testConfig, type Config } from '../env.ts';
import { seedDemo } from '../seed/demo.ts';
import { TestClock } from '../testing.ts';
import { smtpReceiver } from '../mail/smtp-receiver.ts';

/** Every value of every table, as text: where a code stored in clear would show. */
function everything(db: Db): string {
  const sqlite = sqliteOf(db);
  const tables = sqlite.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  return tables.map(({ name }) => JSON.stringify(sqlite.all(sql.raw(`SELECT * FROM "${name}"`)))).join('\n');
}

async function appWith(config: Partial<Config>) {
  const db = memoryDatabase();
  const clock = new TestClock();
  await seedDemo(db, {}, clock.now());
  // No mailer given: the app picks the one its configuration asks for.
  const app = createApp({ db, clock, config: { ...testConfig(), ...config } });
  const ask = (email: string) =>
    app.request('/v1/auth/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'demo', email }) });
  return { db, app, ask };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('where sign-in codes go', () => {
  it('with SMTP_URL outside development mode: through SMTP, and no table holds the code in clear', async () => {
    const smtp = await smtpReceiver();
    closers.push(smtp.close);
    const { db, app, ask } = await appWith({ dev: false, smtpUrl: smtp.url });
    expect((await ask('recruiter@example.com')).status).toBe(202);
    expect(smtp.messages).toHaveLength(1);
    const code = /Your sign-in code is (\d{6})/.exec(smtp.messages[0]!.raw)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(everything(db)).not.toContain(code);
    expect((await app.request('/v1/dev/outbox')).status).toBe(404);
  });

  it('without SMTP_URL outside development mode: the app cannot be built (the server refuses to boot)', async () => {
    await expect(appWith({ dev: false, smtpUrl: undefined })).rejects.toThrow(ConfigError);
    await expect(appWith({ dev: false, smtpUrl: undefined })).rejects.toThrow(/^SMTP_URL is not set: Passerelle cannot send sign-in codes/);
  });

  it('with email sign-in off and no SMTP_URL: the app serves, sends nothing and stores no code', async () => {
    const { db, app, ask } = await appWith({ dev: false, smtpUrl: undefined, emailSignIn: false });
    expect((await ask('recruiter@example.com')).status).toBe(404);
    expect((await db.all(sql`SELECT * FROM dev_outbox`))).toEqual([]);
    expect((await app.request('/health')).status).toBe(200);
  });

  it('in development mode (PASSERELLE_DEV=1) without SMTP_URL: the dev outbox keeps it and shows it', async () => {
    const { db, app, ask } = await appWith({ dev: true, smtpUrl: undefined });
    const log = console.log;
    console.log = () => {}; // the outbox prints each mail; keep the test output quiet
    try {
      expect((await ask('recruiter@example.com')).status).toBe(202);
    } finally {
      console.log = log;
    }
    const stored = (await db.all<{ subject: string }>(sql`SELECT subject FROM dev_outbox`));
    expect(stored).toHaveLength(1);
    const outbox = await app.request('/v1/dev/outbox');
    expect(outbox.status).toBe(200);
    expect(((await outbox.json()) as { items: { to: string; subject: string }[] }).items[0]).toMatchObject({ to: 'recruiter@example.com', subject: stored[0]!.subject });
  });
});
