/**
 * SIGTERM while a pledge's body is still arriving: the server refuses new
 * connections at once, closes idle keep-alive ones, answers the request in
 * flight and exits 0 with the pledge stored. A request still unfinished
 * when the grace (SHUTDOWN_GRACE_SECONDS) ends is cut, and the process
 * exits 0 saying so; a second signal exits at once with code 1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { integrityOf, partialWrites, pledgeIds, signIn, startApi, suiteWorkspace, withDatabase } from './harness.ts';
import { pledgesForKey } from '../../server/src/db/read-back.ts';
import { newPledge, type PledgeRequest } from './load.ts';

const suite = suiteWorkspace();

interface SlowPledge {
  /** The server took the request: it answered `100 Continue` to its headers, then got half the body. */
  started: Promise<void>;
  /** Sends the second half of the body. */
  sendRest(): void;
  /** The answer; rejects if the connection is cut first. */
  answer: Promise<{ status: number; headers: IncomingHttpHeaders; body: Record<string, unknown> }>;
}

/** `POST /v1/pledges` on a connection of its own, its body sent in two halves. */
function slowPledge(url: string, token: string, p: PledgeRequest): SlowPledge {
  const body = Buffer.from(JSON.stringify(p.body));
  const half = Math.floor(body.length / 2);
  const req = httpRequest(`${url}/v1/pledges`, {
    method: 'POST',
    agent: false,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': String(body.length),
      'idempotency-key': p.key,
      // The server answers 100 Continue once it has the headers: a sign that the request is in flight there.
      expect: '100-continue',
    },
  });
  const answer = new Promise<{ status: number; headers: IncomingHttpHeaders; body: Record<string, unknown> }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.once('error', reject);
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
    });
  });
  // Observed by the tests that expect a cut; never an unhandled rejection meanwhile.
  answer.catch(() => undefined);
  const started = new Promise<void>((resolve, reject) => {
    req.once('error', reject);
    req.once('continue', () => req.write(body.subarray(0, half), () => resolve()));
  });
  req.flushHeaders();
  return { started, sendRest: () => req.end(body.subarray(half)), answer };
}

/** Resolves with the error of a TCP connection attempt to the server's port, or rejects if it was accepted. */
function connectionError(url: string): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(url).port) });
    socket.once('connect', () => (socket.destroy(), reject(new Error('a new connection was accepted after the signal'))));
    socket.once('error', resolve);
  });
}

/** An idle keep-alive connection: one request answered on it, kept open; resolves `closed` when the server closes it. */
async function idleKeepAlive(url: string): Promise<{ closed: Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const socket = await new Promise<Socket>((resolve, reject) => {
    const req = httpRequest(`${url}/health`, { agent }, (res) => {
      res.resume();
      res.once('end', () => resolve(req.socket!));
    });
    req.once('error', reject);
    req.end();
  });
  return { closed: new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve()))) };
}

test('SIGTERM answers the pledge whose body is still arriving, refuses new connections, closes idle ones, exits 0', { timeout: 90_000 }, async () => {
  const { ws, track } = suite;
  const seeded = await withDatabase(ws.url, pledgeIds);
  // A grace far longer than the test needs: it must end because the request was answered, not because time ran out.
  const api = track(await startApi(ws.url, { SHUTDOWN_GRACE_SECONDS: '60' }));
  const token = await signIn(api.url, 'rep-acme');
  const idle = await idleKeepAlive(api.url);
  const p = newPledge('rep-acme', 'sigterm');
  const pledge = slowPledge(api.url, token, p);
  await pledge.started;

  api.signal('SIGTERM');
  const received = await api.waitForOutput(/SIGTERM received/);
  assert.match(received, /finishing 1 request in flight/);
  assert.equal((await connectionError(api.url)).code, 'ECONNREFUSED', 'a new connection is refused once the signal was handled');
  await idle.closed;

  pledge.sendRest();
  const answer = await pledge.answer;
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  assert.equal(answer.headers.connection, 'close');
  assert.equal(answer.body.amountCents, p.body.amountCents);

  assert.deepEqual(await api.exited, { code: 0, signal: null }, api.output());
  assert.match(api.output(), /Passerelle API stopped: every request in flight was answered/);
  await withDatabase(ws.url, async (db) => {
    assert.equal(await integrityOf(db), 'ok');
    assert.deepEqual(await pledgesForKey(db, p.key), [{ id: answer.body.id, amount: p.body.amountCents }], 'the answered pledge is stored, once');
    assert.deepEqual(await partialWrites(db, seeded), { pledgesWithoutAudit: [], keysWithoutPledge: [], duplicateKeys: [] });
  });
});

test('a request still unfinished when the grace ends is cut, and the process exits 0 saying so', { timeout: 90_000 }, async () => {
  const { ws, track } = suite;
  const before = (await withDatabase(ws.url, pledgeIds)).length;
  const api = track(await startApi(ws.url, { SHUTDOWN_GRACE_SECONDS: '1' }));
  const token = await signIn(api.url, 'rep-acme');
  const p = newPledge('rep-acme', 'grace');
  const pledge = slowPledge(api.url, token, p);
  await pledge.started;

  api.signal('SIGTERM');
  await api.waitForOutput(/SIGTERM received/);
  // The rest of the body never comes: the grace ends, the connection is cut.
  await assert.rejects(pledge.answer, /socket hang up|ECONNRESET/);
  assert.deepEqual(await api.exited, { code: 0, signal: null }, api.output());
  assert.match(api.output(), /Passerelle API stopped after the 1 s grace: 1 request cut/);
  await withDatabase(ws.url, async (db) => {
    assert.equal(await integrityOf(db), 'ok');
    assert.deepEqual(await pledgesForKey(db, p.key), [], 'nothing of the cut request was stored');
    assert.equal((await pledgeIds(db)).length, before);
  });
});

test('a second signal while stopping exits at once with code 1', { timeout: 90_000 }, async () => {
  const { ws, track } = suite;
  const api = track(await startApi(ws.url, { SHUTDOWN_GRACE_SECONDS: '600' }));
  const token = await signIn(api.url, 'rep-acme');
  const pledge = slowPledge(api.url, token, newPledge('rep-acme', 'twice'));
  await pledge.started;

  api.signal('SIGTERM');
  await api.waitForOutput(/SIGTERM received/);
  api.signal('SIGINT');
  assert.deepEqual(await api.exited, { code: 1, signal: null }, api.output());
  assert.match(api.output(), /SIGINT again while stopping; exiting now \(code 1\), 1 request cut/);
  await assert.rejects(pledge.answer);
  await withDatabase(ws.url, async (db) => assert.equal(await integrityOf(db), 'ok'));
});
