import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { memoryDatabase } from '../db/open.ts';
import { auditLog, idempotencyKeys } from '../db/tables/index.ts';
import { seedDemo } from '../seed/demo.ts';
import { TestClock } from '../testing.ts';
import { tableLookup } from '../webhooks/host-table.ts';
import { testConfig } from '../env.ts';
import { onError } from './errors.ts';
import { ProblemError } from './problem.ts';
import { IDEMPOTENCY_RETENTION_MS, PURGE_EVERY_MS, canonicalJson, idempotent, rememberReply, requestHash } from './idempotency.ts';
import { withTransaction } from '../db/transaction.ts';

/**
 * A toy API with one idempotent write (an audit entry, counted as "the row"),
 * signed in as whoever the `x-person` header names.
 */
async function toyApp() {
  const db = memoryDatabase();
  const clock = new TestClock();
  const ids = await seedDemo(db, {}, clock.now());
  const tenantId = ids.demo.tenantId;
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use(async (c, next) => {
    c.set('deps', { db, clock, config: testConfig(), mailer: { send: async () => {} }, lookup: tableLookup(new Map()) });
    const actor: Actor = { personId: c.req.header('x-person') ?? ids.demo.people['rep-acme'], tenantId, memberships: [], entityParents: {} };
    c.set('auth', { actor, sessionId: 's', signInMethod: 'host', tenantSlug: 'demo', signedInAt: clock.now() });
    await next();
  });
  let beforeWrite: (() => Promise<void>) | undefined;
  app.post('/things', idempotent(), async (c) => {
    const body = (await c.req.json()) as { name?: string; fail?: boolean };
    if (body.fail) throw new ProblemError('conflict', 'pledge.cancelled');
    await beforeWrite?.();
    const thing = await withTransaction({ db }, async (tx) => {
      const id = crypto.randomUUID();
      await tx.insert(auditLog).values({ tenantId, actorId: c.var.auth.actor.personId, origin: null, at: clock.now().toISOString(), action: 'toy.create', objectType: 'toy', objectId: id, entityIds: [], subjectId: null, detail: {} }).run();
      const reply = { id, name: body.name };
      await rememberReply(tx, c, 201, reply, `/things/${id}`);
      return reply;
    });
    c.header('location', `/things/${thing.id}`);
    return c.json(thing, 201);
  });
  app.post('/other', idempotent(), (c) => c.json({ ok: true }, 200));
  const rows = async () => (await db.select().from(auditLog).where(eq(auditLog.action, 'toy.create')).all()).length;
  const post = (key: string | undefined, body: unknown, options: { path?: string; person?: string } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key !== undefined) headers['idempotency-key'] = key;
    if (options.person) headers['x-person'] = options.person;
    return Promise.resolve(app.request(options.path ?? '/things', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }));
  };
  return { app, db, clock, ids, tenantId, rows, post, setBeforeWrite: (f: (() => Promise<void>) | undefined) => (beforeWrite = f) };
}

