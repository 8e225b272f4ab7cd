import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createApp } from '../app.ts';
import { openPostgres } from '../db/postgres/open.ts';
import { emptyDatabase, testPostgresAdminUrl } from '../db/postgres/test-databases.ts';
import { consentEvents, institutions, people } from '../db/tables/index.ts';
import { testConfig } from '../env.ts';
import { cliDatabase } from './testing.ts';

const cli = await cliDatabase('copy');

describe('pnpm passerelle copy <sqlite-file> <postgres-url>', () => {
  it('moves every row into an empty PostgreSQL database, says how many, and the API serves them there', async () => {
    const target = await emptyDatabase(testPostgresAdminUrl());
    const run = await cli.cli(['copy', cli.database, target, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { tables: Record<string, number> };
    const source = { people: (await cli.db.select().from(people).all()).length, consentEvents: (await cli.db.select().from(consentEvents).all()).length };
    expect(report.tables.people).toBe(source.people);
    expect(report.tables.consent_events).toBe(source.consentEvents);
    expect(source.people).toBeGreaterThan(5);

    const { db, close } = openPostgres(target);
    try {
      expect((await db.select().from(people).all()).length).toBe(source.people);
      const demo = await db.select().from(institutions).where(eq(institutions.slug, 'demo')).get();
      expect(demo?.name).toBe((await cli.db.select().from(institutions).where(eq(institutions.slug, 'demo')).get())?.name);
      // The API on PostgreSQL finds the institution and its public offers setting as on the file.
      const app = createApp({ db, config: testConfig(), mailer: { send: async () => {} } });
      const res = await app.request('/v1/offers?tenant=demo', { headers: { 'accept-language': 'en' } });
      expect([200, 401]).toContain(res.status);
    } finally {
      await close();
    }
  });

  it('refuses a target that is not empty, and one that is not PostgreSQL, in one sentence, changing nothing', async () => {
    const target = await emptyDatabase(testPostgresAdminUrl());
    expect((await cli.cli(['copy', cli.database, target])).status).toBe(0);
    const again = await cli.cli(['copy', cli.database, target]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/is not empty \(\w+ has rows\): copy only into a new, empty database/);
    const file = await cli.cli(['copy', cli.database, `${cli.dir}/other.db`]);
    expect(file.status).toBe(2);
    expect(file.stderr).toMatch(/is not a PostgreSQL URL/);
  });

  it('tells how to back up a PostgreSQL database rather than failing obscurely', async () => {
    const run = await cli.cli(['backup', `${cli.dir}/b.db`], { DATABASE_URL: 'postgres://nobody@127.0.0.1:5432/none' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('pg_dump -Fc "$DATABASE_URL"');
  });
});
