/**
 * Webhooks cannot be aimed inside the network (server-side request
 * forgery), over real HTTP with the production configuration (no local
 * switch): every spelling of a loopback, private, link-local, shared,
 * unspecified, multicast or reserved host is refused when a subscription is
 * saved, and so is a name whose DNS answers include one (the app's resolver
 * is a table: no test resolves a real name). A name that resolved to a public
 * address when saved and to this machine later is refused at connection
 * time: the receiver on 127.0.0.1 gets nothing, and the administrator reads
 * `blocked-address`, not an address or a port.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { isProblem, startApi, type Api } from './harness.ts';
import { deliverDue } from '../../server/src/webhooks/deliver.ts';
import { tableLookup } from '../../server/src/webhooks/host-table.ts';

let api: Api;
before(async () => {
  api = await startApi();
  api.t.hosts.set('hooks.intranet.example.org', ['10.20.30.40']);
  api.t.hosts.set('metadata.example.org', ['2f00::1', '169.254.169.254']);
  api.t.hosts.set('v6.intranet.example.org', ['fd12:3456::1']);
  api.t.hosts.set('nat64.intranet.example.org', ['64:ff9b::c0a8:101']);
  api.t.hosts.set('mapped.intranet.example.org', ['::ffff:127.0.0.1']);
});
after(() => api.close());

const subscribe = (url: string) => api.send('POST', '/v1/webhooks', { as: 'admin', body: { url, events: ['consent.changed'] } });

/** The one field error of a refusal: `url`, with its message. */
function urlError(reply: Awaited<ReturnType<typeof subscribe>>): string {
  assert.equal(reply.status, 400, reply.text);
  assert.ok(isProblem(reply), reply.text);
  const errors = (reply.json as { errors: { path: string; message: string }[] }).errors;
  assert.equal(errors.length, 1, reply.text);
  assert.equal(errors[0]!.path, 'url');
  return errors[0]!.message;
}

describe('a webhook URL aimed inside the network is refused when saved', () => {
  const spellings: [string, RegExp][] = [
    ['https://127.0.0.1:8806/hooks', /loopback/],
    ['https://127.1/hooks', /loopback/],
    ['https://2130706433/hooks', /loopback/],
    ['https://0x7f.1/hooks', /loopback/],
    ['https://0177.0.0.1/hooks', /loopback/],
    ['https://127.0.0.1./hooks', /loopback/],
    ['https://[::1]/hooks', /loopback/],
    ['https://[::ffff:7f00:1]/hooks', /loopback/],
    ['https://[::ffff:127.0.0.1]/hooks', /loopback/],
    ['https://localhost/hooks', /loopback/],
    ['https://localhost./hooks', /loopback/],
    ['https://admin.localhost/hooks', /loopback/],
    ['https://0.0.0.0/hooks', /unspecified/],
    ['https://[::]/hooks', /unspecified/],
    ['https://10.0.0.1/hooks', /private/],
    ['https://172.31.255.1/hooks', /private/],
    ['https://192.168.0.10/hooks', /private/],
    ['https://[fd00::10]/hooks', /private/],
    ['https://[64:ff9b::10.0.0.1]/hooks', /private/],
    ['https://[2002:c0a8:0001::1]/hooks', /private/],
    ['https://169.254.169.254/latest/meta-data', /link-local/],
    ['https://[fe80::1]/hooks', /link-local/],
    ['https://100.64.1.2/hooks', /shared/],
    ['https://239.1.2.3/hooks', /multicast/],
    ['https://[ff05::2]/hooks', /multicast/],
    ['https://255.255.255.255/hooks', /reserved/],
    ['https://198.18.0.1/hooks', /reserved/],
  ];
  for (const [url, reason] of spellings) {
    it(`${url}: 400, path url, ${reason.source}`, async () => {
      const before = await api.snapshot(['webhook_subscriptions']);
      const message = urlError(await subscribe(url));
      assert.match(message, /^Webhooks go only to public internet addresses: /);
      assert.match(message, reason);
      assert.deepEqual(await api.snapshot(['webhook_subscriptions']), before);
    });
  }

  it('plain http is refused, to this machine too (no local switch in production)', async () => {
    assert.match(urlError(await subscribe('http://127.0.0.1:8787/hooks')), /https/);
    assert.match(urlError(await subscribe('http://localhost/hooks')), /https/);
  });

  const resolved: [string, RegExp][] = [
    ['https://hooks.intranet.example.org/hooks', /hooks\.intranet\.example\.org resolves to 10\.20\.30\.40, a private network address/],
    ['https://metadata.example.org/latest', /resolves to 169\.254\.169\.254, a link-local address/],
    ['https://v6.intranet.example.org/hooks', /resolves to fd12:3456::1, a private network address/],
    ['https://nat64.intranet.example.org/hooks', /resolves to 64:ff9b::c0a8:101, a private network address/],
    ['https://mapped.intranet.example.org/hooks', /resolves to ::ffff:127\.0\.0\.1, the server itself/],
    ['https://HOOKS.intranet.example.org./hooks', /resolves to 10\.20\.30\.40/],
  ];
  for (const [url, reason] of resolved) {
    it(`${url}: refused for what its name resolves to`, async () => {
      assert.match(urlError(await subscribe(url)), reason);
    });
  }

  it('a name that does not resolve is refused too (its addresses cannot be checked)', async () => {
    assert.match(urlError(await subscribe('https://nowhere.invalid/hooks')), /could not be resolved \(DNS\)/);
  });

  it('a public address is accepted; changing it to an internal one is refused and changes nothing', async () => {
    const created = await subscribe('https://crm.example.org/hooks/passerelle');
    assert.equal(created.status, 201, created.text);
    const path = `/v1/webhooks/${(created.json as { id: string }).id}`;
    const etag = (await api.send('GET', path, { as: 'admin' })).headers.get('etag')!;
    const before = await api.snapshot(['webhook_subscriptions']);
    const refused = await api.send('PATCH', path, { as: 'admin', body: { url: 'https://hooks.intranet.example.org/x' }, headers: { 'if-match': etag } });
    assert.match(urlError(refused), /10\.20\.30\.40/);
    assert.deepEqual(await api.snapshot(['webhook_subscriptions']), before);
    assert.equal((await api.send('DELETE', path, { as: 'admin' })).status, 204);
  });
});

