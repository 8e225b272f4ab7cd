// PostgreSQL that cannot take a request answers as SQLite does (errors.test.ts):
// 503 problem+json with Retry-After when it cannot be reached, is shutting down
// or has no connection left; 507 when its disk is full; never a 500, never a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { and, count, eq } from 'drizzle-orm';
import type { Problem } from '@passerelle/schema';
import { testApp, testPostgres, type TestApp } from '../testing.ts';
import { auditLog, idempotencyKeys, pledges } from '../db/tables/index.ts';
import { connectDatabase } from '../db/open.ts';
import { postgresEngineOf } from '../db/postgres/open.ts';
import { databaseRefusal, fromDatabase } from '../db/refusal.ts';
import { createApp } from '../app.ts';
import { testConfig } from '../env.ts';
import { DEMO_HOST_SECRET_DEFAULT, DEMO_KID } from '../seed/demo.ts';
import { signHostToken } from '../auth/host-token.ts';

const listening = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
const closed = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** An app whose database is the PostgreSQL server at 127.0.0.1:`port`, and a sign-in attempt on it. */
function appOn(port: number) {
  const { db, close } = connectDatabase(`postgres://postgres@127.0.0.1:${port}/passerelle`);
  const app = createApp({ db, config: testConfig(), mailer: { send: async () => {} } });
  const now = Math.floor(Date.now() / 1000);
  const token = signHostToken(DEMO_HOST_SECRET_DEFAULT, DEMO_KID, { iss: 'demo', aud: 'passerelle', sub: 'alumna-claire', iat: now, exp: now + 300, jti: crypto.randomUUID() });
  const exchange = () => app.request('/v1/auth/exchange', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify({ token }) });
  return { app, close, exchange };
}

/** A 503 that says the database cannot be reached (a server down, a connection that never comes), not that it is busy. */
const expectUnavailable = async (res: Response, code = 'server.databaseUnreachable') => {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.headers.get('retry-after')).toBe('2');
  const body = (await res.json()) as Problem;
  expect(body).toMatchObject({ status: 503, code, params: { seconds: 2 } });
  expect(JSON.stringify(body)).not.toMatch(/ECONN|postgres|select|insert/i);
};

describe('a PostgreSQL server that cannot be reached', () => {
  it('answers 503 with Retry-After when nothing listens on its port', async () => {
    const probe = createServer();
    const port = await listening(probe);
    await closed(probe);
    const { app, close, exchange } = appOn(port);
    try {
      await expectUnavailable(await exchange());
      await expectUnavailable(await app.request('/v1/companies?q=acme', { headers: { authorization: `Bearer ${'a'.repeat(43)}` } }));
    } finally {
      await close();
    }
  });

  it('answers 503 after the pool’s connection timeout when the server accepts and never answers, rather than hanging', async () => {
    const sockets: Socket[] = [];
    const mute = createServer((socket) => void sockets.push(socket));
    const port = await listening(mute);
    const { close, exchange } = appOn(port);
    try {
      await expectUnavailable(await exchange());
    } finally {
      for (const socket of sockets) socket.destroy();
      await close();
      await closed(mute);
    }
  });
});

