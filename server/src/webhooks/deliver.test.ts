import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { memoryDatabase, type Db } from '../db/open.ts';
import { TestClock } from '../testing.ts';
import { seedDemo, type DemoIds } from '../seed/demo.ts';
import { webhookAttempts, webhookDeliveries } from '../db/tables/index.ts';
import { insertSubscription } from '../db/webhooks/subscriptions.ts';
import { insertDeliveries } from '../db/webhooks/deliveries.ts';
import { deliverDue, MAX_ATTEMPTS, startDeliveryRunner } from './deliver.ts';
import { generateSecret } from './sign.ts';

describe('deliverDue', () => {
  let db: Db;
  let ids: DemoIds;
  const clock = new TestClock();
  let server: Server;
  let base = '';
  let hits = 0;
  let delayMs = 0;
  let answer = 204;

  beforeAll(async () => {
    db = memoryDatabase();
    ids = seedDemo(db, {}, clock.now());
    server = createServer((req, res) => {
      hits++;
      req.resume();
      setTimeout(() => {
        res.statusCode = answer;
        if (answer === 302) res.setHeader('location', 'http://169.254.169.254/latest/meta-data');
        res.end();
      }, delayMs);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** A subscription to `url` with one message due now. */
  function queue(url: string): string {
    const at = clock.now().toISOString();
    const sub = insertSubscription(db, { tenantId: ids.demo.tenantId, entityId: ids.demo.entities.university, url, events: ['consent.changed'], secret: generateSecret(), description: null, enabled: true, createdAt: at, createdBy: null, updatedAt: at });
    const id = `msg_${crypto.randomUUID()}`;
    insertDeliveries(db, [{ id, tenantId: ids.demo.tenantId, subscriptionId: sub.id, eventType: 'consent.changed', payload: '{"type":"consent.changed"}', createdAt: at, status: 'pending', attempts: 0, nextAttemptAt: at }]);
    return id;
  }
  const row = (id: string) => db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get()!;
  const attempts = (id: string) => db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, id)).all();

  it('two workers running at once send a message once', async () => {
    const id = queue(`${base}/once`);
    hits = 0;
    delayMs = 100;
    const counts = await Promise.all([deliverDue({ db, clock }), deliverDue({ db, clock }), deliverDue({ db, clock })]);
    delayMs = 0;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(hits).toBe(1);
    expect(row(id).status).toBe('delivered');
  });

  it('a redirect is a failure and is not followed', async () => {
    const id = queue(`${base}/moved`);
    answer = 302;
    hits = 0;
    await deliverDue({ db, clock });
    answer = 204;
    expect(hits).toBe(1);
    expect(row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(attempts(id)[0]).toMatchObject({ statusCode: 302, error: 'HTTP 302' });
    db.update(webhookDeliveries).set({ status: 'failed' }).where(eq(webhookDeliveries.id, id)).run();
  });

  it('no answer (refused connection, timeout) is recorded as an error without a status code', async () => {
    const refused = queue('http://127.0.0.1:9/closed');
    const slow = queue(`${base}/slow`);
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    await deliverDue({ db, clock, fetch: (input, init) => (String(input).endsWith('/slow') ? Promise.reject(timeout) : fetch(input, init)) });
    expect(attempts(refused)[0]).toMatchObject({ statusCode: null });
    expect(attempts(refused)[0]!.error).toBeTruthy();
    expect(attempts(slow)[0]).toMatchObject({ statusCode: null, error: 'No answer within 10 s.' });
    expect(row(slow).nextAttemptAt).toBe(new Date(clock.now().getTime() + 5_000).toISOString());
  });

  it(`is failed after ${MAX_ATTEMPTS} attempts`, async () => {
    const id = queue('http://127.0.0.1:9/never');
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await deliverDue({ db, clock });
      clock.advance(13 * 3_600_000);
    }
    expect(row(id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(attempts(id)).toHaveLength(MAX_ATTEMPTS);
  });

  it('the runner delivers on its own and stops cleanly', async () => {
    const id = queue(`${base}/runner`);
    const runner = startDeliveryRunner({ db, clock, intervalMs: 10 });
    for (let i = 0; i < 200 && row(id).status !== 'delivered'; i++) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(row(id).status).toBe('delivered');
    const after = queue(`${base}/after-stop`);
    await new Promise((r) => setTimeout(r, 50));
    expect(row(after).status).toBe('pending');
  });
});
