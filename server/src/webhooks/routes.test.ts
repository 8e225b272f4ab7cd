import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionOf } from '../consents/testing.ts';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { type WebhookDelivery, type WebhookSubscription } from '@passerelle/schema';
import { sampleOfferBody, testApp, type DemoSubject, type TestApp } from '../testing.ts';
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from '../db/tables/index.ts';
import { deliverDue } from './deliver.ts';
import { tableLookup } from './host-table.ts';
import { recordEvent } from './record.ts';
import { parseConfig } from '../env.ts';
import { withTransaction } from '../db/transaction.ts';

/** A real HTTP receiver on 127.0.0.1: records every request; answers each path from its queue of statuses (then 204). */
interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
function startReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, number[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = answers.get(path)?.shift() ?? 204;
      res.end();
    });
  });
  return new Promise<{ base: string; received: Received[]; answers: Map<string, number[]>; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ base: `http://127.0.0.1:${port}`, received, answers, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/**
 * The documented check, written independently of the server's code:
 * base64(HMAC-SHA256(base64-decoded secret after "whsec_", `${id}.${timestamp}.${body}`)),
 * compared with each `v1,` signature of the header.
 */
function verifies(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const id = String(headers['webhook-id']);
  const timestamp = String(headers['webhook-timestamp']);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers['webhook-signature'])
    .split(' ')
    .some((s) => {
      const [version, sig] = s.split(',');
      const given = Buffer.from(sig ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

describe('/v1/webhooks', () => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const tokens = {} as Record<DemoSubject, string>;
  // Deliveries resolve no name (crm.example.org fails as unknown): the receivers are on 127.0.0.1.
  const deliver = () => deliverDue({ db: t.db, clock: t.clock, allowLocal: true, lookup: tableLookup(new Map()) });
  const as = (who: DemoSubject) => ({
    call: (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => t.call(method, path, { token: tokens[who], body, headers }),
  });
  const subscribe = async (body: Record<string, unknown>) => {
    const res = await as('admin-demo').call('POST', '/v1/webhooks', body);
    expect(res.status).toBe(201);
    return (await res.json()) as WebhookSubscription & { secret: string };
  };
  const messagesOf = async (subscriptionId: string) => (await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscriptionId)).all());
  const to = (path: string) => receiver.received.filter((r) => r.path === path);

  /** Sessions expire: after the clock jumps hours ahead, everyone signs in again. */
  const signInAll = async () => {
    for (const who of ['student-ines', 'alumna-claire', 'rep-acme', 'staff-eng', 'staff-mgmt', 'admin-demo', 'admin-other'] as const) tokens[who] = await t.signIn(who);
  };

  beforeAll(async () => {
    t = testApp();
    receiver = await startReceiver();
    await signInAll();
  });
  afterAll(async () => {
    await receiver.close();
  });

  describe('managing subscriptions', () => {
    it('refuses anyone but an administrator, with the policy sentence', async () => {
      for (const who of ['staff-eng', 'student-ines', 'rep-acme'] as const) {
        const res = await as(who).call('POST', '/v1/webhooks', { url: 'https://crm.example.org/hooks', events: ['consent.changed'] });
        expect(res.status).toBe(403);
        expect(await res.json()).toMatchObject({
          code: 'policy.refused',
          params: { action: 'webhook.manage' },
          detail: 'Only administrators can manage webhooks, because they send the institution’s data to other systems. Ask an administrator of your institution to set one up.',
        });
      }
      expect((await as('staff-eng').call('GET', '/v1/webhooks')).status).toBe(403);
    });

    it('answers the secret once, at creation, with a Location; never when read', async () => {
      const res = await as('admin-demo').call('POST', '/v1/webhooks', { url: 'https://crm.example.org/hooks', events: ['pledge.created'], description: 'CRM' });
      expect(res.status).toBe(201);
      const created = (await res.json()) as WebhookSubscription & { secret: string };
      expect(res.headers.get('location')).toBe(`/v1/webhooks/${created.id}`);
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(created.secret.slice(6), 'base64')).toHaveLength(32);
      expect(created.entityId).toBe(t.ids.demo.entities.university);
      const read = await as('admin-demo').call('GET', `/v1/webhooks/${created.id}`);
      expect(read.status).toBe(200);
      expect(JSON.stringify(await read.json())).not.toContain(created.secret.slice(6));
      const list = (await (await as('admin-demo').call('GET', '/v1/webhooks')).json()) as { items: WebhookSubscription[] };
      expect(list.items.map((s) => s.id)).toContain(created.id);
      expect(JSON.stringify(list)).not.toContain('whsec_');
    });

    it('pages the list with an opaque cursor', async () => {
      await subscribe({ url: 'https://crm.example.org/a', events: ['offer.published'] });
      await subscribe({ url: 'https://crm.example.org/b', events: ['offer.published'] });
      const first = (await (await as('admin-demo').call('GET', '/v1/webhooks?limit=1')).json()) as { items: WebhookSubscription[]; nextCursor: string | null };
      expect(first.items).toHaveLength(1);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = (await (await as('admin-demo').call('GET', `/v1/webhooks?limit=1&cursor=${first.nextCursor}`)).json()) as { items: WebhookSubscription[] };
      expect(second.items).toHaveLength(1);
      expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
      expect((await as('admin-demo').call('GET', '/v1/webhooks?cursor=nonsense')).status).toBe(400);
      expect(((await (await as('admin-other').call('GET', '/v1/webhooks')).json()) as { items: unknown[] }).items).toEqual([]);
    });

    it('allows plain http to localhost only in development mode or when told to; the OpenAPI document lists the routes', async () => {
      expect(parseConfig({ PASSERELLE_DEV: '1' }).webhookAllowLocalHttp).toBe(true);
      expect(parseConfig({}).webhookAllowLocalHttp).toBe(false);
      expect(parseConfig({ NODE_ENV: 'production', WEBHOOK_ALLOW_LOCAL_HTTP: '1' }).webhookAllowLocalHttp).toBe(true);
      const openapi = (await (await t.call('GET', '/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(openapi.paths).filter((p) => p.startsWith('/v1/webhooks'))).toEqual(expect.arrayContaining(['/v1/webhooks', '/v1/webhooks/{id}/deliveries']));
    });

    it('refuses plain http except to localhost, an empty event list and unknown events', async () => {
      const bad = async (body: Record<string, unknown>) => {
        const res = await as('admin-demo').call('POST', '/v1/webhooks', body);
        expect(res.status).toBe(400);
        return ((await res.json()) as { errors: { path: string; message: string }[] }).errors;
      };
      expect(await bad({ url: 'http://crm.example.org/hooks', events: ['consent.changed'] })).toEqual([
        { path: 'url', code: 'webhook.url.https', params: { localAllowed: true }, message: 'Use an https address (plain http is accepted only for localhost).' },
      ]);
      expect((await bad({ url: 'https://crm.example.org/hooks', events: [] }))[0]?.path).toBe('events');
      expect((await bad({ url: 'https://crm.example.org/hooks', events: ['pledge.deleted'] }))[0]?.path).toMatch(/^events/);
      expect((await bad({ url: 'ftp://crm.example.org/', events: ['consent.changed'] }))[0]?.path).toBe('url');
    });

    it('refuses http to localhost when the configuration does not allow it', async () => {
      const strict = testApp({ config: { webhookAllowLocalHttp: false } });
      const token = await strict.signIn('admin-demo');
      const res = await strict.call('POST', '/v1/webhooks', { token, body: { url: 'http://127.0.0.1:9/hooks', events: ['consent.changed'] } });
      expect(res.status).toBe(400);
    });

    it('refuses internal addresses, by their address or by what the name resolves to, at creation and on change (400, the reason in words, path url)', async () => {
      const strict = testApp({ config: { webhookAllowLocalHttp: false }, hosts: { 'crm.intranet.example.org': ['10.0.0.7'], 'crm.dual.example.org': ['2f00::1', 'fd00::7'] } });
      const token = await strict.signIn('admin-demo');
      const refused = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
        const res = await strict.call(method, path, { token, body, headers });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const { errors } = (await res.json()) as { errors: { path: string; message: string }[] };
        expect(errors).toHaveLength(1);
        expect(errors[0]!.path).toBe('url');
        return errors[0]!.message;
      };
      const create = (url: string) => refused('POST', '/v1/webhooks', { url, events: ['consent.changed'] });
      expect(await create('https://127.0.0.1:8806/hooks')).toBe('Webhooks go only to public internet addresses: 127.0.0.1 is the server itself (loopback).');
      expect(await create('https://2130706433/hooks')).toBe('Webhooks go only to public internet addresses: 127.0.0.1 is the server itself (loopback).');
      expect(await create('https://[::ffff:169.254.169.254]/latest')).toBe('Webhooks go only to public internet addresses: ::ffff:a9fe:a9fe is a link-local address (such as a cloud metadata service).');
      expect(await create('https://crm.intranet.example.org/hooks')).toBe('Webhooks go only to public internet addresses: crm.intranet.example.org resolves to 10.0.0.7, a private network address.');
      expect(await create('https://crm.dual.example.org/hooks')).toBe('Webhooks go only to public internet addresses: crm.dual.example.org resolves to fd00::7, a private network address.');
      expect(await create('https://nowhere.invalid/hooks')).toMatch(/^nowhere\.invalid could not be resolved \(DNS\)/);
      expect((await strict.db.select().from(webhookSubscriptions).all())).toHaveLength(0);

      const ok = await strict.call('POST', '/v1/webhooks', { token, body: { url: 'https://crm.example.org/hooks', events: ['consent.changed'] } });
      expect(ok.status).toBe(201);
      const { id } = (await ok.json()) as { id: string };
      const etag = (await strict.call('GET', `/v1/webhooks/${id}`, { token })).headers.get('etag')!;
      expect(await refused('PATCH', `/v1/webhooks/${id}`, { url: 'https://crm.intranet.example.org/hooks' }, { 'if-match': etag })).toMatch(/resolves to 10\.0\.0\.7/);
      expect((await strict.db.select().from(webhookSubscriptions).all()).map((s) => s.url)).toEqual(['https://crm.example.org/hooks']);
    });

    it('rotating the secret: deliveries carry the new and the old signature for 24 hours, then only the new; the old secret is never answered', async () => {
      const sub = await subscribe({ url: `${receiver.base}/rotation`, events: ['consent.changed'] });
      const rotatedAt = t.clock.now();
      const res = await as('admin-demo').call('POST', `/v1/webhooks/${sub.id}/rotate-secret`);
      expect(res.status).toBe(200);
      const rotatedText = await res.text();
      const { secret } = JSON.parse(rotatedText) as { secret: string };
      expect(secret).not.toBe(sub.secret);
      expect(rotatedText).not.toContain(sub.secret.slice(6));
      for (const path of [`/v1/webhooks/${sub.id}`, '/v1/webhooks']) expect(await (await as('admin-demo').call('GET', path)).text()).not.toContain(sub.secret.slice(6));
      expect((await t.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, sub.id)).get())).toMatchObject({
        previousSecret: sub.secret,
        previousSecretUntil: new Date(rotatedAt.getTime() + 24 * 3_600_000).toISOString(),
      });

      expect((await as('student-ines').call('PUT', '/v1/consents/events', { channels: { sms: true }, version: (await versionOf(t, 'events')) })).status).toBe(200);
      await deliver();
      const [during] = to('/rotation');
      expect(String(during!.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(verifies(secret, during!.headers, during!.body)).toBe(true);
      expect(verifies(sub.secret, during!.headers, during!.body)).toBe(true);

      t.clock.advance(24 * 3_600_000);
      await signInAll();
      expect((await as('student-ines').call('PUT', '/v1/consents/events', { channels: { sms: false }, version: (await versionOf(t, 'events')) })).status).toBe(200);
      await deliver();
      const after = to('/rotation')[1]!;
      expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
      expect(verifies(secret, after.headers, after.body)).toBe(true);
      expect(verifies(sub.secret, after.headers, after.body)).toBe(false);
      await as('admin-demo').call('DELETE', `/v1/webhooks/${sub.id}`);
    });

    it('edits with If-Match (428 without, 412 stale), and another tenant’s subscription is 404', async () => {
      const sub = await subscribe({ url: 'https://crm.example.org/edit', events: ['offer.published'] });
      const path = `/v1/webhooks/${sub.id}`;
      const etag = (await as('admin-demo').call('GET', path)).headers.get('etag')!;
      expect((await as('admin-demo').call('PATCH', path, { enabled: false })).status).toBe(428);
      const ok = await as('admin-demo').call('PATCH', path, { enabled: false, events: ['offer.published', 'offer.submitted'] }, { 'if-match': etag });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ enabled: false, events: ['offer.published', 'offer.submitted'] });
      expect((await as('admin-demo').call('PATCH', path, { enabled: true }, { 'if-match': etag })).status).toBe(412);

      for (const [method, p] of [['GET', path], ['PATCH', path], ['DELETE', path], ['GET', `${path}/deliveries`], ['POST', `${path}/rotate-secret`]] as const) {
        expect((await as('admin-other').call(method, p, method === 'PATCH' ? { enabled: true } : undefined, { 'if-match': etag })).status).toBe(404);
      }
      expect((await as('staff-eng').call('GET', path)).status).toBe(403);
      const rotated = await as('admin-demo').call('POST', `${path}/rotate-secret`);
      expect(rotated.status).toBe(200);
      expect(((await rotated.json()) as { secret: string }).secret).not.toBe(sub.secret);
      expect((await as('admin-demo').call('DELETE', path)).status).toBe(204);
      expect((await as('admin-demo').call('GET', path)).status).toBe(404);
    });
  });

  describe('delivery', () => {
    it('a consent change produces one signed message, delivered once, whose body is the consent state', async () => {
      const sub = await subscribe({ url: `${receiver.base}/consents`, events: ['consent.changed'] });
      const res = await as('student-ines').call('PUT', '/v1/consents/events', { channels: { email: true }, version: (await versionOf(t, 'events')) });
      expect(res.status).toBe(200);
      expect((await messagesOf(sub.id))).toHaveLength(1);

      expect(await deliver()).toBe(1);
      expect(await deliver()).toBe(0);
      const got = to('/consents');
      expect(got).toHaveLength(1);
      const [request] = got;
      expect(verifies(sub.secret, request!.headers, request!.body)).toBe(true);
      expect(verifies(sub.secret, request!.headers, request!.body.replace('events', 'evil'))).toBe(false);
      expect(request!.headers['webhook-id']).toMatch(/^msg_[0-9a-f-]{36}$/);
      expect(Number(request!.headers['webhook-timestamp'])).toBe(Math.floor(t.clock.now().getTime() / 1000));

      const body = JSON.parse(request!.body) as { type: string; timestamp: string; data: Record<string, unknown> };
      expect(body.type).toBe('consent.changed');
      const { changes, ...state } = body.data;
      expect(changes).toEqual([{ purposeKey: 'events', channels: ['email'] }]);
      // What staff read through the API for the same person, and their allowance this month (GET /v1/solicitations/people/:id).
      const staffView = await (await as('staff-eng').call('GET', `/v1/consents/people/${t.ids.demo.people['student-ines']}`)).json();
      const { allowance } = (await (await as('staff-eng').call('GET', `/v1/solicitations/people/${t.ids.demo.people['student-ines']}`)).json()) as { allowance: unknown };
      expect(state).toEqual({ ...(staffView as object), solicitationAllowance: allowance });
      const events = (state as { purposes: { key: string; channels: { channel: string; granted: boolean }[] }[] }).purposes.find((p) => p.key === 'events');
      expect(events?.channels.find((c) => c.channel === 'email')?.granted).toBe(true);

      const list = (await (await as('admin-demo').call('GET', `/v1/webhooks/${sub.id}/deliveries`)).json()) as { items: WebhookDelivery[] };
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ status: 'delivered', eventType: 'consent.changed', attempts: [{ statusCode: 204 }] });
      await as('admin-demo').call('DELETE', `/v1/webhooks/${sub.id}`);
    });

    it('a receiver that fails twice gets the event on the third attempt, and the deliveries route shows the three attempts', async () => {
      const sub = await subscribe({ url: `${receiver.base}/flaky`, events: ['consent.changed'] });
      receiver.answers.set('/flaky', [500, 500]);
      expect((await as('alumna-claire').call('PUT', '/v1/consents/fundraising', { channels: { post: false }, version: (await versionOf(t, 'fundraising')) })).status).toBe(200);

      expect(await deliver()).toBe(1);
      expect(await deliver()).toBe(0); // not due yet: 5 s backoff
      t.clock.advance(5_001);
      expect(await deliver()).toBe(1);
      t.clock.advance(29_000);
      expect(await deliver()).toBe(0); // 30 s backoff
      t.clock.advance(1_001);
      expect(await deliver()).toBe(1);
      t.clock.advance(3_600_000);
      expect(await deliver()).toBe(0);

      const got = to('/flaky');
      expect(got).toHaveLength(3);
      expect(new Set(got.map((r) => r.headers['webhook-id'])).size).toBe(1);
      expect(got.every((r) => verifies(sub.secret, r.headers, r.body))).toBe(true);
      expect(new Set(got.map((r) => r.body)).size).toBe(1);

      const res = await as('admin-demo').call('GET', `/v1/webhooks/${sub.id}/deliveries?status=delivered`);
      const { items } = (await res.json()) as { items: WebhookDelivery[] };
      expect(items).toHaveLength(1);
      expect(items[0]!.status).toBe('delivered');
      expect(items[0]!.attempts.map((a) => a.statusCode)).toEqual([500, 500, 204]);
      expect(items[0]!.attempts[0]!.error).toBe('http-500');
      await as('admin-demo').call('DELETE', `/v1/webhooks/${sub.id}`);
    });

    it('lists attempts stored before error categories with their category, never the old message', async () => {
      const sub = await subscribe({ url: `${receiver.base}/legacy`, events: ['consent.changed'] });
      expect((await as('alumna-claire').call('PUT', '/v1/consents/fundraising', { channels: { post: true }, version: (await versionOf(t, 'fundraising')) })).status).toBe(200);
      const [message] = (await messagesOf(sub.id));
      const at = (second: number) => new Date(t.clock.now().getTime() + second * 1000).toISOString();
      await t.db.update(webhookDeliveries).set({ status: 'failed', nextAttemptAt: null }).where(eq(webhookDeliveries.id, message!.id)).run();
      await t.db
        .insert(webhookAttempts)
        .values([
          { tenantId: t.ids.demo.tenantId, deliveryId: message!.id, at: at(0), statusCode: null, error: 'connect ECONNREFUSED 127.0.0.1:8806', durationMs: 3 },
          { tenantId: t.ids.demo.tenantId, deliveryId: message!.id, at: at(1), statusCode: null, error: 'No answer within 10 s.', durationMs: 10_000 },
          { tenantId: t.ids.demo.tenantId, deliveryId: message!.id, at: at(2), statusCode: null, error: 'self-signed certificate', durationMs: 9 },
          { tenantId: t.ids.demo.tenantId, deliveryId: message!.id, at: at(3), statusCode: 503, error: 'HTTP 503', durationMs: 4 },
          { tenantId: t.ids.demo.tenantId, deliveryId: message!.id, at: at(4), statusCode: null, error: 'getaddrinfo ENOTFOUND crm.intranet', durationMs: 2 },
        ])
        .run();
      const text = await (await as('admin-demo').call('GET', `/v1/webhooks/${sub.id}/deliveries`)).text();
      const [item] = (JSON.parse(text) as { items: WebhookDelivery[] }).items;
      expect(item!.attempts.map((a) => a.error)).toEqual(['connection-refused', 'timeout', 'tls-error', 'http-503', 'dns-error']);
      expect(text).not.toMatch(/127\.0\.0\.1|8806|certificate|ENOTFOUND|intranet/);
      await as('admin-demo').call('DELETE', `/v1/webhooks/${sub.id}`);
    });

    it('gives up after the last attempt, and an administrator can send it again', async () => {
      const sub = await subscribe({ url: `${receiver.base}/down`, events: ['consent.changed'] });
      receiver.answers.set('/down', Array.from({ length: 8 }, () => 503));
      await as('alumna-claire').call('PUT', '/v1/consents/events', { channels: { sms: true }, version: (await versionOf(t, 'events')) });
      for (let i = 0; i < 8; i++) {
        expect(await deliver()).toBe(1);
        t.clock.advance(13 * 3_600_000);
      }
      await signInAll();
      const [failed] = ((await (await as('admin-demo').call('GET', `/v1/webhooks/${sub.id}/deliveries?status=failed`)).json()) as { items: WebhookDelivery[] }).items;
      expect(failed?.attempts).toHaveLength(8);
      expect((await as('staff-eng').call('POST', `/v1/webhooks/deliveries/${failed!.id}/retry`)).status).toBe(403);
      expect((await as('admin-other').call('POST', `/v1/webhooks/deliveries/${failed!.id}/retry`)).status).toBe(404);
      const retried = await as('admin-demo').call('POST', `/v1/webhooks/deliveries/${failed!.id}/retry`);
      expect(retried.status).toBe(200);
      expect(await deliver()).toBe(1);
      expect(to('/down')).toHaveLength(9);
      expect((await as('admin-demo').call('POST', `/v1/webhooks/deliveries/${failed!.id}/retry`)).status).toBe(409);
      await as('admin-demo').call('DELETE', `/v1/webhooks/${sub.id}`);
    });

    it('a pledge to École de management reaches a subscription of École d’ingénieurs without its amount', async () => {
      const eng = await subscribe({ url: `${receiver.base}/eng`, events: ['pledge.created'], entityId: t.ids.demo.entities.engineering });
      const mgmt = await subscribe({ url: `${receiver.base}/mgmt`, events: ['pledge.created'], entityId: t.ids.demo.entities.management });
      const res = await as('rep-acme').call(
        'POST',
        '/v1/pledges',
        {
          kind: 'apprenticeship_tax',
          companyId: t.ids.demo.companies.acme,
          entityId: t.ids.demo.entities.management,
          sharePercent: 40,
          estimatedAmountCents: 987654,
          campaignYear: 2026,
          contact: { name: 'Marc Lefèvre', email: 'marc.lefevre@acme-robotique.fr' },
          viaAccountant: false,
        },
        { 'idempotency-key': 'webhook-pledge-1' },
      );
      expect(res.status).toBe(201);
      const pledgeId = ((await res.json()) as { id: string }).id;
      await deliver();
      const [toEng] = to('/eng');
      const [toMgmt] = to('/mgmt');
      expect(toEng).toBeDefined();
      expect(toMgmt).toBeDefined();
      expect(toEng!.body).not.toContain('987654');
      expect(JSON.parse(toEng!.body).data).not.toHaveProperty('estimatedAmountCents');
      expect(JSON.parse(toMgmt!.body).data).toMatchObject({ id: pledgeId, estimatedAmountCents: 987654, currency: 'EUR' });
      // The same as GET /v1/pledges/:id for staff of each school.
      expect(JSON.parse(toEng!.body).data).toEqual(await (await as('staff-eng').call('GET', `/v1/pledges/${pledgeId}`)).json());

      // An individual's gift to management: engineering's staff cannot see it at all, so no message.
      const gift = await as('alumna-claire').call(
        'POST',
        '/v1/pledges',
        { kind: 'donation', amountCents: 45600, frequency: 'once', designation: { kind: 'entity', entityId: t.ids.demo.entities.management }, donor: { kind: 'individual', fullName: 'Claire Dubois', address: { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' } }, publicThanks: false },
        { 'idempotency-key': 'webhook-pledge-2' },
      );
      expect(gift.status).toBe(201);
      expect((await messagesOf(eng.id))).toHaveLength(1);
      expect((await messagesOf(mgmt.id))).toHaveLength(2);
      await deliver();
      expect(to('/mgmt').at(-1)!.body).toContain('45600');
    });

    it('a pledge received by its school is announced as a status change; withdrawing everything as one consent change', async () => {
      const mgmt = await subscribe({ url: `${receiver.base}/status`, events: ['pledge.status_changed', 'consent.changed'], entityId: t.ids.demo.entities.management });
      const res = await as('rep-acme').call(
        'POST',
        '/v1/pledges',
        { kind: 'apprenticeship_tax', companyId: t.ids.demo.companies.acme, entityId: t.ids.demo.entities.management, sharePercent: 10, estimatedAmountCents: 120000, campaignYear: 2026, contact: { name: 'Marc Lefèvre', email: 'marc.lefevre@acme-robotique.fr' }, viaAccountant: false },
        { 'idempotency-key': 'webhook-pledge-3' },
      );
      const pledgeId = ((await res.json()) as { id: string }).id;
      expect((await messagesOf(mgmt.id))).toHaveLength(0);
      expect((await as('staff-mgmt').call('POST', `/v1/pledges/${pledgeId}/receive`, { receivedAmountCents: 118000 })).status).toBe(200);
      const [status] = (await messagesOf(mgmt.id));
      expect(JSON.parse(status!.payload)).toMatchObject({ type: 'pledge.status_changed', data: { id: pledgeId, status: 'received', receivedAmountCents: 118000 } });

      expect((await as('alumna-claire').call('POST', '/v1/consents/withdraw-all', {})).status).toBe(200);
      const consent = (await messagesOf(mgmt.id)).filter((m) => m.eventType === 'consent.changed');
      expect(consent).toHaveLength(1);
      const data = JSON.parse(consent[0]!.payload).data as { personId: string; changes: { purposeKey: string }[] };
      expect(data.personId).toBe(t.ids.demo.people['alumna-claire']);
      expect(data.changes.length).toBeGreaterThan(0);
      // Inès is not a member of École de management: its subscription hears nothing of her choices.
      expect((await as('student-ines').call('PUT', '/v1/consents/job-offers', { channels: { email: true }, version: (await versionOf(t, 'job-offers')) })).status).toBe(200);
      expect((await messagesOf(mgmt.id)).filter((m) => m.eventType === 'consent.changed')).toHaveLength(1);
    });

    it('a change that is refused or rolled back announces nothing', async () => {
      const sub = await subscribe({ url: `${receiver.base}/profiles`, events: ['profile.updated'] });
      const me = await as('student-ines').call('GET', '/v1/profiles/me');
      const etag = me.headers.get('etag')!;
      const personId = t.ids.demo.people['student-ines'];
      const stale = await as('student-ines').call('PATCH', `/v1/profiles/${personId}`, { bio: 'Robotique' }, { 'if-match': '"999"' });
      expect(stale.status).toBe(412);
      expect((await messagesOf(sub.id))).toHaveLength(0);
      expect((await as('student-ines').call('PATCH', `/v1/profiles/${personId}`, { bio: 'Robotique' }, { 'if-match': etag })).status).toBe(200);
      expect((await messagesOf(sub.id))).toHaveLength(1);
      expect(JSON.parse((await messagesOf(sub.id))[0]!.payload).data).toMatchObject({ id: personId, bio: 'Robotique' });
      // "Still accurate" changes what staff read (confirmedAt, freshness): announced too.
      expect((await as('student-ines').call('POST', '/v1/profiles/me/confirm')).status).toBe(200);
      expect((await messagesOf(sub.id))).toHaveLength(2);

      // A failure after the event was recorded rolls the message back with the change.
      await expect(
        withTransaction(t, async (tx) => {
          expect(await recordEvent(tx, { tenantId: t.ids.demo.tenantId, at: t.clock.now().toISOString() }, { type: 'profile.updated', personId })).toBe(1);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect((await messagesOf(sub.id))).toHaveLength(2);

      // A disabled subscription hears nothing.
      const etagSub = (await as('admin-demo').call('GET', `/v1/webhooks/${sub.id}`)).headers.get('etag')!;
      await as('admin-demo').call('PATCH', `/v1/webhooks/${sub.id}`, { enabled: false }, { 'if-match': etagSub });
      const etag2 = (await as('student-ines').call('GET', '/v1/profiles/me')).headers.get('etag')!;
      expect((await as('student-ines').call('PATCH', `/v1/profiles/${personId}`, { bio: 'Mécatronique' }, { 'if-match': etag2 })).status).toBe(200);
      expect((await messagesOf(sub.id))).toHaveLength(2);
    });

    it('offers: a submitted offer reaches only the targeted school’s subscription; once published, every school’s', async () => {
      const events = ['offer.submitted', 'offer.published'];
      const eng = await subscribe({ url: `${receiver.base}/offers-eng`, events, entityId: t.ids.demo.entities.engineering });
      const mgmt = await subscribe({ url: `${receiver.base}/offers-mgmt`, events, entityId: t.ids.demo.entities.management });
      const res = await as('rep-acme').call(
        'POST',
        '/v1/offers',
        sampleOfferBody({ companyId: t.ids.demo.companies.acme, targetEntityIds: [t.ids.demo.entities.engineering] }, { startDate: '2026-06-01', expiresOn: '2026-05-30' }),
        { 'idempotency-key': 'webhook-offer-1' },
      );
      expect(res.status).toBe(201);
      const offerId = ((await res.json()) as { id: string }).id;
      expect((await messagesOf(eng.id))).toHaveLength(0); // a draft is not announced
      expect((await as('rep-acme').call('POST', `/v1/offers/${offerId}/submit`, undefined, { 'idempotency-key': 'webhook-offer-2' })).status).toBe(200);
      expect((await messagesOf(eng.id)).map((m) => m.eventType)).toEqual(['offer.submitted']);
      expect((await messagesOf(mgmt.id))).toHaveLength(0);
      expect(JSON.parse((await messagesOf(eng.id))[0]!.payload)).toMatchObject({ type: 'offer.submitted', data: { id: offerId, status: 'submitted' } });

      expect((await as('staff-eng').call('POST', `/v1/offers/${offerId}/publish`)).status).toBe(200);
      expect((await messagesOf(eng.id)).map((m) => m.eventType).sort()).toEqual(['offer.published', 'offer.submitted']);
      expect((await messagesOf(mgmt.id)).map((m) => m.eventType)).toEqual(['offer.published']);
    });

    it('an erasure request reaches the subscriptions whose staff process it', async () => {
      const eng = await subscribe({ url: `${receiver.base}/erasure-eng`, events: ['erasure.requested', 'consent.changed'], entityId: t.ids.demo.entities.engineering });
      const mgmt = await subscribe({ url: `${receiver.base}/erasure-mgmt`, events: ['erasure.requested'], entityId: t.ids.demo.entities.management });
      const res = await as('student-ines').call('POST', '/v1/me/erasure', { confirm: true });
      expect(res.status).toBe(201);
      const request = (await res.json()) as { id: string };
      expect((await messagesOf(mgmt.id))).toHaveLength(0);
      const messages = (await messagesOf(eng.id)).map((m) => JSON.parse(m.payload) as { type: string; data: Record<string, unknown> });
      expect(messages.find((m) => m.type === 'erasure.requested')).toMatchObject({ data: { id: request.id, personId: t.ids.demo.people['student-ines'], status: 'pending' } });
      // Every marketing use is withdrawn at once: announced as a consent change too.
      expect(messages.find((m) => m.type === 'consent.changed')?.data).toMatchObject({ personId: t.ids.demo.people['student-ines'] });
      expect(messages).toHaveLength(2);
    });
  });
});
