/**
 * The load benchmark's yardstick on PostgreSQL, as `test/bench/baseline-server.ts`
 * is on SQLite: a bare Hono app on @hono/node-server answering
 * `GET /baseline` with one row read by primary key through node-postgres
 * (a named, hence prepared, statement on a pool of 10 connections, the
 * server's default), as JSON — no middleware, no auth, no policy. It reads
 * the same database as the server under test, in its own process.
 *
 *   DATABASE_URL=postgres://… PORT=<port> node --import tsx bench/baseline-postgres.ts
 */
import pg from 'pg';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 0);
if (!url) throw new Error('Set DATABASE_URL to the benchmark database (postgres://…).');

const pool = new pg.Pool({ connectionString: url, max: 10 });
const someone = (await pool.query<{ id: string }>('SELECT id FROM people LIMIT 1')).rows[0]?.id;
if (!someone) throw new Error(`No people in ${url}.`);
const byId = { name: 'baseline-person', text: 'SELECT * FROM people WHERE id = $1', values: [someone] };

const app = new Hono().get('/baseline', async (c) => c.json((await pool.query<Record<string, unknown>>(byId)).rows[0]!, 200));

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`Baseline on http://127.0.0.1:${info.port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void pool.end().finally(() => process.exit(0));
  });
}
