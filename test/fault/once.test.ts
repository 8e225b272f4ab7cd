/**
 * Twenty identical requests at once, split between two API instances on
 * one database: each takes effect exactly once (issue 15 item 4). A pledge
 * under one Idempotency-Key (one row, twenty identical 201s), a profile
 * edit under one If-Match (one 200, nineteen 412), the approval of one
 * company request (one 200, nineteen 409), one emailed sign-in code (one
 * session, nineteen 401), and the webhook outbox, which both instances'
 * delivery workers drain at the same time: each message received once.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readMessage, smtpReceiver, type Receiver } from '../../server/src/mail/smtp-receiver.ts';
import { auditCount, codesOf, companyRequestStatus, deliveriesOf, mailsQueued, pledgesForKey, profileMark, representations, sessionsOpened } from '../../server/src/db/read-back.ts';
import { ENGINE, request, signIn, startApi, suiteWorkspace, withDatabase, type Api, type Reply } from './harness.ts';
import { WRITERS, createPledge, editProfile, newPledge } from './load.ts';

const TIMES = 20;
const suite = suiteWorkspace();

interface Hooks {
  url: string;
  /** Every delivery received: its `webhook-id` and its payload's event type and data id. */
  received: Array<{ id: string; type: string; dataId: unknown }>;
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1 that takes a moment to answer 204 (a window for a second worker to send the same message, if it could). */
function webhookReceiver(): Promise<Hooks> {
  const received: Hooks['received'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const payload = JSON.parse(body) as { type: string; data: { id?: unknown } | null };
      received.push({ id: String(req.headers['webhook-id']), type: payload.type, dataId: payload.data?.id });
      setTimeout(() => res.writeHead(204).end(), 30);
    });
  });
  return new Promise((resolve) => {
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))) });
    });
  });
}

let smtp: Receiver;
let hooks: Hooks;
let apis: [Api, Api];
let subscriptionId: string;

