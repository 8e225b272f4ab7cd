/**
 * The load benchmark's yardstick on PostgreSQL, as `test/bench/baseline-server.ts`
 * is on SQLite: a bare Hono app on @hono/node-server answering
 * `GET /baseline` with one row read by primary key through node-postgres
 * (a named, hence prepared, statement on a pool of 10 connections, the
 * server's default), as JSON — no middleware, no auth, no policy; and
 * `POST /baseline` with the JSON body stored as one row, one INSERT in its
 * own transaction at the server's isolation (SERIALIZABLE) and durability
 * (`synchronous_commit` as the server finds it), answering 201 with the
 * row's id. It uses the same database as the server under test, in its own
 * process.
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
await pool.query('CREATE TABLE IF NOT EXISTS baseline_writes (id uuid PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL)');

/** One INSERT in a transaction of its own, on a connection of the pool. */
async function write(body: unknown): Promise<string> {
  const id = crypto.randomUUID();
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    await client.query({ name: 'baseline-write', text: 'INSERT INTO baseline_writes (id, body, created_at) VALUES ($1, $2, now())', values: [id, JSON.stringify(body)] });
    await client.query('COMMIT');
    return id;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const app = new Hono()
  .get('/baseline', async (c) => c.json((await pool.query<Record<string, unknown>>(byId)).rows[0]!, 200))
  .post('/baseline', async (c) => c.json({ id: await write(await c.req.json()) }, 201));

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`Baseline on http://127.0.0.1:${info.port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void pool.end().finally(() => process.exit(0));
  });
}
