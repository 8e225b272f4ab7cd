import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Problem } from '@passerelle/schema';
import { testApp, testPostgres, type TestApp } from '../testing.ts';
import { auditLog, idempotencyKeys, pledges, profiles } from '../db/tables/index.ts';
import { migrateDatabase, openDatabase, sqliteOf, type Db } from '../db/open.ts';
import { seedDemo, DEMO_HOST_SECRET_DEFAULT, DEMO_KID } from '../seed/demo.ts';
import { signHostToken } from '../auth/host-token.ts';
import { createApp } from '../app.ts';
import { testConfig } from '../env.ts';
import { sqliteCode } from './errors.ts';

const address = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' };
const gift = (n: number) => ({
  kind: 'donation',
  amountCents: 10_000 + n,
  frequency: 'once',
  designation: { kind: 'foundation' },
  donor: { kind: 'individual', fullName: `Claire Dubois ${'x'.repeat(100)} ${n}`, address },
  publicThanks: false,
});

// PRAGMA takes no bound parameters: the numbers are ours, not input.
const pragma = (db: Db, text: string) => sqliteOf(db).get<Record<string, number>>(sql.raw(`PRAGMA ${text}`));

// SQLite-only: a file capped with PRAGMA max_page_count; PostgreSQL's full disk is rehearsed below.
describe.skipIf(testPostgres)('a full database (SQLite: the file capped by PRAGMA max_page_count)', () => {
  let t: TestApp;
  let token: string;
  let key = 0;
  let baseline: { pledges: number; audits: number; keys: number };
  const create = (k = `full-${++key}`) => t.call('POST', '/v1/pledges', { token, body: gift(key), headers: { 'idempotency-key': k } });
  const claire = () => t.ids.demo.people['alumna-claire'];
  const counts = async () => ({
    pledges: (await t.db.select({ n: count() }).from(pledges).where(eq(pledges.authorId, claire())).get())!.n,
    audits: (await t.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'pledge.create'), eq(auditLog.actorId, claire()))).get())!.n,
    keys: (await t.db.select({ n: count() }).from(idempotencyKeys).where(eq(idempotencyKeys.personId, claire())).get())!.n,
  });

  beforeAll(async () => {
    t = testApp();
    token = await t.signIn('alumna-claire');
    // Created on first visit: done now, so the reads below write nothing.
    expect((await t.call('GET', '/v1/profiles/me', { token })).status).toBe(200);
    baseline = await counts();
    const pages = pragma(t.db, 'page_count')!.page_count!;
    pragma(t.db, `max_page_count = ${pages + 8}`);
  });

  it('refuses writes with 507 problem+json, and keeps each write whole (pledge, audit entry and key together)', async () => {
    let res = await create();
    let written = 0;
    while (res.status === 201 && written < 2000) {
      written++;
      res = await create();
    }
    expect(written).toBeGreaterThan(0);
    expect(res.status).toBe(507);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as Problem;
    expect(body).toMatchObject({ type: 'https://passerelle.dev/problems/storage-full', status: 507, title: 'Storage full' });
    expect(body.detail).toContain('nothing was saved');
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|INSERT|insert into/i);
    expect((await counts())).toEqual({ pledges: baseline.pledges + written, audits: baseline.audits + written, keys: baseline.keys + written });
  });

  it('still answers reads', async () => {
    expect((await t.call('GET', '/v1/me', { token })).status).toBe(200);
    expect((await t.call('GET', '/v1/pledges', { token })).status).toBe(200);
    expect((await t.call('GET', '/v1/profiles/me', { token })).status).toBe(200);
    expect(pragma(t.db, 'integrity_check')).toEqual({ integrity_check: 'ok' });
  });

  it('takes writes again once there is room, and the refused key was not consumed', async () => {
    const refused = `full-refused`;
    expect((await create(refused)).status).toBe(507);
    const before = (await counts());
    pragma(t.db, 'max_page_count = 1073741823');
    const res = await create(refused);
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect((await counts())).toEqual({ pledges: before.pledges + 1, audits: before.audits + 1, keys: before.keys + 1 });
  });

  it('refuses a profile edit with 507 and leaves the profile as it was', async () => {
    const row = async () => (await t.db.select().from(profiles).where(eq(profiles.personId, claire())).get())!;
    (await pragma(t.db, `max_page_count = ${pragma(t.db, 'page_count')!.page_count!}`));
    let etag = (await t.call('GET', '/v1/profiles/me', { token })).headers.get('etag')!;
    // Each edit adds an audit entry: within a few, a page is needed and refused.
    let res: Response | undefined;
    for (let i = 0; i < 200; i++) {
      const before = row();
      res = await t.call('PATCH', `/v1/profiles/${claire()}`, { token, body: { bio: `${i} ${'b'.repeat(590)}` }, headers: { 'if-match': etag } });
      if (res.status !== 200) {
        expect((await row())).toEqual((await before));
        break;
      }
      etag = res.headers.get('etag')!;
    }
    expect(res?.status).toBe(507);
    pragma(t.db, 'max_page_count = 1073741823');
    expect((await t.call('PATCH', `/v1/profiles/${claire()}`, { token, body: { bio: 'Back' }, headers: { 'if-match': etag } })).status).toBe(200);
  });
});

describe('a busy database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-busy-'));
  const file = join(dir, 'busy.db');
  let other: Database.Database;
  let close: () => void;
  let db: Db;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ({ db, close } = openDatabase(file));
    migrateDatabase(db);
    await seedDemo(db, {}, new Date());
    app = createApp({ db, config: testConfig(), mailer: { send: async () => {} } });
    other = new Database(file);
  });
  afterAll(() => {
    other.close();
    close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while another process holds the write lock, then works', async () => {
    const now = Math.floor(Date.now() / 1000);
    const hostToken = signHostToken(DEMO_HOST_SECRET_DEFAULT, DEMO_KID, { iss: 'demo', aud: 'passerelle', sub: 'alumna-claire', iat: now, exp: now + 300, jti: crypto.randomUUID() });
    const exchange = () => app.request('/v1/auth/exchange', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: hostToken }) });
    pragma(db, 'busy_timeout = 50');
    other.exec('BEGIN IMMEDIATE');
    const res = await exchange();
    other.exec('ROLLBACK');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    // No Accept-Language and no session yet: French, the default.
    expect(await res.json()).toMatchObject({ code: 'server.busy', params: { seconds: 2 }, detail: 'La base de données est occupée ; rien n’a été enregistré. Réessayez dans 2 secondes.' });
    // The token was not burnt by the refused attempt: the retry signs in.
    expect((await exchange()).status).toBe(200);
  });
});

describe('sqliteCode', () => {
  it('finds the code through drizzle’s wrapping error', () => {
    const inner = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(sqliteCode(new Error('Failed query: insert…', { cause: inner }))).toBe('SQLITE_FULL');
    expect(sqliteCode(new Error('plain'))).toBeUndefined();
  });
});