/** The receivers, both instances and the subscription: made once, by the first test that runs (after the workspace's hook). */
let made: Promise<void> | undefined;
const ready = () => (made ??= setUp());
async function setUp(): Promise<void> {
  smtp = await smtpReceiver();
  hooks = await webhookReceiver();
  // Email sign-in on (through the SMTP receiver), loopback webhooks allowed: both instances alike.
  const env = { EMAIL_SIGN_IN: 'on', SMTP_URL: smtp.url, WEBHOOK_ALLOW_LOCAL_HTTP: '1' };
  apis = [suite.track(await startApi(suite.ws.url, env)), suite.track(await startApi(suite.ws.url, env))];
  const admin = await signIn(apis[0].url, 'admin-demo');
  const created = await request(apis[0].url, 'POST', '/v1/webhooks', { token: admin, body: { url: hooks.url, events: ['pledge.created', 'profile.updated'] } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  subscriptionId = created.body.id as string;
}
after(async () => {
  await made?.catch(() => undefined);
  await smtp?.close();
  await hooks?.close();
});

/** `send` TIMES times at once, alternately through each instance. */
const atOnce = (send: (api: string) => Promise<Reply>) => Promise.all(Array.from({ length: TIMES }, (_, i) => send(apis[i % 2]!.url)));
const statuses = (answers: Reply[]) => answers.map((a) => a.status).sort();
const logged = () => `; the servers logged:\n${apis.flatMap((api) => api.warnings()).join('\n')}`;
const personOf = (sub: keyof typeof suite.ws.demo.demo.people) => suite.ws.demo.demo.people[sub];

test(`${TIMES} identical pledges under one Idempotency-Key through two instances (${ENGINE}): one pledge, twenty identical 201s`, { timeout: 120_000 }, async () => {
  await ready();
  const token = await signIn(apis[1].url, 'rep-acme');
  const acknowledgedBefore = await withDatabase(suite.ws.url, (db) => mailsQueued(db, personOf('rep-acme'), 'pledge.acknowledged'));
  const p = newPledge('rep-acme', 'once');
  const answers = await atOnce((api) => createPledge(api, token, p));
  assert.deepEqual(statuses(answers), Array(TIMES).fill(201), JSON.stringify(answers.find((a) => a.status !== 201)?.body) + logged());
  const ids = new Set(answers.map((a) => a.body.id));
  assert.equal(ids.size, 1, 'every answer names the same pledge');
  assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed') !== 'true').length, 1, 'one answer is the write, the others replay it');
  const id = answers[0]!.body.id as string;
  await withDatabase(suite.ws.url, async (db) => {
    assert.deepEqual(await pledgesForKey(db, p.key), [{ id, amount: p.body.amountCents }], 'one row for the key');
    assert.equal(await auditCount(db, 'pledge.create', id), 1, 'audited once');
    assert.equal(await mailsQueued(db, personOf('rep-acme'), 'pledge.acknowledged'), acknowledgedBefore + 1, 'acknowledged by mail once');
  });
});

test(`${TIMES} identical profile edits under one If-Match through two instances (${ENGINE}): one 200, nineteen 412`, { timeout: 120_000 }, async () => {
  await ready();
  const token = await signIn(apis[0].url, 'alumna-claire');
  const personId = personOf('alumna-claire');
  const read = await request(apis[1].url, 'GET', `/v1/profiles/${personId}`, { token });
  const before = await withDatabase(suite.ws.url, (db) => profileMark(db, personId));
  const edit = { bio: `once, through two instances (${ENGINE})`, ifMatch: read.headers.get('etag')! };
  const answers = await atOnce((api) => editProfile(api, token, personId, edit));
  assert.deepEqual(statuses(answers), [200, ...Array(TIMES - 1).fill(412)], logged());
  for (const refused of answers.filter((a) => a.status === 412)) assert.equal((refused.body.current as { bio: string }).bio, edit.bio, 'a 412 shows the version the edit made');
  const after = await withDatabase(suite.ws.url, (db) => profileMark(db, personId));
  assert.deepEqual(after, { version: before.version + 1, bio: edit.bio, audits: before.audits + 1 }, 'one new version, audited once');
});

test(`${TIMES} approvals of one company request through two instances (${ENGINE}): one 200, nineteen 409, one representative`, { timeout: 120_000 }, async () => {
  await ready();
  const ines = personOf('student-ines');
  const globex = suite.ws.demo.demo.companies.globex;
  const asked = await request(apis[0].url, 'POST', '/v1/companies/requests', { token: await signIn(apis[0].url, 'student-ines'), body: { companyId: globex } });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  const requestId = asked.body.id as string;
  const staff = await signIn(apis[1].url, 'staff-eng');
  const answers = await atOnce((api) => request(api, 'POST', `/v1/companies/requests/${requestId}/approve`, { token: staff }));
  assert.deepEqual(statuses(answers), [200, ...Array(TIMES - 1).fill(409)], logged());
  for (const refused of answers.filter((a) => a.status === 409)) assert.equal(refused.body.code, 'companyRequest.decided');
  await withDatabase(suite.ws.url, async (db) => {
    assert.equal(await companyRequestStatus(db, requestId), 'approved');
    assert.equal(await representations(db, ines, globex), 1, 'one membership');
    assert.equal(await auditCount(db, 'company.request.approve', requestId), 1, 'audited once');
    assert.equal(await mailsQueued(db, ines, 'company.request.approved'), 1, 'the requester is told once');
  });
});

test(`${TIMES} verifications of one emailed code through two instances (${ENGINE}): one session, nineteen 401`, { timeout: 120_000 }, async () => {
  await ready();
  const email = 'claire.dubois@alumni.demo.test';
  const sessionsBefore = await withDatabase(suite.ws.url, (db) => sessionsOpened(db, personOf('alumna-claire'), 'email'));
  const sent = await request(apis[0].url, 'POST', '/v1/auth/email', { body: { tenant: 'demo', email } });
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  // The code leaves before the answer: it is in the mailbox now.
  const mail = smtp.messages.filter((m) => m.to.includes(email)).map((m) => readMessage(m.raw)).find((m) => /: \d{6}$/.test(m.subject));
  const code = /: (\d{6})$/.exec(mail?.subject ?? '')?.[1];
  assert.ok(code, 'the sign-in code arrived');
  const answers = await atOnce((api) => request(api, 'POST', '/v1/auth/verify', { body: { tenant: 'demo', email, code } }));
  assert.deepEqual(statuses(answers), [200, ...Array(TIMES - 1).fill(401)], logged());
  // The code is single use: once taken, it is a wrong code.
  for (const refused of answers.filter((a) => a.status === 401)) assert.equal(refused.body.code, 'auth.code.wrong');
  const session = answers.find((a) => a.status === 200)!.body.token as string;
  assert.equal((await request(apis[1].url, 'GET', '/v1/me', { token: session })).status, 200, 'the one session works on the other instance');
  await withDatabase(suite.ws.url, async (db) => {
    assert.equal(await sessionsOpened(db, personOf('alumna-claire'), 'email'), sessionsBefore + 1, 'one session opened');
    assert.deepEqual((await codesOf(db, email)).filter((c) => c.kind === 'short'), [{ kind: 'short', used: true }], 'the code, used once');
  });
});

test(`the webhook outbox, drained by both instances at once (${ENGINE}): each message delivered once, one attempt each`, { timeout: 180_000 }, async () => {
  await ready();
  // Forty more events at once, queued through both instances, each of which wakes its own worker.
  const tokens = Object.fromEntries(await Promise.all(WRITERS.map(async (sub, i) => [sub, await signIn(apis[i % 2]!.url, sub)] as const)));
  const burst = await Promise.all(
    Array.from({ length: 2 * TIMES }, (_, i) => {
      const sub = WRITERS[i % WRITERS.length]!;
      return createPledge(apis[i % 2]!.url, tokens[sub]!, newPledge(sub, 'hooks'));
    }),
  );
  assert.deepEqual(statuses(burst), Array(2 * TIMES).fill(201), logged());

  // Every message of the subscription settled: delivered (the receiver answers 204), or a failure to look at.
  const deadline = Date.now() + 120_000;
  let deliveries = await withDatabase(suite.ws.url, (db) => deliveriesOf(db, subscriptionId));
  while (deliveries.some((d) => d.status === 'pending') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    deliveries = await withDatabase(suite.ws.url, (db) => deliveriesOf(db, subscriptionId));
  }
  // The earlier tests' pledge and profile edit, and the burst.
  assert.equal(deliveries.length, 2 + 2 * TIMES, 'one message per event');
  assert.deepEqual(deliveries.filter((d) => d.status !== 'delivered' || d.attempts !== 1 || d.recorded !== 1), [], `every message delivered at its first attempt, one attempt recorded${logged()}`);
  const times = new Map<string, number>();
  for (const { id } of hooks.received) times.set(id, (times.get(id) ?? 0) + 1);
  assert.deepEqual([...times].filter(([, n]) => n !== 1), [], 'no message received twice');
  assert.deepEqual([...times.keys()].sort(), deliveries.map((d) => d.id).sort(), 'every message received');
  assert.equal(hooks.received.filter((h) => h.type === 'profile.updated').length, 1, 'the profile edit made once is announced once');
});
