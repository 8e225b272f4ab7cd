import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import { memoryDatabase, type Db } from '../db/open.ts';
import { TestClock } from '../testing.ts';
import { seedDemo, type DemoIds } from '../seed/demo.ts';
import { webhookAttempts, webhookDeliveries } from '../db/tables/index.ts';
import { insertSubscription } from './queries/subscriptions.ts';
import { claimDelivery, insertDeliveries, nextDueDelivery, settleDelivery } from './queries/deliveries.ts';
import { deliverDue, MAX_ATTEMPTS, startDeliveryRunner, type DeliverOptions } from './deliver.ts';
import { recordEvent } from './record.ts';
import { announceDeliveriesQueued } from './wake.ts';
import { generateSecret } from './sign.ts';
import { tableLookup } from './host-table.ts';
import { withTransaction } from '../db/transaction.ts';

/** A real HTTP receiver on 127.0.0.1; `handle` answers (or not). Counts TCP connections too. */
async function httpReceiver(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  let connections = 0;
  const server: Server = createServer(handle);
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
    server,
  };
}

/** A raw TCP peer on 127.0.0.1 that does `onSocket` with each connection. */
async function tcpPeer(onSocket: (socket: Socket) => void) {
  const server: TcpServer = createTcpServer(onSocket);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A port on 127.0.0.1 where nothing listens (taken, then given back). */
async function closedPort(): Promise<number> {
  const peer = await tcpPeer(() => undefined);
  await peer.close();
  return peer.port;
}

// Generous limits: real sockets on a machine that may be busy; no assertion depends on speed except the 2 s bound, which is the requirement.
describe('webhook delivery', { timeout: 60_000 }, () => {
  let db: Db;
  let ids: DemoIds;
  const clock = new TestClock();
  /** The tests' DNS: only what a test puts in it (and localhost). */
  const hosts = new Map<string, string[]>();
  const lookup = tableLookup(hosts);
  const local = (over: Partial<DeliverOptions> = {}): DeliverOptions => ({ db, clock, allowLocal: true, lookup, ...over });

  let receiver: Awaited<ReturnType<typeof httpReceiver>>;
  let hits = 0;
  let delayMs = 0;
  let answer = 204;

  beforeAll(async () => {
    db = memoryDatabase();
    ids = await seedDemo(db, {}, clock.now());
    receiver = await httpReceiver((req, res) => {
      hits++;
      req.resume();
      setTimeout(() => {
        res.statusCode = answer;
        if (answer === 302) res.setHeader('location', 'http://169.254.169.254/latest/meta-data');
        res.end();
      }, delayMs);
    });
  });
  afterAll(() => receiver.close());

  function subscribe(url: string, events: ['consent.changed'] | ['profile.updated'] = ['consent.changed']) {
    const at = clock.now().toISOString();
    return insertSubscription(db, { tenantId: ids.demo.tenantId, entityId: ids.demo.entities.university, url, events, secret: generateSecret(), description: null, enabled: true, createdAt: at, createdBy: null, updatedAt: at });
  }
  /** A subscription to `url` with one message due now. */
  async function queue(url: string): Promise<string> {
    const at = clock.now().toISOString();
    const sub = await subscribe(url);
    const id = `msg_${crypto.randomUUID()}`;
    await insertDeliveries(db, [{ id, tenantId: ids.demo.tenantId, subscriptionId: sub.id, eventType: 'consent.changed', payload: '{"type":"consent.changed"}', createdAt: at, status: 'pending', attempts: 0, nextAttemptAt: at }]);
    return id;
  }
  const row = async (id: string) => (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get())!;
  const attempts = async (id: string) => (await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, id)).all());
  /** Takes a message out of the queue, so later sweeps leave it alone. */
  const retire = (id: string) => db.update(webhookDeliveries).set({ status: 'failed' }).where(eq(webhookDeliveries.id, id)).run();

  it('two workers running at once send a message once', async () => {
    const id = await queue(`${receiver.base}/once`);
    hits = 0;
    delayMs = 100;
    const counts = await Promise.all([deliverDue(local()), deliverDue(local()), deliverDue(local())]);
    delayMs = 0;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect(hits).toBe(1);
    expect((await row(id)).status).toBe('delivered');
  });

  it('a worker that read a message as due before another sent it and scheduled its retry does not claim it on that stale read', async () => {
    const id = await queue(`${receiver.base}/stale`);
    const now = clock.now().toISOString();
    const until = new Date(clock.now().getTime() + 60_000).toISOString();
    // Two workers (two instances) read it as due; the first claims it, sends it (a failure) and schedules the retry.
    const stale = await nextDueDelivery(db, (await row(id)).subscriptionId, now);
    expect(stale?.delivery.id).toBe(id);
    expect(await claimDelivery(db, id, now, until)).toBe(true);
    await settleDelivery(db, id, { status: 'pending', attempts: 1, nextAttemptAt: new Date(clock.now().getTime() + 5_000).toISOString(), deliveredAt: null });
    // The second claims on what it read: the message is not due until the retry's time.
    expect(await claimDelivery(db, id, now, until)).toBe(false);
    await retire(id);
  });

  it('a redirect is a failure and is not followed', async () => {
    const id = await queue(`${receiver.base}/moved`);
    answer = 302;
    hits = 0;
    await deliverDue(local());
    answer = 204;
    expect(hits).toBe(1);
    expect((await row(id))).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await attempts(id))[0]).toMatchObject({ statusCode: 302, error: 'http-302' });
    await retire(id);
  });

  it('each failure is stored as a category, never as the library’s message (no address, port or TLS detail)', async () => {
    const hanging = await httpReceiver(() => undefined); // reads the request, never answers
    const plainText = await tcpPeer((socket) => socket.resume().end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n')); // no TLS on an https address
    const hangUp = await tcpPeer((socket) => socket.destroy());
    const cases: Record<string, string> = {
      'connection-refused': await queue(`http://127.0.0.1:${await closedPort()}/closed`),
      'dns-error': await queue('https://gone.example.test/hooks'),
      'tls-error': await queue(`https://127.0.0.1:${plainText.port}/hooks`),
      'network-error': await queue(`http://127.0.0.1:${hangUp.port}/hooks`),
      'http-500': await queue(`${receiver.base}/error`),
    };
    answer = 500;
    expect(await deliverDue(local())).toBe(5);
    answer = 204;
    // The receiver that never answers meets the time limit, whatever it is (so a short one here).
    cases.timeout = await queue(`${hanging.base}/slow`);
    expect(await deliverDue(local({ timeoutMs: 300 }))).toBe(1);
    await Promise.all([hanging.close(), plainText.close(), hangUp.close()]);
    for (const [category, id] of Object.entries(cases)) {
      expect((await attempts(id)), category).toHaveLength(1);
      expect((await attempts(id))[0]!.error, category).toBe(category);
      expect((await attempts(id))[0]!.statusCode, category).toBe(category === 'http-500' ? 500 : null);
      expect((await row(id)).nextAttemptAt).toBe(new Date(clock.now().getTime() + 5_000).toISOString());
      await retire(id);
    }
  });

  it('with the local switch off, a loopback receiver is refused at connection time (blocked-address) and gets nothing, whatever the spelling or the DNS answer', async () => {
    const target = await httpReceiver((req, res) => {
      req.resume();
      res.statusCode = 204;
      res.end();
    });
    // Names that resolved to a public address when the subscription was saved, and to this machine now (DNS rebinding).
    hosts.set('crm.rebind.example.org', ['127.0.0.1']);
    hosts.set('mixed.rebind.example.org', ['2f00::1', '127.0.0.1']);
    hosts.set('v6.rebind.example.org', ['::ffff:127.0.0.1']);
    const urls = [
      `http://127.0.0.1:${target.port}/literal`,
      `https://127.0.0.1:${target.port}/literal`,
      `http://2130706433:${target.port}/decimal`,
      `http://[::ffff:7f00:1]:${target.port}/mapped`,
      `http://localhost:${target.port}/name`,
      `http://crm.rebind.example.org:${target.port}/rebind`,
      `http://mixed.rebind.example.org:${target.port}/one-bad-answer`,
      `http://v6.rebind.example.org:${target.port}/mapped-answer`,
    ];
    const messages: string[] = [];
    for (const url of urls) messages.push(await queue(url));
    expect(await deliverDue({ db, clock, allowLocal: false, lookup })).toBe(messages.length);
    for (const id of messages) {
      expect((await attempts(id))).toMatchObject([{ error: 'blocked-address', statusCode: null }]);
      expect((await row(id))).toMatchObject({ status: 'pending', attempts: 1 });
    }
    expect(target.connections()).toBe(0);

    // The same receiver is reachable with the switch on: the refusal above was the address rule's.
    clock.advance(5_001);
    const rebound = messages[5]!;
    for (const id of messages) if (id !== rebound) await retire(id);
    expect(await deliverDue(local())).toBe(1);
    expect((await row(rebound)).status).toBe('delivered');
    expect(target.connections()).toBe(1);
    await target.close();
  });

  it(`is failed after ${MAX_ATTEMPTS} attempts`, async () => {
    const id = await queue(`http://127.0.0.1:${await closedPort()}/never`);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await deliverDue(local());
      clock.advance(13 * 3_600_000);
    }
    expect((await row(id))).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect((await attempts(id))).toHaveLength(MAX_ATTEMPTS);
    expect(new Set((await attempts(id)).map((a) => a.error))).toEqual(new Set(['connection-refused']));
  });

  it('a receiver that never answers does not delay another: each event reaches the healthy one within 2 s of its commit', async () => {
    const hanging = await httpReceiver(() => undefined);
    const arrivals: { id: string; at: number }[] = [];
    let arrived: (() => void) | undefined;
    const healthy = await httpReceiver((req, res) => {
      arrivals.push({ id: String(req.headers['webhook-id']), at: performance.now() });
      req.resume();
      res.statusCode = 204;
      res.end();
      arrived?.();
    });
    const slow = await subscribe(`${hanging.base}/never`, ['profile.updated']);
    const fast = await subscribe(`${healthy.base}/fast`, ['profile.updated']);
    // Polling once a minute: only the wake-up on commit can make the 2 s. The
    // hanging receiver's attempt stays in flight for the whole test (a limit of two minutes).
    const runner = startDeliveryRunner({ ...local(), intervalMs: 60_000, timeoutMs: 120_000 });
    const personId = ids.demo.people['student-ines'];
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const received = new Promise<void>((r) => (arrived = r));
      await withTransaction({ db }, (tx) => recordEvent(tx, { tenantId: ids.demo.tenantId, at: clock.now().toISOString() }, { type: 'profile.updated', personId }));
      const committedAt = performance.now();
      const mine = (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, fast.id)).all()).at(-1)!;
      await received;
      const arrival = arrivals.find((a) => a.id === mine.id)!;
      latencies.push(arrival.at - committedAt);
    }
    // The hanging receiver holds its first message all along (its attempt is still in flight).
    expect(hanging.connections()).toBe(1);
    expect((await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, slow.id)).all()).every((d) => d.status === 'pending')).toBe(true);
    for (const latency of latencies) expect(latency).toBeLessThan(2_000);

    // stop() waits for the attempt in flight: cutting the hanging connection ends it, and it is recorded before stop() resolves.
    const stopped = runner.stop();
    await hanging.close();
    await stopped;
    const inFlight = (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, slow.id)).all());
    expect(inFlight.filter((d) => d.attempts === 1)).toHaveLength(1);
    expect((await attempts(inFlight.find((d) => d.attempts === 1)!.id))).toMatchObject([{ error: 'network-error' }]);
    await healthy.close();
    for (const d of inFlight) await retire(d.id);
  });

  it('the runner delivers on its own, and once stopped takes nothing more', async () => {
    const runner = startDeliveryRunner({ ...local(), intervalMs: 10 });
    const id = await queue(`${receiver.base}/runner`);
    announceDeliveriesQueued();
    await expect.poll(async () => (await row(id)).status, { timeout: 30_000, interval: 10 }).toBe('delivered');
    await runner.stop();
    const after = await queue(`${receiver.base}/after-stop`);
    announceDeliveriesQueued();
    // A live runner claims a message on the very turn it is woken (lockedUntil set); a stopped one does not.
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect((await row(after))).toMatchObject({ status: 'pending', lockedUntil: null });
    await retire(after);
  });
});