describe('idempotent()', () => {
  it('refuses a write without the header, naming it', async () => {
    const t = await toyApp();
    const res = await t.post(undefined, { name: 'a' });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { detail: string; errors: { path: string }[] };
    expect(problem.detail).toContain('Idempotency-Key');
    expect(problem.errors[0]?.path).toBe('Idempotency-Key');
    expect((await t.rows())).toBe(0);
  });

  it('refuses malformed keys: empty, too long, odd characters', async () => {
    const t = await toyApp();
    for (const key of ['', 'x'.repeat(201), 'has space', 'é', 'a/b']) {
      const res = await t.post(key, { name: 'a' });
      expect(res.status, key).toBe(400);
      expect(await res.text()).toContain('Idempotency-Key');
    }
    expect((await t.post('x'.repeat(200), { name: 'a' })).status).toBe(201);
    expect((await t.post('Az09_-:.', { name: 'a' })).status).toBe(201);
    expect((await t.rows())).toBe(2);
  });

  it('replays the first reply for the same key and body, and writes once', async () => {
    const t = await toyApp();
    const first = await t.post('k1', { name: 'a', n: 1 });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = await first.text();
    // Same body with its keys in another order is the same request.
    const again = await t.post('k1', '{"n":1,  "name":"a"}');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await again.text()).toBe(firstBody);
    expect((await t.rows())).toBe(1);
  });

  it('answers 422 for the same key with another body or another path, writing nothing', async () => {
    const t = await toyApp();
    expect((await t.post('k1', { name: 'a' })).status).toBe(201);
    const other = await t.post('k1', { name: 'b' });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { type: string }).type).toContain('idempotency');
    expect((await t.post('k1', { name: 'a' }, { path: '/other' })).status).toBe(422);
    expect((await t.rows())).toBe(1);
  });

  it('scopes keys to the person', async () => {
    const t = await toyApp();
    expect((await t.post('shared', { name: 'a' })).status).toBe(201);
    const res = await t.post('shared', { name: 'a' }, { person: t.ids.demo.people['student-ines'] });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect((await t.rows())).toBe(2);
  });

  it('gives one write for 20 concurrent requests with one key, all with the same reply', async () => {
    const t = await toyApp();
    const replies = await Promise.all(Array.from({ length: 20 }, () => t.post('burst', { name: 'a' })));
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
    const bodies = new Set(await Promise.all(replies.map((r) => r.text())));
    expect(bodies.size).toBe(1);
    expect((await t.rows())).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true').length).toBe(19);
  });

  it('lets the primary key decide when another process stores the key first', async () => {
    const t = await toyApp();
    const personId = t.ids.demo.people['rep-acme'];
    // Between our check and our transaction, "another process" completes the same request.
    t.setBeforeWrite(async () => {
      await t.db.insert(idempotencyKeys).values({ tenantId: t.tenantId, personId, key: 'race', requestHash: requestHash('POST', '/things', canonicalJson({ name: 'a' })), status: 201, body: '{"id":"winner","name":"a"}', location: '/things/winner', createdAt: t.clock.now().toISOString() }).run();
    });
    const res = await t.post('race', { name: 'a' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: 'winner', name: 'a' });
    expect(res.headers.get('location')).toBe('/things/winner');
    expect(res.headers.get('idempotent-replayed')).toBe('true');
    expect((await t.rows())).toBe(0); // our write rolled back with our key
  });

  it('remembers only successful writes: a refused request can be retried with its key', async () => {
    const t = await toyApp();
    expect((await t.post('k', { name: 'a', fail: true })).status).toBe(409);
    expect((await t.db.select().from(idempotencyKeys).all())).toHaveLength(0);
    // The retry is "another body", but nothing was stored: it runs.
    expect((await t.post('k', { name: 'a' })).status).toBe(201);
  });

  it('keeps keys 24 hours, then forgets and purges them', async () => {
    const t = await toyApp();
    const personId = t.ids.demo.people['rep-acme'];
    expect((await t.post('old', { name: 'a' })).status).toBe(201);
    t.clock.advance(IDEMPOTENCY_RETENTION_MS - 1000);
    expect((await t.post('old', { name: 'a' })).headers.get('idempotent-replayed')).toBe('true');
    t.clock.advance(2000);
    const fresh = await t.post('new', { name: 'b' });
    expect(fresh.status).toBe(201);
    const keys = (await t.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(and(eq(idempotencyKeys.tenantId, t.tenantId), eq(idempotencyKeys.personId, personId))).all());
    expect(keys.map((k) => k.key)).toEqual(['new']);
    // After expiry the old key is free again.
    expect((await t.post('old', { name: 'c' })).status).toBe(201);
    expect((await t.rows())).toBe(3);
  });
});

describe('purging expired keys', () => {
  it('happens at once for the key sent, otherwise at most once an hour per person', async () => {
    const t = await toyApp();
    const personId = t.ids.demo.people['rep-acme'];
    const keys = async () => (await t.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(and(eq(idempotencyKeys.tenantId, t.tenantId), eq(idempotencyKeys.personId, personId))).all()).map((k) => k.key).sort();
    // A key stored more than a day ago (by another process, say).
    const expire = (key: string) =>
      t.db.insert(idempotencyKeys).values({ tenantId: t.tenantId, personId, key, requestHash: 'h', status: 201, body: '{}', location: null, createdAt: new Date(t.clock.now().getTime() - IDEMPOTENCY_RETENTION_MS - 1000).toISOString() }).run();

    expect((await t.post('a', { name: 'a' })).status).toBe(201);
    await expire('stale');
    await expire('older');
    t.clock.advance(60_000);
    expect((await t.post('b', { name: 'b' })).status).toBe(201);
    expect(await keys()).toEqual(['a', 'b', 'older', 'stale']);
    // The key sent is an expired one: purged first, so the write runs and the key is taken again.
    const again = await t.post('stale', { name: 'c' });
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(await keys()).toEqual(['a', 'b', 'stale']);
    await expire('oldest');
    t.clock.advance(PURGE_EVERY_MS);
    expect((await t.post('d', { name: 'd' })).status).toBe(201);
    expect(await keys()).toEqual(['a', 'b', 'd', 'stale']);
    expect(await t.rows()).toBe(4);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});