describe('which database errors are refusals', () => {
  /** The server's answer, as node-postgres gives it (marked by the engine's runner, as every statement's error is). */
  const server = (code: string) => fromDatabase(Object.assign(new pg.DatabaseError('refused', 0, 'error'), { code }));
  const socket = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
  const wrapped = (cause: Error) => new Error('Failed query: insert…', { cause });

  it('words PostgreSQL’s full disk as full, its shutdowns, connection failures and exhausted retries as unavailable, through drizzle’s wrapping', () => {
    expect(databaseRefusal(wrapped(server('53100')))).toEqual({ kind: 'full', code: '53100' });
    // Busy: too many connections, a write that lost to others past its retries, a lock not granted.
    for (const code of ['53300', '40001']) expect(databaseRefusal(wrapped(server(code)))).toEqual({ kind: 'unavailable', code });
    // Unreachable: shutting down or starting, the connection failed or was lost.
    for (const code of ['57P01', '57P03', '08006', '08001']) expect(databaseRefusal(wrapped(server(code)))).toEqual({ kind: 'unavailable', code, unreachable: true });
    for (const code of ['ECONNREFUSED', 'ECONNRESET']) expect(databaseRefusal(wrapped(fromDatabase(socket(code))))).toEqual({ kind: 'unavailable', code, unreachable: true });
    expect(databaseRefusal(new Error('timeout exceeded when trying to connect'))).toEqual({ kind: 'unavailable', code: 'connection', unreachable: true });
    expect(databaseRefusal(wrapped(new Error('Connection terminated unexpectedly')))).toEqual({ kind: 'unavailable', code: 'connection', unreachable: true });
  });

  it('leaves the rest to the 500 path: other SQLSTATEs, and a connection error the database did not raise (a mail server’s)', () => {
    expect(databaseRefusal(wrapped(server('23505')))).toBeUndefined();
    expect(databaseRefusal(wrapped(server('22P02')))).toBeUndefined();
    expect(databaseRefusal(socket('ECONNREFUSED'))).toBeUndefined();
    expect(databaseRefusal(Object.assign(new Error('not a SQLSTATE from the server'), { code: '53100' }))).toBeUndefined();
    expect(databaseRefusal(new Error('plain'))).toBeUndefined();
  });

  it('words SQLite’s codes as before', () => {
    expect(databaseRefusal(wrapped(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })))).toEqual({ kind: 'full', code: 'SQLITE_FULL' });
    expect(databaseRefusal(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toEqual({ kind: 'unavailable', code: 'SQLITE_BUSY_SNAPSHOT' });
    expect(databaseRefusal(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBeUndefined();
  });
});

// The server's own refusals, raised where a real one would come from (a write of the request's transaction).
describe.runIf(testPostgres)('PostgreSQL refusing a write', () => {
  let t: TestApp;
  let token: string;
  let key = 0;
  const address = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' };
  const create = (k = `refused-${++key}`) =>
    t.call('POST', '/v1/pledges', {
      token,
      body: { kind: 'donation', amountCents: 10_000 + key, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: 'Claire Dubois', address }, publicThanks: false },
      headers: { 'idempotency-key': k },
    });
  const claire = () => t.ids.demo.people['alumna-claire'];
  const counts = async () => ({
    pledges: (await t.db.select({ n: count() }).from(pledges).where(eq(pledges.authorId, claire())).get())!.n,
    audits: (await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'pledge.create'), eq(auditLog.actorId, claire()))).get())!.n,
    keys: (await t.db.select({ n: count() }).from(idempotencyKeys).where(eq(idempotencyKeys.personId, claire())).get())!.n,
  });
  /** Makes every new audit entry fail with `state` (a SQLSTATE), as the server would; `null` lifts it. */
  const refuseAudits = async (state: string | null) => {
    const pool = postgresEngineOf(t.db)!.pool;
    await pool.query('DROP TRIGGER IF EXISTS refuse_audit ON audit_log');
    if (state === null) return;
    await pool.query(`CREATE OR REPLACE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test' USING ERRCODE = '${state}'; END $$`);
    await pool.query('CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()');
  };

  beforeAll(async () => {
    t = testApp();
    token = await t.signIn('alumna-claire');
    expect((await t.call('GET', '/v1/profiles/me', { token })).status).toBe(200);
  });
  afterAll(() => refuseAudits(null));

  it('a full disk (53100): 507 problem+json, nothing of the write kept, reads still answered, the key not consumed', async () => {
    const before = await counts();
    await refuseAudits('53100');
    const res = await create('full-refused');
    expect(res.status).toBe(507);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as Problem;
    expect(body).toMatchObject({ type: 'https://passerelle.dev/problems/storage-full', status: 507, title: 'Storage full' });
    expect(body.detail).toContain('nothing was saved');
    expect(await counts()).toEqual(before);
    expect((await t.call('GET', '/v1/pledges', { token })).status).toBe(200);
    await refuseAudits(null);
    const again = await create('full-refused');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(await counts()).toEqual({ pledges: before.pledges + 1, audits: before.audits + 1, keys: before.keys + 1 });
  });

  it('a server shutting down (57P01) or out of connections (53300): 503 with Retry-After, nothing kept', async () => {
    const before = await counts();
    for (const [state, code] of [['57P01', 'server.databaseUnreachable'], ['53300', 'server.busy']] as const) {
      await refuseAudits(state);
      await expectUnavailable(await create(), code);
    }
    await refuseAudits(null);
    expect(await counts()).toEqual(before);
    expect((await create()).status).toBe(201);
  });
});
