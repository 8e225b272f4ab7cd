import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createApp } from '../app.ts';
import { connectDatabase, sqliteOf, type Db } from '../db/open.ts';
import { emptyDatabase } from '../db/postgres/test-databases.ts';
import { postgresEngineOf } from '../db/postgres/open.ts';
import { ConfigError, parseConfig, testConfig } from '../env.ts';
import { seededDatabase, testApp, testPostgres } from '../testing.ts';
import { createLogger, readable } from './log.ts';

/** A logger that keeps its JSON lines, parsed. */
function keptLog() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const logger = createLogger({ logLevel: 'info', dev: false }, { write: (line: string) => void (raw.push(line), lines.push(JSON.parse(line) as Record<string, unknown>)) });
  return { logger, lines, raw };
}

/** Closes the database under the app, a failure nobody foresaw; returns what the engine then says of every statement. */
async function closeUnder(db: Db): Promise<RegExp> {
  const engine = postgresEngineOf(db);
  if (engine) {
    await engine.pool.end();
    return /Cannot use a pool after calling end on the pool/;
  }
  (sqliteOf(db) as unknown as { $client: { close(): void } }).$client.close();
  return /database connection is not open/;
}

function loggedApp() {
  const t = testApp();
  const kept = keptLog();
  const app = createApp({ db: t.db, clock: t.clock, config: testConfig(), mailer: { send: async () => undefined }, lookup: t.lookup, logger: kept.logger });
  return { ...t, app, ...kept };
}

describe('the request log', () => {
  it('writes one JSON line per request with its id, method, route pattern, status and duration — never the token, the path’s ids or the query', async () => {
    const t = loggedApp();
    const token = await t.signIn('student-ines');
    t.lines.length = 0;
    const me = t.ids.demo.people['student-ines'];
    const res = await t.app.request(`/v1/profiles/${me}?email=alice@example.org`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'proxy-42_abc' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('proxy-42_abc');
    expect(t.lines).toHaveLength(1);
    expect(t.lines[0]).toMatchObject({ level: 30, msg: 'request', reqId: 'proxy-42_abc', method: 'GET', route: '/v1/profiles/:id', status: 200, service: 'passerelle-api' });
    expect(typeof t.lines[0]!.durationMs).toBe('number');
    const text = t.raw.join('');
    for (const secret of [token, me, 'alice@example.org', 'authorization']) expect(text).not.toContain(secret);
  });

  it('makes an id when the proxy sent none or an unsafe one, and echoes it', async () => {
    const t = loggedApp();
    const none = await t.app.request('/health');
    const unsafe = await t.app.request('/health', { headers: { 'x-request-id': 'two words' } });
    for (const res of [none, unsafe]) expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.headers.get('x-request-id')).not.toBe(unsafe.headers.get('x-request-id'));
    expect(t.lines.map((l) => l.reqId)).toEqual([none.headers.get('x-request-id'), unsafe.headers.get('x-request-id')]);
  });

  it('writes a failure as one error line with the request’s id and the stack, while the answer shows neither', async () => {
    const t = loggedApp();
    const token = await t.signIn('student-ines');
    t.lines.length = 0;
    t.raw.length = 0;
    const said = await closeUnder(t.db);
    const res = await t.app.request('/v1/me', { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'broken-1' } });
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toMatch(/at |\.ts:|database/);
    const errors = t.lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reqId: 'broken-1', method: 'GET', route: '/v1/me', msg: 'request failed' });
    expect((errors[0]!.err as { stack: string }).stack).toMatch(said);
    // Each event is one line: the stack's line breaks stay inside the JSON string.
    for (const line of t.raw) expect(line.trimEnd().split('\n')).toHaveLength(1);
    expect(t.lines.at(-1)).toMatchObject({ reqId: 'broken-1', status: 500, level: 40 });
  });

  it('keeps quiet below LOG_LEVEL, which is checked at boot', () => {
    expect(parseConfig({}).logLevel).toBe('info');
    expect(parseConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(() => parseConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => parseConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
    const kept: string[] = [];
    const log = createLogger({ logLevel: 'warn', dev: false }, { write: (l: string) => void kept.push(l) });
    log.info('not written');
    log.warn('written');
    expect(kept.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['written']);
  });

  it('reads as one line per event in development mode', () => {
    const out: string[] = [];
    const log = pino({ level: 'info', timestamp: pino.stdTimeFunctions.isoTime }, readable({ write: (s: string) => out.push(s) }));
    log.info({ reqId: 'r-1', method: 'POST', route: '/v1/pledges', status: 201, durationMs: 4.2 }, 'request');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\d\d:\d\d:\d\d INFO  request POST \/v1\/pledges → 201 in 4\.2 ms  \[r-1\]\n$/);
  });
});

describe('GET /ready', () => {
  const mailer = { send: async () => undefined };
  // On the suite's engine: a copy of the seeded demo database.
  const parts = async () => seededDatabase();

  it('answers 200 when the database answers, every migration is applied and the workers run', async () => {
    const app = createApp({ db: await parts(), config: testConfig(), mailer, workers: [{ name: 'webhooks', running: () => true }] });
    const res = await app.request('/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', workers: 'ok' } });
    expect((await app.request('/health')).status).toBe(200);
  });

  it('answers 503 saying which check fails: a stopped worker, a database not migrated, a database gone', async () => {
    const stopped = createApp({ db: await parts(), config: testConfig(), mailer, workers: [{ name: 'webhooks', running: () => false }] });
    const a = await stopped.request('/ready');
    expect(a.status).toBe(503);
    expect(await a.json()).toMatchObject({ status: 'not-ready', checks: { workers: 'stopped', database: 'ok', migrations: 'ok' } });

    // A database without a table yet, on the suite's engine.
    const bare = connectDatabase(testPostgres ? await emptyDatabase(testPostgres) : ':memory:');
    const unmigrated = createApp({ db: bare.db, config: testConfig(), mailer });
    const b = await unmigrated.request('/ready');
    expect(b.status).toBe(503);
    expect(await b.json()).toMatchObject({ checks: { database: 'ok', migrations: 'pending' } });

    await bare.close();
    const c = await unmigrated.request('/ready');
    expect(c.status).toBe(503);
    expect(await c.json()).toMatchObject({ checks: { database: 'failed', migrations: 'unknown' } });
  });
});
