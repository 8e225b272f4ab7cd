/**
 * Behind a reverse proxy (TRUST_PROXY=1), the client address is the one the
 * proxy appended to X-Forwarded-For, never the values the client wrote to
 * its left: forged addresses do not spread requests over many budgets.
 * The proxy is a real one on 127.0.0.1 that forwards like nginx's
 * `$proxy_add_x_forwarded_for`.
 */
import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { rowsOf, isProblem, startApi, type Api } from './harness.ts';

/** Forwards every request to `target`, appending the address it came from to X-Forwarded-For. */
function forwardingProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const to = new URL(target);
  const server: Server = createServer((incoming: IncomingMessage, answer: ServerResponse) => {
    const forwarded = incoming.headers['x-forwarded-for'];
    const seen = incoming.socket.remoteAddress ?? '';
    const headers = { ...incoming.headers, 'x-forwarded-for': forwarded ? `${String(forwarded)}, ${seen}` : seen };
    const upstream = request({ host: to.hostname, port: to.port, method: incoming.method, path: incoming.url, headers }, (reply) => {
      answer.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(answer);
    });
    upstream.on('error', () => answer.destroy());
    incoming.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen({ host: '127.0.0.1', port: 0 }, () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
      }),
    ),
  );
}

let api: Api;
let proxy: Awaited<ReturnType<typeof forwardingProxy>>;
before(async () => {
  api = await startApi({ trustedProxies: 1 });
  proxy = await forwardingProxy(api.base);
});
after(async () => {
  await proxy.close();
  await api.close();
});

describe('X-Forwarded-For behind one trusted proxy', () => {
  it('35 code requests with forged left-most addresses from one client: refused with 429 once the cap per client address (30 codes in 15 minutes) is reached', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const res = await fetch(`${proxy.url}/v1/auth/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
        body: JSON.stringify({ tenant: 'demo', email: `forged-${i}@example.org` }),
      });
      const text = await res.text();
      statuses.push(res.status);
      if (res.status === 429) {
        assert.ok(isProblem({ status: res.status, headers: res.headers, text, json: JSON.parse(text) }));
        assert.match(res.headers.get('retry-after') ?? '', /^\d+$/);
      }
    }
    const firstRefusal = statuses.indexOf(429);
    assert.ok(firstRefusal > 0 && firstRefusal <= 30, `statuses: ${statuses.join(' ')}`);
    assert.deepEqual(statuses.slice(0, firstRefusal), Array(firstRefusal).fill(202));
    assert.deepEqual(statuses.slice(firstRefusal), Array(35 - firstRefusal).fill(429));
    // Every code was counted against the address the proxy saw, none against a forged one.
    const ips = await rowsOf(api.t, "SELECT DISTINCT ip FROM email_codes WHERE email LIKE 'forged-%'");
    assert.deepEqual(ips, [{ ip: '127.0.0.1' }]);
  });
});