describe('a name that later resolves to this machine (DNS rebinding)', () => {
  it('is refused at connection time: the receiver on 127.0.0.1 gets nothing, the attempt reads blocked-address', async () => {
    let connections = 0;
    const receiver = createServer((req, res) => {
      req.resume();
      res.statusCode = 204;
      res.end();
    });
    receiver.on('connection', () => connections++);
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    const { port } = receiver.address() as AddressInfo;
    try {
      // Saved while the name resolves to a public address…
      api.t.hosts.set('crm.rebind.example.org', ['2f00::1']);
      const created = await subscribe(`https://crm.rebind.example.org:${port}/hooks`);
      assert.equal(created.status, 201, created.text);
      const id = (created.json as { id: string }).id;
      const events = ((await api.send('GET', '/v1/consents', { as: 'student' })).json as { purposes: { key: string; version: { hash: string } }[] }).purposes.find((p) => p.key === 'events')!.version.hash;
      assert.equal((await api.send('PUT', '/v1/consents/events', { as: 'student', body: { channels: { email: true }, version: events } })).status, 200);

      // …delivered once it answers 127.0.0.1 (the delivery's resolver knows that name only).
      const dnsNow = tableLookup(new Map([['crm.rebind.example.org', ['127.0.0.1']]]));
      assert.equal(await deliverDue({ db: api.t.db, clock: api.t.clock, allowLocal: false, lookup: dnsNow }), 1);
      assert.equal(connections, 0, 'the receiver was reached');

      const deliveries = await api.send('GET', `/v1/webhooks/${id}/deliveries`, { as: 'admin' });
      assert.equal(deliveries.status, 200);
      const [item] = (deliveries.json as { items: { status: string; attempts: { error?: string; statusCode?: number }[] }[] }).items;
      assert.equal(item!.status, 'pending');
      assert.deepEqual(
        item!.attempts.map((a) => [a.error, a.statusCode]),
        [['blocked-address', undefined]],
      );
      assert.doesNotMatch(deliveries.text, new RegExp(`127\\.0\\.0\\.1|:${port}\\b|ECONN`));
      assert.equal((await api.send('DELETE', `/v1/webhooks/${id}`, { as: 'admin' })).status, 204);
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
