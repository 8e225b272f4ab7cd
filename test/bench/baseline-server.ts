/**
 * The yardstick of the load benchmark: the least an API on this stack can do
 * per request. A bare Hono app on @hono/node-server answering
 * `GET /baseline` with one row read by primary key through a prepared
 * better-sqlite3 statement, as JSON — no middleware, no auth, no policy —
 * and `POST /baseline` with the JSON body stored as one row, one INSERT in
 * its own transaction, with the server's durability (WAL, `synchronous =
 * FULL`: `db/open.ts`), answering 201 with the row's id: the least a write
 * costs. It opens the same database file as the server under test, and runs
 * in its own process for the same reason the server does: the load
 * generator must not share its event loop.
 *
 *   DATABASE_URL=<file> PORT=<port> node --import tsx bench/baseline-server.ts
 */
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const file = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 0);
if (!file) throw new Error('Set DATABASE_URL to the benchmark database file.');

const sqlite = new Database(file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.pragma('busy_timeout = 5000');
const someone = sqlite.prepare('SELECT id FROM people LIMIT 1').pluck().get() as string | undefined;
if (!someone) throw new Error(`No people in ${file}.`);
const byId = sqlite.prepare('SELECT * FROM people WHERE id = ?');
sqlite.exec('CREATE TABLE IF NOT EXISTS baseline_writes (id TEXT PRIMARY KEY, body TEXT NOT NULL, created_at TEXT NOT NULL)');
const insert = sqlite.prepare('INSERT INTO baseline_writes (id, body, created_at) VALUES (?, ?, ?)');
const [begin, commit] = [sqlite.prepare('BEGIN IMMEDIATE'), sqlite.prepare('COMMIT')];

const app = new Hono()
  .get('/baseline', (c) => c.json(byId.get(someone) as Record<string, unknown>, 200))
  .post('/baseline', async (c) => {
    const body: unknown = await c.req.json();
    const id = crypto.randomUUID();
    begin.run();
    insert.run(id, JSON.stringify(body), new Date().toISOString());
    commit.run();
    return c.json({ id }, 201);
  });

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(`Baseline on http://127.0.0.1:${info.port}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    sqlite.close();
    process.exit(0);
  });
}
