// A PostgreSQL connection lost in the middle of a transaction (the server
// stopped, the network cut): the transaction fails as the database's refusal
// (the API answers 503, try again), never as a 500 or an uncaught error that
// ends the process, and the next transaction gets a live connection.
// PostgreSQL only: SQLite has no connection to lose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { testPostgresAdminUrl } from './test-databases.ts';
import { openPostgres } from './open.ts';
import { withTransaction } from '../transaction.ts';
import { databaseRefusal } from '../refusal.ts';
import type { Db } from '../open.ts';

describe.runIf(process.env.PASSERELLE_TEST_POSTGRES)('a PostgreSQL connection lost inside a transaction (PostgreSQL only)', () => {
  const sockets = new Set<Socket>();
  let proxy: Server;
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // Between the pool and the server, a proxy whose connections the test can cut.
    const target = new URL(testPostgresAdminUrl());
    proxy = createServer((client) => {
      const upstream = connect({ host: target.hostname, port: Number(target.port || 5432) });
      for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
        sockets.add(from);
        from.on('close', () => (sockets.delete(from), to.destroy()));
        from.on('error', () => to.destroy());
        from.pipe(to);
      }
    });
    const port = await new Promise<number>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve((proxy.address() as { port: number }).port)));
    const url = new URL(testPostgresAdminUrl());
    url.hostname = '127.0.0.1';
    url.port = String(port);
    ({ db, close } = openPostgres(url.toString(), { max: 2 }));
  });
  afterAll(async () => {
    await close();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  it('fails as the database’s refusal (unavailable), and the next transaction runs on a live connection', async () => {
    const failure = await withTransaction({ db }, async (tx) => {
      await tx.run(sql`select 1`);
      for (const socket of sockets) socket.resetAndDestroy();
      // The client hears of it as an event; the next statement is refused.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.run(sql`select 2`);
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(databaseRefusal(failure)).toMatchObject({ kind: 'unavailable' });
    expect(await withTransaction({ db }, async (tx) => (await tx.all<[number]>(sql`select 3`)).length)).toBe(1);
  });
});
